import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting, extractPostingDetailed } from '../../../../src/postings/extract-posting.js';
import { welcomeToTheJungleProvider } from '../../../../src/postings/providers/welcome-to-the-jungle.js';

const dir = resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'postings', 'welcome-to-the-jungle');
const JOB_JSON = readFileSync(resolve(dir, 'wttj-api-cnpp-developpeur-junior.json'));
const JOB_URL = 'https://www.welcometothejungle.com/fr/companies/cnpp/jobs/developpeur-junior_saint-marcel';
const CANONICAL = 'https://www.welcometothejungle.com/en/companies/cnpp/jobs/developpeur-junior_saint-marcel';

describe('Welcome to the Jungle job links', () => {
  it('map every locale, the apply page, the API URL and tracking to one identity', () => {
    const expected = {
      source: 'welcome-to-the-jungle',
      tenant: 'cnpp',
      jobId: 'developpeur-junior_saint-marcel',
      canonicalUrl: CANONICAL,
    };
    for (const url of [
      JOB_URL,
      CANONICAL,
      'https://www.welcometothejungle.com/es/companies/cnpp/jobs/developpeur-junior_saint-marcel',
      'https://www.welcometothejungle.com/cs/companies/cnpp/jobs/developpeur-junior_saint-marcel/apply',
      'https://welcometothejungle.com/sk/companies/CNPP/jobs/developpeur-junior_saint-marcel',
      `${JOB_URL}?q=81cd036f43f8f7569a69a323083f5b84&o=a551e3b5-c1fb-462c-a048-235ad276fb48`,
      'https://api.welcometothejungle.com/api/v1/organizations/cnpp/jobs/developpeur-junior_saint-marcel',
    ])
      expect(canonicalizeJobUrl(url), url).toEqual(expected);
  });

  it('leaves company pages and searches to other rules', () => {
    expect(canonicalizeJobUrl('https://www.welcometothejungle.com/fr/companies/cnpp').source).toBe('other');
    expect(canonicalizeJobUrl('https://www.welcometothejungle.com/fr/companies/cnpp/jobs').source).toBe(
      'other',
    );
    expect(canonicalizeJobUrl('https://www.welcometothejungle.com/en/jobs?query=dev').source).toBe('other');
  });

  it('asks the job document the page itself loads', () => {
    expect(welcomeToTheJungleProvider.apiRequest(canonicalizeJobUrl(JOB_URL))).toEqual({
      url: 'https://api.welcometothejungle.com/api/v1/organizations/cnpp/jobs/developpeur-junior_saint-marcel',
      accept: 'application/json',
    });
    expect(
      welcomeToTheJungleProvider.apiRequest(
        canonicalizeJobUrl('https://jobs.lever.co/x/00000000-0000-0000-0000-000000000000'),
      ),
    ).toBeNull();
  });
});

describe('Welcome to the Jungle job document', () => {
  it('reads title, office, hybrid, fixed-term contract and the yearly salary range', () => {
    const s = extractPosting({ url: JOB_URL, body: JOB_JSON });
    expect(s.source).toBe('welcome-to-the-jungle');
    expect(s.title).toBe('Développeur Junior');
    expect(s.locations).toEqual(['Saint-Marcel, France']);
    expect(s.workplaceType).toBe('hybrid');
    expect(s.employmentType).toBe('temporary');
    expect(s.salary).toEqual({ min: 30000, max: 35000, currency: 'EUR', period: 'year' });
    expect(s.canonicalUrl).toBe(CANONICAL);
  });

  it('says an archived job is closed', () => {
    const archived = JOB_JSON.toString('utf8').replace(
      '"archived_at": null',
      '"archived_at": "2026-09-30T10:00:00Z"',
    );
    expect(extractPostingDetailed({ url: JOB_URL, body: archived }).unlisted).toBe(true);
  });

  it('does not take other boards’ `{ job }` payloads', () => {
    const context = { url: JOB_URL, identity: canonicalizeJobUrl(JOB_URL) };
    expect(welcomeToTheJungleProvider.parseJson?.({ job: { name: 'X', id: 1 } }, context)).toBeNull();
    expect(welcomeToTheJungleProvider.parseJson?.({ jobs: [] }, context)).toBeNull();
  });
});

describe('Welcome to the Jungle job document in English (Doctolib, real capture)', () => {
  const url =
    'https://www.welcometothejungle.com/fr/companies/doctolib/jobs/senior-machine-learning-engineer-applied-ai-llms-x-f-m_paris?q=1';
  const card = () =>
    extractPosting({
      url,
      body: readFileSync(resolve(dir, 'wttj-api-doctolib-senior-ml-engineer.json')),
    });

  it('reads the organisation, the office, partial remote and the contract', () => {
    expect(card()).toMatchObject({
      source: 'welcome-to-the-jungle',
      canonicalUrl:
        'https://www.welcometothejungle.com/en/companies/doctolib/jobs/senior-machine-learning-engineer-applied-ai-llms-x-f-m_paris',
      title: 'Senior Machine Learning Engineer - Applied AI & LLMs',
      company: 'Doctolib',
      locations: ['Paris, France'],
      workplaceType: 'hybrid',
      employmentType: 'full-time',
      salary: null,
    });
  });

  it('shows the team the text names, not WTTJ’s job category', () => {
    // profession.sub_category_name is "Data / Business Intelligence"; the text names the ML Engineering team.
    expect(card().department).toBe('ML Engineering');
  });

  it('opens the summary with the role and invents no lists from the shortened description', () => {
    const c = card();
    expect(c.summary).toMatch(
      /^We are looking for a Senior Machine Learning Engineer to join the ML Engineering team/,
    );
    expect([...c.responsibilities, ...c.requirements, ...c.niceToHave]).toEqual([]);
  });
});
