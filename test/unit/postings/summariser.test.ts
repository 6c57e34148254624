import { describe, expect, it } from 'vitest';
import { extractEmphasized } from '../../../src/postings/description/emphasized.js';
import {
  employmentTypeFromText,
  normalizeEmploymentType,
} from '../../../src/postings/description/employment-type.js';
import { extractSalary } from '../../../src/postings/description/salary.js';
import { classifyHeading, splitSections } from '../../../src/postings/description/sections.js';
import { extractSeniority } from '../../../src/postings/description/seniority.js';
import { SIGNAL_TAXONOMY } from '../../../src/postings/description/signal-taxonomy.js';
import { extractSignals } from '../../../src/postings/description/signals.js';
import { tidyTitle } from '../../../src/postings/description/title.js';
import { extractVisaSponsorship } from '../../../src/postings/description/visa.js';
import { statesHybrid, workplaceFromText } from '../../../src/postings/description/workplace.js';
import { extractMinYears } from '../../../src/postings/description/years.js';
import { htmlToBlocks, textToBlocks } from '../../../src/postings/html/blocks.js';

describe('salary', () => {
  it.each([
    ['Base salary $150k–$200k per year', { min: 150000, max: 200000, currency: 'USD', period: 'year' }],
    ['Salary range: USD 120,000 - 150,000', { min: 120000, max: 150000, currency: 'USD', period: null }],
    [
      'Annual Gross Base Salary of 18.000€-23.000€',
      { min: 18000, max: 23000, currency: 'EUR', period: 'year' },
    ],
    ['Pay: £45 - £55 per hour', { min: 45, max: 55, currency: 'GBP', period: 'hour' }],
    ['Compensation up to €6,000 per month', { min: null, max: 6000, currency: 'EUR', period: 'month' }],
    ['Zone 1: $232,000 – $319,000/year (USD)', { min: 232000, max: 319000, currency: 'USD', period: 'year' }],
    ['年収 ¥8,000,000 - ¥12,000,000 salary', { min: 8000000, max: 12000000, currency: 'JPY', period: null }],
    ['Local Pay Range $189,800—$256,160 USD', { min: 189800, max: 256160, currency: 'USD', period: null }],
  ])('reads %s', (line, expected) => {
    expect(extractSalary([line])).toEqual(expected);
  });

  it('spans pay zones in one currency', () => {
    expect(
      extractSalary([
        'USA base pay range (CA, WA, NY, NJ, CT) per year: $195,000 - $255,000',
        'USA base pay range (all other U.S. states) per year: $173,000 - $233,000',
      ]),
    ).toEqual({ min: 173000, max: 255000, currency: 'USD', period: 'year' });
  });

  it('ignores funding rounds, vouchers and plain numbers', () => {
    expect(extractSalary(['We raised $120M in Series C funding'])).toBeNull();
    expect(extractSalary(["you'll receive a €100 Catavoucher, and a €50 Catavoucher"])).toBeNull();
    expect(extractSalary(['Each week we offer over 75,000 unique items'])).toBeNull();
  });
});

describe('minimum years of experience', () => {
  it.each([
    ['8+ years of experience in software development', 8],
    ['At least five years of experience leading teams', 5],
    ['Minimum of 3 years in a similar role', 3],
    ['5–7 years of relevant working experience', 5],
    ['8-10+ years of experience in strategic program management', 8],
    ['7+ years leading complex hardware programs', 7],
  ])('reads %s', (sentence, expected) => {
    expect(extractMinYears([sentence])).toBe(expected);
  });

  it('ignores anniversaries and company history', () => {
    expect(
      extractMinYears(['We recognise significant work anniversaries (3, 5, 8, 10 years) with time off.']),
    ).toBeNull();
    expect(extractMinYears(['10 years of company history in Amsterdam'])).toBeNull();
    expect(extractMinYears(['Founded 12 years ago, we are growing fast'])).toBeNull();
  });

  it('does not read a ceiling ("up to", "no more than", "less than") as a minimum', () => {
    expect(extractMinYears(['Ideal for a candidate with up to two years’ experience.'])).toBeNull();
    expect(extractMinYears(['Up to 5 years of experience in analytics'])).toBeNull();
    expect(extractMinYears(['No more than 3 years of professional experience'])).toBeNull();
    expect(extractMinYears(['Less than 2 years of experience in sales is fine'])).toBeNull();
    expect(extractMinYears(['A maximum of 4 years of experience'])).toBeNull();
    expect(extractMinYears(['2 years of experience or less'])).toBeNull();
  });

  it('still reads the floor next to a ceiling, and "no less than" as a floor', () => {
    expect(extractMinYears(['At least 3 years, up to 5'])).toBe(3);
    expect(extractMinYears(['At least 3 years of experience, up to 5 years in a similar role'])).toBe(3);
    expect(extractMinYears(['3 to 5 years of experience'])).toBe(3);
    expect(extractMinYears(['No less than 3 years of experience'])).toBe(3);
    expect(
      extractMinYears(['Up to 2 years managing people', '4+ years of experience in data engineering']),
    ).toBe(4);
  });

  it('takes the strictest requirement', () => {
    expect(
      extractMinYears([
        'Minimum of 1 year of experience managing a team',
        '8+ years of experience in software development',
      ]),
    ).toBe(8);
  });
});

