import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPosting } from '../../../src/postings/extract-posting.js';
import type { PostingIdentity } from '../../../src/postings/posting-identity.js';
import { type PostingSummary, postingSourceSchema } from '../../../src/postings/posting-summary.js';
import { ashbyProvider } from '../../../src/postings/providers/ashby.js';
import { greenhouseProvider } from '../../../src/postings/providers/greenhouse.js';
import { leverProvider } from '../../../src/postings/providers/lever.js';
import { linkedinProvider } from '../../../src/postings/providers/linkedin.js';
import { recruiteeProvider } from '../../../src/postings/providers/recruitee.js';
import { BOARD_PROVIDERS } from '../../../src/postings/providers/registry.js';
import { smartRecruitersProvider } from '../../../src/postings/providers/smartrecruiters.js';
import { workableProvider } from '../../../src/postings/providers/workable.js';
import { workdayProvider } from '../../../src/postings/providers/workday.js';
import { extractGreenhouseJob } from '../../helpers/greenhouse-jobs.js';

const vendorDir = resolve(import.meta.dirname, '..', '..', 'fixtures', 'postings-vendor');
const vendor = (name: string) => readFileSync(resolve(vendorDir, name));
/** The card Vouch makes of the saved vendor payload `name`, as fetched from `url`. */
const extractVendor = (name: string, url: string) => extractPosting({ url, body: vendor(name) });

/** How many items each list of a card has. */
const listSizes = (s: PostingSummary) => ({
  responsibilities: s.responsibilities.length,
  requirements: s.requirements.length,
  niceToHave: s.niceToHave.length,
  benefits: s.benefits.length,
});

// The real captures (see SOURCE.md), each read as fetched for its job's own URL.
const VITOL_URL = 'https://jobs.smartrecruiters.com/Vitol/744000133666057-platform-engineer';
const CHANNABLE_URL = 'https://channable.recruitee.com/o/customer-success-manager-benelux-dutch-speaking-3';
const VORTEXA_URL = 'https://apply.workable.com/vortexa/j/FB313AEBAB/';
const NVIDIA_URL =
  'https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite/job/Israel-Yokneam/Practical-Hardware-Electronics-Test-Engineer_JR2021705';
const HEIDI_URL =
  'https://au.linkedin.com/jobs/view/senior-software-engineer-developer-experience-at-heidi-4411867124';
const vitol = () => extractVendor('smartrecruiters-posting.json', VITOL_URL);
const channable = () => extractVendor('recruitee-offers.json', CHANNABLE_URL);
const vortexa = () => extractVendor('workable-account-widget.json', VORTEXA_URL);
const nvidia = () => extractVendor('workday-cxs-job.json', NVIDIA_URL);
const heidi = () => extractVendor('linkedin-public-job.html', HEIDI_URL);

type Capture = 'vitol' | 'channable' | 'vortexa' | 'nvidia' | 'heidi';
/** What a capture's card must state: its fields, and how many items some of its lists have. */
interface ExpectedCard {
  card: Partial<PostingSummary>;
  listSizes: Partial<ReturnType<typeof listSizes>>;
  /** Why a field (or listSizes) has its value, by field name; never compared. */
  notes: Record<string, string>;
}
const expectedCards = JSON.parse(readFileSync(resolve(vendorDir, 'expected-cards.json'), 'utf8')) as Record<
  Capture,
  ExpectedCard
> & { $comment: string };

/** Checks the card made of `capture` against its entry in expected-cards.json (the notes aside). */
function expectCard(s: PostingSummary, capture: Capture): void {
  const expected = expectedCards[capture];
  expect(s).toMatchObject(expected.card);
  expect(listSizes(s)).toMatchObject(expected.listSizes);
}

function id(
  source: PostingIdentity['source'],
  tenant: string | null,
  jobId: string | null,
  canonicalUrl: string,
): PostingIdentity {
  return { source, tenant, jobId, canonicalUrl };
}

