import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { departmentFromText } from '../../../src/postings/description/department.js';
import { classifyHeading, splitSections } from '../../../src/postings/description/sections.js';
import { workplaceFromText } from '../../../src/postings/description/workplace.js';
import { extractMinYears } from '../../../src/postings/description/years.js';
import { extractPosting } from '../../../src/postings/extract-posting.js';
import { htmlToBlocks } from '../../../src/postings/html/blocks.js';
import type { PostingSummary } from '../../../src/postings/posting-summary.js';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures', 'postings');

/** The card of a real fixture (`<system>/<name>`), extracted from the link its truth file records. */
function cardOf(name: string): PostingSummary {
  const [system = '', base = ''] = name.split('/');
  const folder = resolve(FIXTURES, system);
  const raw = readdirSync(folder).find(
    (f) => f.startsWith(`${base}.`) && !f.endsWith('.truth.json') && !f.endsWith('.md'),
  );
  if (!raw) throw new Error(`no fixture ${name}`);
  const truth = JSON.parse(readFileSync(resolve(folder, `${base}.truth.json`), 'utf8')) as { url: string };
  return extractPosting({
    url: truth.url,
    body: readFileSync(resolve(folder, raw)),
    contentType: raw.endsWith('.json') ? 'application/json' : 'text/html',
  });
}

describe('headings that name a part of the posting', () => {
  it('reads "Essential Job Functions" as the duties of the job', () => {
    expect(classifyHeading('Essential Job Functions:')).toBe('responsibilities');
    expect(classifyHeading('Essential Job Functions Include:')).toBe('responsibilities');
    expect(classifyHeading('Essential Functions')).toBe('responsibilities');
    expect(classifyHeading('Key Functions of the Role')).toBe('responsibilities');
  });

  it('reads the German "Das sind Ihre Aufgaben" as the duties of the job', () => {
    expect(classifyHeading('Das sind Ihre Aufgaben')).toBe('responsibilities');
    expect(classifyHeading('Das sind deine Aufgaben:')).toBe('responsibilities');
  });

  it('reads the diplomas and licences a job asks for as requirements, not education perks', () => {
    expect(classifyHeading('Education, Certifications, and Licenses:')).toBe('requirements');
    expect(classifyHeading('Education')).toBe('requirements');
    expect(classifyHeading('Education assistance')).not.toBe('requirements');
  });

  it('does not take a tech-stack list for requirements', () => {
    expect(classifyHeading('Technologien und Skills')).toBe('other');
    expect(classifyHeading('Our Tech Stack')).toBe('other');
    expect(classifyHeading('Technologies we use')).toBe('other');
    // A heading that asks for skills still names requirements.
    expect(classifyHeading('Technical Skills')).toBe('requirements');
  });
});

describe('word-processor HTML', () => {
  it('reads a span styled font-weight: bold as a bold line', () => {
    const [block] = htmlToBlocks(
      '<p><span style="font-family: Calibri;font-weight: bold;">Financial </span><span style="font-weight:700">Analyst</span></p>',
    );
    expect(block).toEqual({ kind: 'paragraph', text: 'Financial Analyst', strong: true });
    const [plain] = htmlToBlocks('<p><span style="font-weight: 400">Financial Analyst</span></p>');
    expect(plain).toMatchObject({ strong: false });
  });

  it('joins a typed bullet wrapped over two paragraphs into one bullet', () => {
    const html =
      '<p>● Maintain client records and documentation in accordance with state and federal health</p>' +
      '<p>regulations.</p><p>● Contribute to program development efforts.</p>';
    expect(htmlToBlocks(html)).toEqual([
      {
        kind: 'item',
        text: 'Maintain client records and documentation in accordance with state and federal health regulations.',
        depth: 1,
        label: false,
      },
      { kind: 'item', text: 'Contribute to program development efforts.', depth: 1, label: false },
    ]);
  });

  it('keeps prose after a short or finished typed bullet as prose', () => {
    const short = htmlToBlocks('<p>● Python</p><p>We offer a friendly team</p>');
    expect(short.map((b) => b.kind)).toEqual(['item', 'paragraph']);
    const finished = htmlToBlocks(
      '<p>● Maintain client records and documentation in accordance with state and federal law.</p><p>We offer a friendly team</p>',
    );
    expect(finished.map((b) => b.kind)).toEqual(['item', 'paragraph']);
    const bold = htmlToBlocks(
      '<p>● Maintain client records and documentation in accordance with state and federal health</p><p><b>Requirements</b></p>',
    );
    expect(bold.map((b) => b.kind)).toEqual(['item', 'paragraph']);
  });

  it('counts the wrapped bullets of each list once', () => {
    const html =
      '<p><b>Requirements</b></p><p>● Experience and direct contact with youth between the ages of 12-18, preferably in a school</p>' +
      '<p>setting. Experience may come from volunteering.</p><p>● Good communication skills, both verbal and written.</p>';
    const requirements = splitSections(htmlToBlocks(html)).filter((s) => s.kind === 'requirements');
    expect(requirements.flatMap((s) => s.items)).toHaveLength(2);
  });
});

describe('workplace stated in prose', () => {
  it('reads work both remotely and from offices as hybrid', () => {
    expect(
      workplaceFromText([
        'Community clinicians will provide services both remotely and from a range of office settings, including medical settings.',
      ]),
    ).toBe('hybrid');
    expect(workplaceFromText(['The role is a mix of remote and in-office work.'])).toBe('hybrid');
    expect(workplaceFromText(['You will work remotely.'])).toBe('remote');
  });

  it('reads a job done in a garage or a warehouse as on-site, but not an office-environment note', () => {
    expect(workplaceFromText(['This position works in a garage environment 100% of the time.'])).toBe(
      'onsite',
    );
    expect(workplaceFromText(['The role is performed in a warehouse setting.'])).toBe('onsite');
    expect(workplaceFromText(['This job operates in a professional office environment.'])).toBeNull();
    expect(workplaceFromText(['We sell to garage owners across the country.'])).toBeNull();
  });
});