describe('workplace type', () => {
  it('reads remote, hybrid and on-site statements', () => {
    expect(workplaceFromText(['This is a fully remote role.'])).toBe('remote');
    expect(workplaceFromText(['We follow a hybrid work model, 2 days in the office.'])).toBe('hybrid');
    expect(workplaceFromText(['This role is on-site in Munich.'])).toBe('onsite');
  });

  it('does not take "not remote" or conditional boilerplate for remote', () => {
    expect(workplaceFromText(['This is not a remote position.'])).toBe('onsite');
    expect(
      workplaceFromText([
        'Most staff enjoy a hybrid work model.',
        'If the job description states that the position is fully remote, that arrangement applies.',
      ]),
    ).toBe('hybrid');
    expect(workplaceFromText(['You will collaborate with remote teams across Europe.'])).toBeNull();
  });
  it('reads "hybrid" from a perks list but not a remote perk', () => {
    expect(statesHybrid(['Flexible hybrid working environment, with 3 days in the office.'])).toBe(true);
    expect(statesHybrid(['Work from anywhere 4 weeks a year', 'Remote working allowance'])).toBe(false);
    expect(statesHybrid(['Discounts on hybrid cars'])).toBe(false);
  });
});

describe('employment type, seniority, visa', () => {
  it('normalises structured employment types and leaves "Regular" unknown', () => {
    expect(normalizeEmploymentType('FULL_TIME')).toBe('full-time');
    expect(normalizeEmploymentType('Full time /')).toBe('full-time');
    expect(normalizeEmploymentType('Part-time')).toBe('part-time');
    expect(normalizeEmploymentType('Regular')).toBeNull();
    expect(employmentTypeFromText('A permanent contract of 40 hours per week', 'Analyst')).toBeNull();
    expect(employmentTypeFromText('This is a full-time position', 'Analyst')).toBe('full-time');
  });

  it('reads seniority from the title first', () => {
    expect(extractSeniority('Manager II, Machine Learning Engineering, Core Engineering', 8)).toBe('manager');
    expect(extractSeniority('Staff Technical Program Manager', null)).toBe('staff');
    expect(extractSeniority('Key Account Manager Interiors', 3)).toBe('mid');
    expect(extractSeniority('Head of Creative', null)).toBe('director');
    expect(extractSeniority('Intern Classical & Modern Art', null)).toBe('intern');
    expect(extractSeniority('Data Analyst', null)).toBeNull();
  });

  it('takes the level a board states after the title and before the years', () => {
    expect(extractSeniority('Senior Data Analyst', null, 'Entry level')).toBe('senior');
    expect(extractSeniority('Data Analyst', 8, 'Entry level')).toBe('junior');
    expect(extractSeniority('Data Analyst', null, 'Internship')).toBe('intern');
    expect(extractSeniority('Data Analyst', null, 'mid_senior_level')).toBeNull();
    expect(extractSeniority('Data Analyst', 8, 'Mid-Senior level')).toBe('senior');
    expect(extractSeniority('Data Analyst', null, 'Not Applicable')).toBeNull();
    expect(extractSeniority('Data Analyst', null, 'Executive')).toBe('executive');
  });

  it('reads visa sponsorship with negation first', () => {
    expect(extractVisaSponsorship('We are unable to sponsor visas for this role.')).toBe(false);
    expect(extractVisaSponsorship('We cannot offer visa sponsorship.')).toBe(false);
    expect(extractVisaSponsorship('We do sponsor visas!')).toBe(true);
    expect(extractVisaSponsorship('Visa sponsorship is available.')).toBe(true);
    expect(extractVisaSponsorship('Great team, great snacks.')).toBeNull();
  });
});