describe('provider API endpoints', () => {
  it('builds each board’s public JSON endpoint', () => {
    expect(
      greenhouseProvider.apiRequest(
        id('greenhouse', 'acme', '123', 'https://job-boards.greenhouse.io/acme/jobs/123'),
      )?.url,
    ).toBe('https://boards-api.greenhouse.io/v1/boards/acme/jobs/123?content=true&pay_transparency=true');
    expect(leverProvider.apiRequest(id('lever', 'zoox', 'abc', 'https://jobs.lever.co/zoox/abc'))?.url).toBe(
      'https://api.lever.co/v0/postings/zoox/abc',
    );
    expect(
      leverProvider.apiRequest(id('lever', 'acme', 'abc', 'https://jobs.eu.lever.co/acme/abc'))?.url,
    ).toBe('https://api.eu.lever.co/v0/postings/acme/abc');
    expect(
      ashbyProvider.apiRequest(id('ashby', 'Superhuman Platform Inc', 'x', 'https://jobs.ashbyhq.com/x'))
        ?.url,
    ).toBe(
      'https://api.ashbyhq.com/posting-api/job-board/Superhuman%20Platform%20Inc?includeCompensation=true',
    );
    expect(
      workableProvider.apiRequest(
        id('workable', 'acme', 'AB12CD34EF', 'https://apply.workable.com/acme/j/AB12CD34EF'),
      )?.url,
    ).toBe('https://www.workable.com/api/accounts/acme?details=true');
    expect(
      smartRecruitersProvider.apiRequest(
        id('smartrecruiters', 'ExampleCo', '743999', 'https://jobs.smartrecruiters.com/ExampleCo/743999'),
      )?.url,
    ).toBe('https://api.smartrecruiters.com/v1/companies/ExampleCo/postings/743999');
    expect(
      recruiteeProvider.apiRequest(
        id('recruitee', 'example', 'product-designer', 'https://example.recruitee.com/o/product-designer'),
      )?.url,
    ).toBe('https://example.recruitee.com/api/offers/product-designer');
    expect(
      workdayProvider.apiRequest(
        id(
          'workday',
          'example/External',
          'R12345',
          'https://example.wd5.myworkdayjobs.com/External/job/Detroit-MI/Supply-Chain-Analyst_R12345',
        ),
      )?.url,
    ).toBe(
      'https://example.wd5.myworkdayjobs.com/wday/cxs/example/External/job/Detroit-MI/Supply-Chain-Analyst_R12345',
    );
    expect(
      linkedinProvider.apiRequest(id('linkedin', null, '1', 'https://www.linkedin.com/jobs/view/1')),
    ).toBeNull();
  });

  it('returns null when the identity lacks what the endpoint needs', () => {
    expect(
      greenhouseProvider.apiRequest(id('greenhouse', null, '123', 'https://example.com/jobs?gh_jid=123')),
    ).toBeNull();
    expect(leverProvider.apiRequest(id('greenhouse', 'acme', '1', 'https://x'))).toBeNull();
  });

  it('has a provider for every board a card can come from, each answering to its own source', () => {
    // Every card source but the two generic ones (JSON-LD, HTML) is a board with its provider.
    const boards = postingSourceSchema.options.filter((source) => source !== 'jsonld' && source !== 'html');
    expect(Object.keys(BOARD_PROVIDERS).sort()).toEqual([...boards].sort());
    for (const [source, provider] of Object.entries(BOARD_PROVIDERS)) expect(provider.id).toBe(source);
  });
});