describe('years of experience', () => {
  it('does not read years of schooling as experience', () => {
    expect(
      extractMinYears(['12 years of education where English was the main medium of instruction']),
    ).toBeNull();
    expect(extractMinYears(['16 years of formal schooling'])).toBeNull();
    expect(extractMinYears(['3 years of teaching experience'])).toBe(3);
  });

  it('reads "Experience (typically 20+ years)" as the requirement it states', () => {
    expect(
      extractMinYears([
        'Security Engineering: Experience (typically 20+ years) across software engineering, infrastructure, and security.',
        'Equivalent experience with a minimum of 18+ years of practical engineering experience',
      ]),
    ).toBe(20);
  });
});

describe('experience stated as structured data', () => {
  const page = (description: string, months: unknown): string =>
    `<html><head><script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Backend Engineer',
      hiringOrganization: { '@type': 'Organization', name: 'Northwind Labs' },
      description,
      experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: months },
    })}</script></head><body></body></html>`;
  const years = (description: string, months: unknown): number | null =>
    extractPosting({ url: 'https://careers.northwind.test/jobs/42', body: page(description, months) })
      .minYearsExperience;

  it('uses monthsOfExperience when the text states no years', () => {
    expect(years('<p>Build our APIs.</p>', 60)).toBe(5);
    expect(years('<p>Build our APIs.</p>', 18)).toBe(1);
    expect(years('<p>Build our APIs.</p>', 6)).toBeNull();
    expect(years('<p>Build our APIs.</p>', 'many')).toBeNull();
  });

  it('lets the text win when it states years itself', () => {
    expect(years('<p>You have 3+ years of experience with Go.</p>', 60)).toBe(3);
  });
});

describe('a department named in the prose of a page without structured data', () => {
  it('reads the capitalised name after "Abteilung" or "Bereich" in German', () => {
    expect(
      departmentFromText('Für die Abteilung Product Development in der Firmenzentrale suchen wir ab sofort'),
    ).toBe('Product Development');
    expect(departmentFromText('Wir suchen für den Bereich Forschung & Entwicklung eine:n')).toBe(
      'Forschung & Entwicklung',
    );
  });

  it('reads "the Finance department" in English, but not a government department', () => {
    expect(departmentFromText('You will join the Finance department in Leeds.')).toBe('Finance');
    expect(departmentFromText('Funded by the United States Department of Labor.')).toBeNull();
  });

  it('names nothing for experience in a field or an uncapitalised team', () => {
    expect(departmentFromText('Mehrjährige Berufserfahrung im Bereich Schweißen')).toBeNull();
    expect(departmentFromText('You will join our growing department.')).toBeNull();
  });
});

describe('the real postings these rules were found on', () => {
  it('Jobvite advert without its header: title, place and duties from the advert itself', () => {
    const card = cardOf('jobvite/savers-financial-analyst-pricing');
    expect(card.title).toBe('Financial Analyst, Pricing');
    expect(card.locations).toEqual(['United States']);
    expect(card.workplaceType).toBe('remote');
    expect(card.responsibilities).toHaveLength(8);
    expect(card.responsibilities[0]).toBe(
      'Analyze pricing performance at the category, brand, store, and market levels',
    );
  });

  it('Breezy: "Essential Job Functions Include:" duties and a garage workplace', () => {
    const card = cardOf('breezy/oil-changers-team-member-889');
    expect(card.responsibilities).toHaveLength(24);
    expect(card.workplaceType).toBe('onsite');
    expect(card.requirements).toEqual([]);
  });

  it('Rippling: wrapped "●" bullets counted once, remote plus office settings is hybrid', () => {
    const card = cardOf('rippling/3rd-street-behavioral-health-clinician-next-data');
    expect(card.responsibilities).toHaveLength(6);
    expect(card.requirements).toHaveLength(12);
    expect(card.workplaceType).toBe('hybrid');
    expect(card.requirements).toContain("Must possess a valid California Motor Vehicle Operator's license.");
  });

  it('GaijinPot: twelve years of schooling state no experience', () => {
    expect(cardOf('gaijinpot/borderlink-assistant-language-teacher').minYearsExperience).toBeNull();
  });

  it('Jobgether: the typical 20+ years is the headline requirement', () => {
    expect(cardOf('jobgether/nvidia-distinguished-engineer-security-architecture').minYearsExperience).toBe(
      20,
    );
  });

  it('Wellfound: monthsOfExperience 60 gives five years', () => {
    expect(cardOf('wellfound/confident-lims-senior-software-engineer-detail').minYearsExperience).toBe(5);
  });

  it('jobs.at: "Das sind Ihre Aufgaben" lists the duties', () => {
    const card = cardOf('jobs-at/liebherr-lead-buyer-stahlbau');
    expect(card.responsibilities).toHaveLength(8);
    expect(card.requirements).toHaveLength(7);
  });

  it('jobs.at without structured data: the department its prose names', () => {
    expect(cardOf('jobs-at/ee-elektronik-embedded-software-entwickler').department).toBe(
      'Product Development',
    );
  });

  it('devjobs.at: the technology pills are not requirements', () => {
    const card = cardOf('devjobs-at/orbyz-flutter-developer');
    expect(card.requirements).toHaveLength(8);
    expect(card.requirements).not.toContain('Kubernetes');
    expect(card.niceToHave).toHaveLength(4);
  });
});