describe('sections', () => {
  it('classifies common headings', () => {
    expect(classifyHeading("What you'll do")).toBe('responsibilities');
    expect(classifyHeading('WHAT YOU WILL BRING')).toBe('requirements');
    expect(classifyHeading('Preferred Qualifications')).toBe('niceToHave');
    expect(classifyHeading('IT WOULD BE GREAT IF YOU HAD')).toBe('niceToHave');
    expect(classifyHeading("Why You'll Love Working with Us")).toBe('benefits');
    expect(classifyHeading('About the role')).toBe('about');
    expect(classifyHeading('Our Offices and Way of Working')).toBeNull();
  });

  it('classes second-person headings about the candidate as requirements', () => {
    for (const heading of [
      'Who are you?',
      'Who you are',
      'About you',
      'Is this you?',
      'What you bring',
      "What we're looking for",
      'Who we are looking for',
      'Your profile',
      'Your background',
      'Does this sound like you?',
    ])
      expect(classifyHeading(heading), heading).toBe('requirements');
    // ...while headings about the company stay about-us, and perks stay benefits.
    expect(classifyHeading('Who are we?')).toBe('about');
    expect(classifyHeading('Who we are')).toBe('about');
    expect(classifyHeading('What do we do?')).toBe('about');
    expect(classifyHeading('Who you’ll work with')).toBe('about');
    expect(classifyHeading('Why you will flourish with us')).toBe('benefits');
    expect(classifyHeading('What do we offer?')).toBe('benefits');
  });

  it('splits by headings, bold paragraphs and "label:" lines, skipping group labels', () => {
    const blocks = htmlToBlocks(
      '<h3>What you’ll bring</h3><ul><li><strong>Technical Skills</strong></li><ul><li>Python</li><li>SQL</li></ul></ul>' +
        '<p>Required Qualifications:</p><ul><li>5+ years</li></ul><p>Preferred Qualifications:</p><ul><li>Go</li></ul>' +
        '<p><strong>Benefits</strong></p><ul><li>Lunch</li></ul>',
    );
    const sections = splitSections(blocks);
    const items = (kind: string) => sections.filter((s) => s.kind === kind).flatMap((s) => s.items);
    expect(items('requirements')).toEqual(['Python', 'SQL', '5+ years']);
    expect(items('niceToHave')).toEqual(['Go']);
    expect(items('benefits')).toEqual(['Lunch']);
  });

  it('does not count a trailing unlabeled list after prose as requirements', () => {
    const sections = splitSections(
      htmlToBlocks(
        '<h3>Requirements</h3><ul><li>A</li><li>B</li></ul><p>We offer great perks and a nice office.</p><ul><li>X</li><li>Y</li></ul>',
      ),
    );
    expect(sections.filter((s) => s.kind === 'requirements').flatMap((s) => s.items)).toEqual(['A', 'B']);
  });
});