describe('vendor payloads (real captures, see SOURCE.md)', () => {
  it('has an expected card for each capture, each note next to a field that card states', () => {
    const { $comment, ...entries } = expectedCards;
    expect($comment).toMatch(/notes/);
    expect(Object.keys(entries).sort()).toEqual(['channable', 'heidi', 'nvidia', 'vitol', 'vortexa']);
    for (const entry of Object.values(entries)) {
      expect(Object.keys(entry).sort()).toEqual(['card', 'listSizes', 'notes']);
      // Each card states at least what the board is and the job it is for, so no entry is vacuous.
      expect(entry.card).toMatchObject({
        source: expect.any(String),
        title: expect.any(String),
        company: expect.any(String),
      });
      for (const field of Object.keys(entry.notes))
        expect([...Object.keys(entry.card), 'listSizes']).toContain(field);
    }
  });

  it('reads a SmartRecruiters posting with its job-ad sections (Vitol)', () => {
    const s = vitol();
    expectCard(s, 'vitol');
    expect(s.requirements[12]).toBe('Excellent written and spoken English.');
    expect(s.niceToHave[0]).toBe('Previous experience in the commodities and/or trading industry.');
  });

  it('picks the Recruitee offer by slug from the careers-site offers list (Channable)', () => {
    const s = channable();
    expectCard(s, 'channable');
    // salary { min: "3750", max: "5250", period: "month", currency: "EUR" } — the OTE range.
    expect(s.salary).toEqual({ min: 3750, max: 5250, currency: 'EUR', period: 'month' });
    expect(s.requirements).toContain(
      'You are available to travel and visit clients at least once per quarter.',
    );
  });

  it('reads the Recruitee "Who are you?" list as requirements', () => {
    const s = channable();
    // 7 bullets under "Who are you?" then 4 under "Other requirements"; "Who are we?" is about us.
    expect(s.requirements).toHaveLength(11);
    expect(s.requirements[0]).toBe(
      'You have at least 1 year of experience in a customer facing role, preferably in eCommerce.',
    );
    expect(s.requirements).toContain('You have an interest in online marketing and eCommerce.');
    expect(s.requirements[10]).toBe("You're available for at least 4 days/week (32 hours).");
    expect(s.niceToHave).toEqual([]);
  });

  it('picks the Workable job by shortcode from the account widget (Vortexa)', () => {
    const s = vortexa();
    expectCard(s, 'vortexa');
    expect(s.benefits[3]).toBe('Private Health Insurance offered via AXA');
  });

  // The ad's bullets are "<p>●&nbsp;… </p>" paragraphs under bold-paragraph headings.
  it('reads the Workable "●" paragraph bullets', () => {
    const s = vortexa();
    expect(listSizes(s)).toEqual({ responsibilities: 8, requirements: 7, niceToHave: 2, benefits: 6 });
    expect(s.responsibilities[0]).toBe(
      'Take ownership of daily data quality processes, including structured data checks and quality control routines across Vortexa’s proprietary datasets.',
    );
    // "Requirements" then "You Have:" (both bold paragraphs) head one list of 7.
    expect(s.requirements[2]).toMatch(/^Working knowledge of Python\./);
    expect(s.niceToHave[1]).toMatch(/^Familiarity with SQL/);
  });
  // "a recent graduate … or a candidate with up to two years’ experience": a ceiling, no minimum.
  it('does not read "up to two years’ experience" as a minimum', () => {
    const s = vortexa();
    expect(s.minYearsExperience).toBeNull();
  });

  it('reads a Workday cxs job (NVIDIA)', () => {
    const s = nvidia();
    expectCard(s, 'nvidia');
  });

  it('reads a signed-out LinkedIn job page (Heidi): top card, criteria list and description', () => {
    const s = heidi();
    expectCard(s, 'heidi');
    expect(s.responsibilities[0]).toMatch(/^Designing and maintaining build systems:/);
    expect(s.requirements[0]).toBe(
      '3–10+ years experience in developer tooling developer, developer experience',
    );
    expect(s.niceToHave[3]).toBe('Familiarity with MongoDB Atlas, Redis, or Postgres cloud deployments.');
    expect(s.benefits[0]).toBe('Flexible hybrid working environment, with 3 days in the office.');
    // Nothing from the page chrome: similar jobs, "people also viewed", sign-in modals.
    const all = [...s.responsibilities, ...s.requirements, ...s.niceToHave, ...s.benefits].join('\n');
    expect(all).not.toMatch(/Sign in|Similar jobs|Macquarie|Kraken/);
    // Only the company's pitch is prose; the role is in its lists, so no summary sentence is made up,
    // and the page carried the whole description, so no "limited" note either.
    expect(s.summary).toBeNull();
  });
});

