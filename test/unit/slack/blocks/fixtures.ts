import type { PostingSummary } from '../../../../src/postings/posting-summary.js';
import type { PostingCardInput } from '../../../../src/slack/blocks/posting-card.js';
import type { PostingRef } from '../../../../src/slack/blocks/posting-format.js';

/**
 * The user's seed posting (/work/shared/seeds/pinterest-ml-manager-posting.txt) as a summary,
 * written out by hand so these unit tests need no file; salary added to exercise formatting.
 */
export const pinterestSummary: PostingSummary = {
  url: 'https://www.pinterestcareers.com/jobs/5712345/manager-ii-machine-learning-engineering/?gh_jid=5712345&utm_source=x',
  canonicalUrl: 'https://boards.greenhouse.io/pinterest/jobs/5712345',
  source: 'greenhouse',
  title: 'Manager II, Machine Learning Engineering, Core Engineering',
  company: 'Pinterest',
  locations: ['San Francisco, CA'],
  workplaceType: 'hybrid',
  employmentType: 'full-time',
  department: 'Core Engineering',
  seniority: 'manager',
  visaSponsorship: null,
  salary: { min: 244_000, max: 342_000, currency: 'USD', period: 'year' },
  minYearsExperience: 8,
  summary:
    'Manager II, Machine Learning Engineering for Core Engineering at Pinterest, focusing on search and recommendations for over 500 million users.',
  responsibilities: [
    'Be responsible for major areas of search, recommendations, notifications, etc for more than 500 million monthly active Pinterest users.',
    'Deeply understand the Pinterest product and drive the vision for the team.',
    'Manage and mentor a team of Machine Learning engineers (L13 - L16).',
    'Collaborate closely with other engineering teams at Pinterest.',
    'Provide visibility to senior leadership regarding the team’s global impact',
  ],
  requirements: [
    'MS/PhD in Computer Science, ML, NLP, Statistics, Information Sciences, related field, or equivalent experience',
    'Experience leading and working on a large-scale production recommendation, e-commerce, search or ads systems',
    'Strong experience in related fields such as recommendation systems and applied machine learning experience is required.',
    'Demonstrated ability to define and drive the strategic roadmap for scalable, production-quality systems',
    'Strong focus on product impact and user experience within a consumer-focused environment',
    'Minimum of 1 year of experience managing a high-performing machine learning engineering team of 10+ members',
    '8+ years of experience in software development, with a proven track record of delivering impactful solutions',
  ],
  niceToHave: [
    'Natural language processing',
    'computer vision',
    'Experience with Cursor, Copilot, Codex, or similar AI coding assistants',
    'Familiarity with LLM-powered productivity tools',
  ],
  benefits: [],
  emphasized: [
    'large-scale production recommendation',
    'state-of-the-art machine learning',
    'applied machine learning experience is required',
  ],
  signals: [
    'recommendation systems',
    'large-scale systems',
    'machine learning models',
    'product impact',
    'user experience',
  ],
};

/** A shared posting as lists (Home, `/vouch list`, `/vouch mine`) name it: id, title, company, link. */
export const mlManagerRef: PostingRef = {
  postingId: 'post_1',
  title: 'ML Manager',
  company: 'Pinterest',
  url: 'https://example.com/j/1',
};

export function cardInput(overrides: Partial<PostingCardInput> = {}): PostingCardInput {
  return {
    summary: pinterestSummary,
    postingId: 'post_1',
    sharerNote: 'My old team, great manager. Happy to answer questions!',
    sharedBy: 'U0SHARER',
    counts: { referrers: 2, interested: 3 },
    referrers: [{ userId: 'U0REF1' }, { userId: 'U0REF2' }],
    namedCandidates: [],
    companyReferrers: [{ userId: 'U0REF1' }, { userId: 'U0DIR1' }],
    closed: false,
    ...overrides,
  };
}

/** A summary far past every limit: 100 bullets of 5,000 characters in every list, a 200-char title. */
export function hugeSummary(): PostingSummary {
  const long = (seed: string) => `${seed} `.repeat(Math.ceil(5000 / (seed.length + 1))).slice(0, 5000);
  const bullets = (seed: string) =>
    Array.from({ length: 100 }, (_, i) => long(`${seed}${i} <!channel> & more`));
  return {
    ...pinterestSummary,
    title: 'T'.repeat(200),
    company: 'C'.repeat(300),
    locations: Array.from({ length: 40 }, (_, i) => `City ${i} ${'x'.repeat(100)}`),
    department: 'D'.repeat(500),
    employmentType: 'E'.repeat(500),
    seniority: 'S'.repeat(500),
    summary: long('summary'),
    responsibilities: bullets('resp'),
    requirements: bullets('req'),
    niceToHave: bullets('nice'),
    benefits: bullets('benefit'),
    emphasized: bullets('emph'),
    signals: bullets('signal'),
  };
}