describe('bullets typed as text', () => {
  const items = (html: string, kind: string) =>
    splitSections(htmlToBlocks(html))
      .filter((s) => s.kind === kind)
      .flatMap((s) => s.items);

  it('reads "●"/"•"/"-" paragraphs under bold-paragraph headings as list items', () => {
    const html =
      '<p><strong>Key Responsibilities:</strong></p><p>●&nbsp;&nbsp;&nbsp; Own the data checks.</p><p>● Fix root causes.</p>' +
      '<p><b>Requirements</b></p><p>• Python</p><p>▪ SQL</p><p>- Curiosity</p><p>– Patience</p><p>* Grit</p>' +
      '<p><strong>Nice to Have:</strong></p><p>·&nbsp;Shipping knowledge</p>';
    expect(items(html, 'responsibilities')).toEqual(['Own the data checks.', 'Fix root causes.']);
    expect(items(html, 'requirements')).toEqual(['Python', 'SQL', 'Curiosity', 'Patience', 'Grit']);
    expect(items(html, 'niceToHave')).toEqual(['Shipping knowledge']);
  });

  it('reads <br>-separated and <div> bullet lines, and drops a glyph typed inside <li>', () => {
    expect(items('<h3>Requirements</h3><p>• Go<br>• Rust<br>● Kafka</p>', 'requirements')).toEqual([
      'Go',
      'Rust',
      'Kafka',
    ]);
    expect(items('<h3>Requirements</h3><div>✓ Go</div><div>✓ Rust</div>', 'requirements')).toEqual([
      'Go',
      'Rust',
    ]);
    expect(items('<h3>Requirements</h3><ul><li>• Go</li><li>Rust</li></ul>', 'requirements')).toEqual([
      'Go',
      'Rust',
    ]);
  });

  it('reads bullet glyphs in plain text', () => {
    const blocks = textToBlocks('Requirements:\n● Go\n•Rust\n- Kafka\n1. SQL\n·5 years is not a bullet');
    expect(blocks.filter((b) => b.kind === 'item').map((b) => b.text)).toEqual([
      'Go',
      'Rust',
      'Kafka',
      'SQL',
    ]);
  });

  it('does not take a glyph inside a sentence, or a dash without a space, for a bullet', () => {
    const blocks = htmlToBlocks(
      '<p>We use Python • SQL • Go every day.</p><p>-5% churn last year.</p><p>*Conditions apply.</p><p>Full-time - remote</p>',
    );
    expect(blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('nests "◦" sub-bullets under a "●" label', () => {
    const blocks = htmlToBlocks('<p>● Technical skills</p><p>◦ Python</p><p>◦ SQL</p>');
    expect(blocks).toEqual([
      { kind: 'item', text: 'Technical skills', depth: 1, label: true },
      { kind: 'item', text: 'Python', depth: 2, label: false },
      { kind: 'item', text: 'SQL', depth: 2, label: false },
    ]);
  });
});

describe('emphasized and signals (the seed posting)', () => {
  const requirements = [
    'MS/PhD in Computer Science, ML, NLP, Statistics, Information Sciences, related field, or equivalent experience',
    'Experience leading and working on a large-scale production recommendation, e-commerce, search or ads systems that are based on state-of-the-art machine learning and big data technology',
    'Strong experience in related fields such as recommendation systems and applied machine learning experience is required.',
    'Strong focus on product impact and user experience within a consumer-focused environment',
    'Minimum of 1 year of experience managing a high-performing machine learning engineering team of 10+ members',
    '8+ years of experience in software development, with a proven track record of delivering impactful solutions',
  ];
  const responsibilities = [
    'Be responsible for major areas of search, recommendations, notifications, etc for more than 500 million monthly active Pinterest users.',
    'Manage and mentor a team of Machine Learning engineers (L13 - L16), providing technical guidance and support to help them grow their careers. Identify team needs and hire strong candidates',
  ];

  it('finds the phrases the posting stresses', () => {
    const emphasized = extractEmphasized(
      [...requirements, ...responsibilities],
      [requirements.join('\n'), responsibilities.join('\n')],
    );
    expect(emphasized).toContain('large-scale production recommendation');
    expect(emphasized).toContain('state-of-the-art machine learning');
    expect(emphasized).toContain('applied machine learning experience is required');
  });

  it('tags the domain', () => {
    const signals = extractSignals({
      title: 'Manager II, Machine Learning Engineering',
      focus: [...responsibilities, ...requirements],
      context: [],
    });
    for (const tag of [
      'recommendation systems',
      'large-scale systems',
      'people management',
      'product impact',
      'user experience',
    ])
      expect(signals).toContain(tag);
  });

  it('has a broad vocabulary, not a short keyword list', () => {
    expect(SIGNAL_TAXONOMY.length).toBeGreaterThan(100);
  });
});

describe('title', () => {
  it('puts level numerals that title-casing lowered back in capitals, and nothing else', () => {
    expect(tidyTitle('Manager Ii, Machine Learning Engineering')).toBe(
      'Manager II, Machine Learning Engineering',
    );
    expect(tidyTitle('Software Engineer Iii')).toBe('Software Engineer III');
    expect(tidyTitle('Analyst Iv - Risk')).toBe('Analyst IV - Risk');
    expect(tidyTitle("Store Manager, Xi'an")).toBe("Store Manager, Xi'an");
    expect(tidyTitle('Engineer II')).toBe('Engineer II');
    expect(tidyTitle('Iiot Engineer')).toBe('Iiot Engineer');
    expect(tidyTitle(null)).toBeNull();
  });
});
