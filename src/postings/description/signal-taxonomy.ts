/**
 * The domain vocabulary behind `signals`: each entry is a short tag and the phrasings that
 * evidence it. Broad on purpose (engineering, data/ML, infrastructure, product, design, people
 * leadership, go-to-market, operations, hardware, regulated domains, working conditions); the
 * summariser adds noun phrases the posting repeats on top of these.
 * Patterns are plain alternations of literal phrases (compiled case-insensitively with word
 * boundaries), so matching stays linear.
 */
export const SIGNAL_TAXONOMY: ReadonlyArray<readonly [tag: string, phrases: string]> = [
  // Machine learning and AI
  ['recommendation systems', 'recommendation systems?|recommender systems?|recommendations|recsys'],
  [
    'search and ranking',
    'search ranking|ranking models?|information retrieval|search relevance|relevance modeling|retrieval',
  ],
  [
    'machine learning models',
    'machine learning models?|ml models?|state-of-the-art ml|ml-based|model training|modeling',
  ],
  [
    'applied machine learning',
    'applied machine learning|applied ml|machine learning engineering|ml engineering',
  ],
  ['machine learning', 'machine learning|\\bml\\b'],
  ['deep learning', 'deep learning|neural networks?|transformers?'],
  ['natural language processing', 'natural language processing|nlp'],
  ['computer vision', 'computer vision|image recognition|perception|visual intelligence'],
  ['generative AI', 'generative ai|genai|gen ai|diffusion models?|generative models?|generative video'],
  ['large language models', 'large language models?|llms?|llm-powered|foundation models?'],
  ['AI tooling', 'ai coding assistants?|copilot|cursor|codex|ai-first|ai tools|ai capabilities'],
  ['reinforcement learning', 'reinforcement learning|rlhf'],
  [
    'MLOps',
    'mlops|ml infrastructure|ml platform|feature stores?|model serving|inference optimization|inference',
  ],
  ['experimentation', 'a/b testing|a/b tests?|experimentation|experiment analysis|online experiments?'],
  ['AI research', 'research scientists?|research-driven|research programs?|frontier research|publications'],
  ['AI safety', 'ai safety|alignment research|interpretability|responsible ai'],
  // Data
  ['big data', 'big data|large datasets?|petabyte|data-intensive'],
  ['data pipelines', 'data pipelines?|etl|elt|data ingestion|data curation|data versioning'],
  [
    'data engineering',
    'data engineering|data engineers?|data platform|data warehouse|data warehousing|data lake|lakehouse',
  ],
  ['analytics', 'analytics|data analysis|business intelligence|dashboards?|looker|tableau|power bi'],
  ['SQL', 'sql|postgres(?:ql)?|mysql|bigquery|snowflake|redshift'],
  ['streaming systems', 'kafka|streaming|real-time data|event-driven|flink|spark streaming'],
  ['Spark', 'apache spark|spark|databricks|hadoop'],
  ['data-driven decisions', 'data-driven|data driven|metrics-driven|kpis?|okrs?'],
  ['statistics', 'statistics|statistical|econometrics|causal inference'],
  // Infrastructure and systems
  [
    'large-scale systems',
    'large-scale systems?|large-scale|at scale|hyperscale|high-scale|massive scale|millions of users|500 million|scalable systems?|scalability',
  ],
  ['low-latency systems', 'low-latency|low latency|high-throughput|high throughput|real-time systems?'],
  ['distributed systems', 'distributed systems?|distributed computing|fault tolerance|consensus'],
  [
    'cloud infrastructure',
    'cloud infrastructure|cloud platforms?|cloud providers?|cloud-native|multi-cloud|cloud services',
  ],
  ['AWS', 'aws|amazon web services'],
  ['GCP', 'gcp|google cloud'],
  ['Azure', 'azure'],
  ['Kubernetes', 'kubernetes|k8s|container orchestration|containers?|docker'],
  ['infrastructure as code', 'terraform|infrastructure as code|pulumi|ansible'],
  [
    'reliability engineering',
    'reliability|sre|site reliability|slos?|error budgets?|incident management|incident reviews?|on-call|availability|failover|chaos engineering',
  ],
  ['observability', 'observability|monitoring|alerting|tracing|datadog|prometheus|grafana'],
  [
    'performance optimization',
    'performance optimization|performance tuning|efficiency|optimization|profiling',
  ],
  ['GPU compute', 'gpus?|tpus?|gpu fleet|compute clusters?|compute planning|hpc|cuda'],
  [
    'security',
    'security|infosec|cybersecurity|threat modeling|vulnerabilit(?:y|ies)|zero trust|iam|identity and access',
  ],
  ['privacy and compliance', 'privacy|gdpr|compliance|soc 2|hipaa|regulatory|export-controlled'],
  ['networking', 'networking|tcp/ip|dns|load balancing|cdn'],
  [
    'DevOps and CI/CD',
    'ci/cd|continuous integration|continuous delivery|devops|build systems?|release engineering|github actions|jenkins',
  ],
  [
    'APIs and integrations',
    'rest apis?|restful apis?|apis?|webhooks?|oauth2?|openapi|graphql|grpc|system integrations?|integrations?|ipaas|soap',
  ],
  [
    'automation',
    'automation|automated workflows?|workflows? automation|scripting|okta workflows?|workato|zapier|n8n',
  ],
  ['backend engineering', 'backend|back-end|server-side|microservices?|service-oriented'],
  ['frontend engineering', 'frontend|front-end|react|vue|angular|css|html|web applications?'],
  [
    'mobile development',
    'mobile|ios|android|swift|swiftui|kotlin|jetpack compose|compose|react native|flutter',
  ],
  [
    'software architecture',
    'software architecture|system design|architecture|design patterns?|mvvm|mvp|clean architecture',
  ],
  [
    'testing and quality',
    'unit testing|test automation|qa|quality assurance|testing|espresso|mockito|mockk|ui testing',
  ],
  ['databases', 'databases?|nosql|mongodb|cassandra|dynamodb|redis|elasticsearch'],
  ['operating systems', 'linux|unix|kernel|operating systems?'],
  ['embedded systems', 'embedded systems?|firmware|embedded software|rtos|microcontrollers?'],
  // Languages
  ['Python', 'python'],
  ['Java', 'java(?!script)'],
  ['Kotlin', 'kotlin|coroutines'],
  ['Go', 'golang'],
  ['Rust', 'rust'],
  ['C++', 'c\\+\\+'],
  ['TypeScript', 'typescript'],
  ['JavaScript', 'javascript|node\\.js|nodejs'],
  ['Scala', 'scala'],
  ['Ruby', 'ruby|rails'],
  ['shell scripting', 'shell scripts?|bash'],
  ['RxJava', 'rxjava|reactive programming|reactive/functional'],
  // Product and business
  [
    'product impact',
    'product impact|business impact|impact to|impactful|customer impact|measurable impact|business metrics',
  ],
  ['user experience', 'user experience|ux|customer experience|usability|user-centered|user research'],
  [
    'product sense',
    'product sense|product thinking|product vision|product strategy|product roadmap|product development',
  ],
  ['consumer products', 'consumer-focused|consumer products?|consumer|b2c|pinners'],
  ['B2B / enterprise', 'b2b|enterprise customers?|enterprise software|saas'],
  ['growth', 'growth initiatives?|growth|acquisition funnel|funnel|retention|activation|monetization'],
  [
    'e-commerce and marketplaces',
    'e-commerce|ecommerce|marketplaces?|auctions?|sellers?|buyers?|gmv|commerce',
  ],
  ['payments and fintech', 'payments?|fintech|credit|lending|banking|financial services|buy now, pay later'],
  ['advertising', 'ads systems?|advertising|ad tech|adtech|digital advertising|programmatic'],
  ['notifications', 'notifications|push notifications|messaging'],
  ['productivity software', 'productivity|collaborative workspaces?|docs|workspace|agentic'],
  ['sales', 'sales|quota|pipeline generation|new business|closing deals|account executive'],
  [
    'account management',
    'account management|key accounts?|portfolio of (?:international )?sellers|client relationships?|relationship management',
  ],
  [
    'business development',
    'business development|partnerships?|seller acquisition|lead generation|prospecting',
  ],
  ['negotiation', 'negotiations?|negotiating'],
  ['customer support', 'customer service|customer support|support tickets|customer care|help desk|helpdesk'],
  ['customer success', 'customer success|onboarding customers|customer satisfaction'],
  [
    'marketing',
    'marketing|campaigns?|brand awareness|go-to-market|gtm|demand generation|seo|sem|performance marketing',
  ],
  [
    'brand and creative',
    'brand|creative direction|creative team|copywriting|copywriters?|visual identity|storytelling',
  ],
  [
    'product design',
    'product design|interaction design|ui design|figma|prototyping|design systems?|wireframes?|design sprints?',
  ],
  ['content', 'content strategy|content creation|editorial|content'],
  [
    'operations',
    'operations|operational excellence|operational rigor|process improvement|business processes|operating cadence',
  ],
  [
    'supply chain',
    'supply chains?|logistics|procurement|suppliers?|contract manufacturers?|shipping|fulfillment',
  ],
  ['finance', 'finance|accounting|fp&a|budgeting|budgets?|forecasting|financial planning'],
  ['legal', 'legal|counsel|contracts?|litigation|regulation|compliance counsel'],
  ['people operations', 'people operations|hr|human resources|recruiting|talent acquisition|people team'],
  ['strategy', 'strategic planning|strategy|strategic initiatives?|strategic agenda|okrs|ogsms?'],
  // Leadership and ways of working
  [
    'people management',
    'people management|manage and mentor|manage a team|managing a (?:high-performing )?(?:\\w+ )?team|team of \\d+|direct reports|line management|lead a team|leading a team|build and lead|grow the team|managing engineers',
  ],
  ['hiring', 'hire strong|hiring|recruit(?:ing)? (?:top )?talent|build the team|team building'],
  ['mentoring', 'mentor(?:ing|s|ship)?|coach(?:ing)?|levels? up team members|grow their careers'],
  [
    'technical leadership',
    'technical direction|technical leadership|tech lead|technical guidance|architectural decisions|technical vision|technical strategy',
  ],
  ['strategic roadmap', 'roadmaps?|vision for the team|long-term goals|multi-quarter|strategic roadmap'],
  [
    'program management',
    'program management|technical program|program managers?|program lifecycle|milestones|dependencies|risk management|project management|pmo',
  ],
  [
    'cross-functional collaboration',
    'cross-functional|cross-team|cross-organizational|collaborate closely|partner closely|work closely|multi-disciplinary|multidisciplinary',
  ],
  [
    'stakeholder management',
    'stakeholder management|stakeholders?|executive communication|senior leadership|executives?|leadership team|c-level|board',
  ],
  [
    'communication',
    'communication skills|written and verbal|written/oral|communicate clearly|presentation skills|storytelling',
  ],
  ['ownership', 'ownership|end-to-end|accountab(?:le|ility)|own the|drive impact'],
  [
    'ambiguity',
    'ambiguity|ambiguous|fast-paced|fast-evolving|uncertainty|startup environment|scale-up|scrappy',
  ],
  ['execution', 'execution|delivery|deliver results|ship|shipping|get things done'],
  ['innovation', 'innovation|innovative|state-of-the-art|cutting-edge|frontier|next-generation'],
  ['process design', 'process improvement|processes|frameworks?|best practices|governance|playbooks?'],
  ['documentation', 'documentation|technical writing|rfcs?|design docs?|decision logs?'],
  [
    'customer focus',
    'customer-focused|customer centricity|customer-centric|customer obsess|users close to our hearts',
  ],
  ['diversity and inclusion', 'diversity|inclusive|inclusion|belonging|equal opportunity'],
  // Hardware and physical world
  ['robotics', 'robotics|robots?|robotic|motion systems?|mechatronics'],
  [
    'hardware',
    // Not "electrical/mechanical engineering": those name a degree's field far more often than the work.
    'hardware|electromechanical|mechanical design|pcb|silicon',
  ],
  ['manufacturing', 'manufacturing|npi|production ramp|factory|factories|assembly|yield'],
  ['semiconductors', 'semiconductors?|chip design|asic|chiplets?|packaging|tape-?out|soc'],
  ['autonomous vehicles', 'autonomous vehicles?|autonomy|self-driving|robotaxi|adas'],
  ['automotive', 'automotive|vehicles?|mobility|ev\\b|electric vehicles?'],
  [
    'energy and climate',
    // Not "energy" or "sustainable" alone: "a high level of energy", "sustainable engineering practices".
    'clean energy|renewable energy|energy (?:sector|industry|transition|storage|markets?|efficiency|grids?|companies|utilities|trading)|climate tech|climate change|climate solutions|renewables|solar|battery|batteries|heat pumps?|decarboni[sz]ation|carbon (?:removal|capture|accounting|emissions)|net[- ]zero',
  ],
  ['aerospace and defense', 'aerospace|defense|satellites?|space|government agencies|public sector'],
  ['healthcare', 'healthcare|health care|clinical|patients?|medical|biotech|pharma|life sciences'],
  ['education', 'edtech|education|learning platform|students?|teachers?'],
  ['gaming', 'gaming|games?|game engine|unity|unreal'],
  ['media and entertainment', 'media|entertainment|streaming video|music|video'],
  ['IoT', 'iot|internet of things|sensors?|devices?|edge devices?'],
  ['smart cities', 'smart cities|municipal|urban|cities'],
  ['art and collectibles', 'art|collectibles|auctions?|interiors|design & vintage|luxury'],
  // Tools of the trade
  ['Jira', 'jira|confluence|asana|linear'],
  ['CRM', 'crm|hubspot|salesforce'],
  ['Google Workspace', 'google workspace|g suite|google sheets|sheets|slides'],
  ['identity management', 'okta|jamf|sso|identity management|mdm'],
  ['Slack integrations', 'slack bots?|slack apis?|slack'],
  ['HR systems', 'hibob|workday|greenhouse|ats\\b'],
  // Working conditions and requirements
  ['travel', 'travel|travelling|traveling'],
  ['relocation', 'relocation|relocate'],
  ['visa sponsorship', 'visa sponsorship|sponsor visas|work authorization|right to work'],
  ['shift work', 'shifts?|weekends?|night shifts?|rotating schedule|on-call rotation'],
  [
    'languages',
    'fluency in|fluent in|native speaker|bilingual|japanese|german|french|italian|spanish|portuguese|dutch|mandarin',
  ],
  // Counted only in required items that offer no alternative (see signals.ts).
  ['degree required', "bachelor['’]?s|master['’]?s|phd|ms/phd|bs/ms|degree in|bs or ms|mba"],
  ['security clearance', 'security clearance|clearance|itar|export control'],
  // Not "equity" alone: "brand equity", "health equity".
  ['equity', 'equity (?:grants?|package|compensation|stake|awards?)|stock options|rsus?|espp'],
  ['internship', 'internship|intern\\b|working student|werkstudent|trainee'],
];