describe('a level the board states', () => {
  const linkedin = vendor('linkedin-public-job.html').toString('utf8');
  const url = 'https://www.linkedin.com/jobs/view/4411867124';

  it('reads LinkedIn’s "Seniority level" when the title names no level', () => {
    const page = linkedin
      .replaceAll('Senior Software Engineer', 'Software Engineer')
      .replace(/(Seniority level\s*<\/h3>\s*<span[^>]*>)\s*Mid-Senior level/, '$1 Entry level');
    const s = extractPosting({ url, body: page });
    expect(s.title).toBe('Software Engineer - Developer Experience');
    // The board's own "Entry level" wins over "3–10+ years" read from the text.
    expect(s.seniority).toBe('junior');
  });

  it('falls back to the years asked for when LinkedIn says only "Mid-Senior level"', () => {
    const s = extractPosting({
      url,
      body: linkedin.replaceAll('Senior Software Engineer', 'Software Engineer'),
    });
    expect(s.seniority).toBe('mid');
  });

  it('reads SmartRecruiters’ experienceLevel and Workable’s experience', () => {
    const smart = JSON.parse(vendor('smartrecruiters-posting.json').toString('utf8'));
    smart.experienceLevel = { id: 'director', label: 'Director' };
    const s = extractPosting({
      url: 'https://jobs.smartrecruiters.com/Vitol/744000071355836',
      body: JSON.stringify(smart),
    });
    expect(s.seniority).toBe('director');
    const workable = JSON.parse(vendor('workable-account-widget.json').toString('utf8'));
    workable.jobs[0].title = 'Data Analyst - Energy and Freight Markets';
    const w = extractPosting({ url: VORTEXA_URL, body: JSON.stringify(workable) });
    // "experience": "Associate" (the title no longer says it).
    expect(w.seniority).toBe('junior');
  });
});

describe('LinkedIn page saved to a file', () => {
  it('is recognised by its own og:url / canonical link, not only by the URL it was fetched from', () => {
    const s = extractVendor('linkedin-public-job.html', 'file:///tmp/linkedin-public-job.html');
    // Not the generic fallback, which would read the whole page (similar jobs' "AU remote" etc.).
    expect(s).toMatchObject({ source: 'linkedin', company: 'Heidi', workplaceType: 'hybrid' });
    expect(s.responsibilities).toHaveLength(6);
  });
});

describe('board payload traps', () => {
  it('treats an unlisted Ashby job as a closed posting, not a card', () => {
    const board = JSON.stringify({
      jobs: [
        { id: 'a', title: 'Listed', jobUrl: 'https://jobs.ashbyhq.com/acme/a', isListed: true },
        { id: 'b', title: 'Hidden', jobUrl: 'https://jobs.ashbyhq.com/acme/b', isListed: false },
      ],
    });
    const s = extractPosting({ url: 'https://jobs.ashbyhq.com/acme/a', body: board });
    expect(s.title).toBe('Listed');
    expect(s.company).toBe('Acme');
  });

  it('decodes Greenhouse’s entity-escaped content and drops channel labels from company names', () => {
    const s = extractGreenhouseJob({
      id: 5,
      title: ' Engineer ',
      companyName: 'Acme - LinkedIn',
      location: 'Berlin; Remote, EU',
      content: '&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Go&lt;/li&gt;&lt;/ul&gt;',
    });
    expect(s).toMatchObject({
      title: 'Engineer',
      company: 'Acme',
      workplaceType: 'remote',
      requirements: ['Go'],
    });
    expect(s.locations).toEqual(['Berlin', 'Remote, EU']);
  });

  it('reads JSON-LD declared as application/ld&#x2B;json and prefers the employer’s salary text', () => {
    const ld = {
      '@type': 'JobPosting',
      title: 'TPM',
      hiringOrganization: { name: 'Acme' },
      baseSalary: { currency: 'USD', value: { minValue: 1, maxValue: 2, unitText: 'YEAR' } },
      description: '<p>Base pay range per year: $100,000 - $120,000</p>',
    };
    const html = `<html><head><script type="application/ld&#x2B;json">${JSON.stringify(ld)}</script></head><body></body></html>`;
    const s = extractPosting({ url: 'https://www.example-aggregator.com/job/tpm/1', body: html });
    expect(s).toMatchObject({ source: 'jsonld', title: 'TPM', company: 'Acme' });
    expect(s.salary).toEqual({ min: 100000, max: 120000, currency: 'USD', period: 'year' });
  });
});
