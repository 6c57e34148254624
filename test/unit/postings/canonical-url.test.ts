import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../src/postings/canonical-url.js';
import { FetchError } from '../../../src/postings/fetched-resource.js';
import type { PostingIdentity } from '../../../src/postings/posting-identity.js';
import { isTrackingParam } from '../../../src/postings/tracking-params.js';

/** Each family: the identity every variant must map to, and the variants (real URLs where we have them). */
interface Family {
  name: string;
  expected: PostingIdentity;
  variants: string[];
}

const families: Family[] = [
  // --- Greenhouse (fixture URLs from /work/shared/fixtures/postings/README.md) ---
  {
    name: 'greenhouse: hosted board with gh_src tracking',
    expected: {
      source: 'greenhouse',
      tenant: 'affirm',
      jobId: '7728589003',
      canonicalUrl: 'https://job-boards.greenhouse.io/affirm/jobs/7728589003',
    },
    variants: [
      'https://job-boards.greenhouse.io/affirm/jobs/7728589003?gh_src=0bee67163us',
      'https://job-boards.greenhouse.io/affirm/jobs/7728589003',
      'https://boards.greenhouse.io/affirm/jobs/7728589003',
      'http://boards.greenhouse.io/affirm/jobs/7728589003/',
      'https://JOB-BOARDS.GREENHOUSE.IO/affirm/jobs/7728589003#app',
      'https://job-boards.greenhouse.io:443/affirm/jobs/7728589003?utm_source=linkedin&utm_medium=social',
      'https://boards.greenhouse.io/embed/job_app?for=affirm&token=7728589003',
      'https://boards.greenhouse.io/embed/job_app?token=7728589003&for=affirm&b=https%3A%2F%2Fwww.affirm.com',
      'https://boards-api.greenhouse.io/v1/boards/affirm/jobs/7728589003',
      'https://boards-api.greenhouse.io/v1/boards/affirm/jobs/7728589003?questions=true',
      'https://boards.greenhouse.io/affirm?gh_jid=7728589003',
      '  https://job-boards.greenhouse.io/affirm/jobs/7728589003  ',
    ],
  },
  {
    name: 'greenhouse: API URL and hosted page of one catawiki posting',
    expected: {
      source: 'greenhouse',
      tenant: 'catawiki',
      jobId: '6954117',
      canonicalUrl: 'https://job-boards.greenhouse.io/catawiki/jobs/6954117',
    },
    variants: [
      'https://job-boards.greenhouse.io/catawiki/jobs/6954117',
      'https://boards-api.greenhouse.io/v1/boards/catawiki/jobs/6954117',
      'https://job-boards.greenhouse.io/catawiki/jobs/6954117?fbclid=IwAR0abc&gclid=Cj0KCQ',
    ],
  },
  {
    name: 'greenhouse: EU boards keep the EU host',
    expected: {
      source: 'greenhouse',
      tenant: 'catawiki',
      jobId: '7343984',
      canonicalUrl: 'https://job-boards.eu.greenhouse.io/catawiki/jobs/7343984',
    },
    variants: [
      'https://job-boards.eu.greenhouse.io/catawiki/jobs/7343984',
      'https://boards.eu.greenhouse.io/catawiki/jobs/7343984?gh_src=abc123',
      'https://job-boards.eu.greenhouse.io/embed/job_app?for=catawiki&token=7343984',
      'https://boards-api.eu.greenhouse.io/v1/boards/catawiki/jobs/7343984',
    ],
  },
  {
    name: 'greenhouse: company career site with gh_jid (tenant unknown)',
    expected: {
      source: 'greenhouse',
      tenant: null,
      jobId: '7075176',
      canonicalUrl: 'https://www.pinterestcareers.com/jobs/?gh_jid=7075176',
    },
    variants: [
      'https://www.pinterestcareers.com/jobs/?gh_jid=7075176',
      'https://www.pinterestcareers.com/jobs/?gh_jid=7075176&gh_src=abc&utm_campaign=x',
      'https://WWW.PinterestCareers.com/jobs/?lang=en&gh_jid=7075176#apply',
    ],
  },
  {
    name: 'greenhouse: gh_jid on a career page whose path carries the id too',
    expected: {
      source: 'greenhouse',
      tenant: null,
      jobId: '6643023003',
      canonicalUrl:
        'https://www.viessmann-climatesolutions.com/de/karriere/jobsuche/ergebnisse/job-detail.suffix.html/jobId=6643023003.html?gh_jid=6643023003',
    },
    variants: [
      'https://www.viessmann-climatesolutions.com/de/karriere/jobsuche/ergebnisse/job-detail.suffix.html/jobId=6643023003.html?gh_jid=6643023003',
    ],
  },
  // --- Lever ---
  {
    name: 'lever: posting, apply page, API',
    expected: {
      source: 'lever',
      tenant: 'zoox',
      jobId: '3bc964e4-41e5-47e7-b704-c6284d613593',
      canonicalUrl: 'https://jobs.lever.co/zoox/3bc964e4-41e5-47e7-b704-c6284d613593',
    },
    variants: [
      'https://jobs.lever.co/zoox/3bc964e4-41e5-47e7-b704-c6284d613593/apply',
      'https://jobs.lever.co/zoox/3bc964e4-41e5-47e7-b704-c6284d613593',
      'https://jobs.lever.co/zoox/3bc964e4-41e5-47e7-b704-c6284d613593/',
      'https://jobs.lever.co/zoox/3bc964e4-41e5-47e7-b704-c6284d613593?lever-source=LinkedIn&lever-origin=applied',
      'https://jobs.lever.co/zoox/3bc964e4-41e5-47e7-b704-c6284d613593/apply?lever-source%5B%5D=Glassdoor',
      'https://jobs.lever.co/zoox/3BC964E4-41E5-47E7-B704-C6284D613593',
      'https://api.lever.co/v0/postings/zoox/3bc964e4-41e5-47e7-b704-c6284d613593',
      'https://api.lever.co/v0/postings/zoox/3bc964e4-41e5-47e7-b704-c6284d613593?mode=json',
    ],
  },
  {
    name: 'lever: other fixture postings',
    expected: {
      source: 'lever',
      tenant: 'brightmachines',
      jobId: '459a7125-dc64-475f-b553-e478d5c29c3e',
      canonicalUrl: 'https://jobs.lever.co/brightmachines/459a7125-dc64-475f-b553-e478d5c29c3e',
    },
    variants: ['https://jobs.lever.co/brightmachines/459a7125-dc64-475f-b553-e478d5c29c3e/apply'],
  },
  {
    name: 'lever: EU host kept',
    expected: {
      source: 'lever',
      tenant: 'eliyan',
      jobId: '77f9ea28-451d-4eaf-86de-2c2edb73b44a',
      canonicalUrl: 'https://jobs.eu.lever.co/eliyan/77f9ea28-451d-4eaf-86de-2c2edb73b44a',
    },
    variants: [
      'https://jobs.eu.lever.co/eliyan/77f9ea28-451d-4eaf-86de-2c2edb73b44a/apply',
      'https://api.eu.lever.co/v0/postings/eliyan/77f9ea28-451d-4eaf-86de-2c2edb73b44a',
    ],
  },
  // --- Ashby ---
  {
    name: 'ashby: organisation with spaces',
    expected: {
      source: 'ashby',
      tenant: 'Superhuman Platform Inc',
      jobId: '700c8d97-6ee3-4cb3-afff-b1e2fa157b1c',
      canonicalUrl:
        'https://jobs.ashbyhq.com/Superhuman%20Platform%20Inc/700c8d97-6ee3-4cb3-afff-b1e2fa157b1c',
    },
    variants: [
      'https://jobs.ashbyhq.com/Superhuman%20Platform%20Inc/700c8d97-6ee3-4cb3-afff-b1e2fa157b1c',
      'https://jobs.ashbyhq.com/Superhuman%20Platform%20Inc/700c8d97-6ee3-4cb3-afff-b1e2fa157b1c/application',
      'https://jobs.ashbyhq.com/Superhuman Platform Inc/700c8d97-6ee3-4cb3-afff-b1e2fa157b1c',
      'https://jobs.ashbyhq.com/Superhuman%20Platform%20Inc/700c8d97-6ee3-4cb3-afff-b1e2fa157b1c?utm_source=Simplify&ref=Simplify',
    ],
  },
  {
    name: 'ashby: plain organisation',
    expected: {
      source: 'ashby',
      tenant: 'openai',
      jobId: '8fb1615c-34bf-47c4-a1d1-b7b2f836bbd3',
      canonicalUrl: 'https://jobs.ashbyhq.com/openai/8fb1615c-34bf-47c4-a1d1-b7b2f836bbd3',
    },
    variants: [
      'https://jobs.ashbyhq.com/openai/8fb1615c-34bf-47c4-a1d1-b7b2f836bbd3',
      'https://jobs.ashbyhq.com/openai/8fb1615c-34bf-47c4-a1d1-b7b2f836bbd3/application?src=LinkedIn',
    ],
  },
  {
    name: 'ashby: career site with ashby_jid',
    expected: {
      source: 'ashby',
      tenant: null,
      jobId: '93888d8f-d32c-4213-8768-93b2bc63fc03',
      canonicalUrl: 'https://www.example-company.com/careers?ashby_jid=93888d8f-d32c-4213-8768-93b2bc63fc03',
    },
    variants: [
      'https://www.example-company.com/careers?ashby_jid=93888d8f-d32c-4213-8768-93b2bc63fc03&utm_source=x',
    ],
  },
  // --- Workable ---
  {
    name: 'workable: apply.workable.com shortcode',
    expected: {
      source: 'workable',
      tenant: 'huggingface',
      jobId: '3C2F6E1B9A',
      canonicalUrl: 'https://apply.workable.com/huggingface/j/3C2F6E1B9A',
    },
    variants: [
      'https://apply.workable.com/huggingface/j/3C2F6E1B9A/',
      'https://apply.workable.com/huggingface/j/3C2F6E1B9A/apply',
      'https://apply.workable.com/huggingface/j/3C2F6E1B9A?utm_source=linkedin&utm_medium=jobboard',
      'https://huggingface.workable.com/j/3C2F6E1B9A',
    ],
  },
  {
    name: 'workable: shortcode without account',
    expected: {
      source: 'workable',
      tenant: null,
      jobId: '8D7E6F5A4B',
      canonicalUrl: 'https://apply.workable.com/j/8D7E6F5A4B',
    },
    variants: ['https://apply.workable.com/j/8D7E6F5A4B', 'https://apply.workable.com/j/8D7E6F5A4B/apply'],
  },
  {
    name: 'workable: legacy account subdomain with numeric id',
    expected: {
      source: 'workable',
      tenant: 'acmerobotics',
      jobId: '1234567',
      canonicalUrl: 'https://acmerobotics.workable.com/jobs/1234567',
    },
    variants: [
      'https://acmerobotics.workable.com/jobs/1234567',
      'http://AcmeRobotics.workable.com/jobs/1234567/',
    ],
  },
  {
    name: 'workable: jobs.workable.com listing',
    expected: {
      source: 'workable',
      tenant: null,
      jobId: 'uZx3bQ9mXk2Lg6pA1cW4nT',
      canonicalUrl: 'https://jobs.workable.com/view/uZx3bQ9mXk2Lg6pA1cW4nT',
    },
    variants: [
      'https://jobs.workable.com/view/uZx3bQ9mXk2Lg6pA1cW4nT/senior-backend-engineer-in-berlin-at-acme',
      'https://jobs.workable.com/view/uZx3bQ9mXk2Lg6pA1cW4nT',
    ],
  },
  // --- SmartRecruiters ---
  {
    name: 'smartrecruiters: id with slug, careers host, API',
    expected: {
      source: 'smartrecruiters',
      tenant: 'BoschGroup',
      jobId: '744000012345678',
      canonicalUrl: 'https://jobs.smartrecruiters.com/BoschGroup/744000012345678',
    },
    variants: [
      'https://jobs.smartrecruiters.com/BoschGroup/744000012345678-software-engineer-embedded-systems',
      'https://jobs.smartrecruiters.com/BoschGroup/744000012345678-software-engineer-embedded-systems?trid=2a1b&utm_source=x',
      'https://jobs.smartrecruiters.com/BoschGroup/744000012345678',
      'https://careers.smartrecruiters.com/BoschGroup/744000012345678-software-engineer-embedded-systems',
      'https://api.smartrecruiters.com/v1/companies/BoschGroup/postings/744000012345678',
    ],
  },
  // --- Recruitee ---
  {
    name: 'recruitee: offer slug',
    expected: {
      source: 'recruitee',
      tenant: 'acmeworks',
      jobId: 'senior-frontend-developer',
      canonicalUrl: 'https://acmeworks.recruitee.com/o/senior-frontend-developer',
    },
    variants: [
      'https://acmeworks.recruitee.com/o/senior-frontend-developer',
      'https://acmeworks.recruitee.com/o/senior-frontend-developer/c/new',
      'https://ACMEWORKS.recruitee.com/o/senior-frontend-developer?source=LinkedIn',
    ],
  },
  // --- Workday ---
  {
    name: 'workday: locale, apply and tracking dropped',
    expected: {
      source: 'workday',
      tenant: 'nvidia/NVIDIAExternalCareerSite',
      jobId: 'JR1987654',
      canonicalUrl:
        'https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite/job/US-CA-Santa-Clara/Senior-Software-Engineer_JR1987654',
    },
    variants: [
      'https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite/job/US-CA-Santa-Clara/Senior-Software-Engineer_JR1987654',
      'https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite/job/US-CA-Santa-Clara/Senior-Software-Engineer_JR1987654',
      'https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite/job/US-CA-Santa-Clara/Senior-Software-Engineer_JR1987654/apply',
      'https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite/job/US-CA-Santa-Clara/Senior-Software-Engineer_JR1987654/apply/applyManually',
      'https://nvidia.wd5.myworkdayjobs.com/de-DE/NVIDIAExternalCareerSite/job/US-CA-Santa-Clara/Senior-Software-Engineer_JR1987654?source=jobboardlinkedin',
      'https://nvidia.wd5.myworkdayjobs.com/wday/cxs/nvidia/NVIDIAExternalCareerSite/job/US-CA-Santa-Clara/Senior-Software-Engineer_JR1987654',
    ],
  },
  {
    name: 'workday: hyphenated requisition id',
    expected: {
      source: 'workday',
      tenant: 'acme/External',
      jobId: 'JR-0001',
      canonicalUrl: 'https://acme.wd1.myworkdayjobs.com/External/job/Remote-USA/Data-Engineer_JR-0001',
    },
    variants: [
      'https://acme.wd1.myworkdayjobs.com/en-US/External/job/Remote-USA/Data-Engineer_JR-0001',
      'https://acme.wd1.myworkdayjobs.com/External/job/Remote-USA/Data-Engineer_JR-0001/',
    ],
  },
  {
    name: 'workday: plain numeric requisition with suffix',
    expected: {
      source: 'workday',
      tenant: 'globex/Careers',
      jobId: '12345-1',
      canonicalUrl: 'https://globex.wd103.myworkdayjobs.com/Careers/job/London/Product-Manager_12345-1',
    },
    variants: ['https://globex.wd103.myworkdayjobs.com/en-GB/Careers/job/London/Product-Manager_12345-1'],
  },
  {
    name: 'workday: myworkdaysite.com recruiting URL',
    expected: {
      source: 'workday',
      tenant: 'initech/Initech_Careers',
      jobId: 'R12345',
      canonicalUrl:
        'https://wd3.myworkdaysite.com/recruiting/initech/Initech_Careers/job/Austin-TX/QA-Analyst_R12345',
    },
    variants: [
      'https://wd3.myworkdaysite.com/en-US/recruiting/initech/Initech_Careers/job/Austin-TX/QA-Analyst_R12345',
      'https://wd3.myworkdaysite.com/recruiting/initech/Initech_Careers/job/Austin-TX/QA-Analyst_R12345/apply',
    ],
  },
  // --- LinkedIn ---
  {
    name: 'linkedin: view, slug, search, collections, country subdomain',
    expected: {
      source: 'linkedin',
      tenant: null,
      jobId: '3912345678',
      canonicalUrl: 'https://www.linkedin.com/jobs/view/3912345678',
    },
    variants: [
      'https://www.linkedin.com/jobs/view/3912345678/',
      'https://www.linkedin.com/jobs/view/3912345678',
      'https://linkedin.com/jobs/view/3912345678?refId=abc%3D%3D&trackingId=xyz%3D%3D&trk=flagship3_search',
      'https://www.linkedin.com/jobs/view/senior-software-engineer-at-acme-3912345678',
      'https://www.linkedin.com/jobs/view/senior-software-engineer-at-acme-3912345678/?originalSubdomain=uk',
      'https://uk.linkedin.com/jobs/view/senior-software-engineer-at-acme-3912345678',
      'https://www.linkedin.com/jobs/search/?currentJobId=3912345678&keywords=engineer&geoId=103644278',
      'https://www.linkedin.com/jobs/collections/recommended/?currentJobId=3912345678',
      'https://www.linkedin.com/comm/jobs/view/3912345678?trackingId=abc&midToken=AQ',
      'https://www.linkedin.com/jobs-guest/jobs/api/jobPosting/3912345678',
    ],
  },
  // --- Unknown sites ---
  {
    name: 'other: aggregator page (fixture URL)',
    expected: {
      source: 'other',
      tenant: null,
      jobId: null,
      canonicalUrl: 'https://www.builtinsf.com/job/staff-technical-program-manager/9330767',
    },
    variants: [
      'https://www.builtinsf.com/job/staff-technical-program-manager/9330767',
      'https://www.builtinsf.com/job/staff-technical-program-manager/9330767/',
      'https://WWW.BUILTINSF.COM/job/staff-technical-program-manager/9330767?utm_source=newsletter#top',
      'https://www.builtinsf.com:443/job/staff-technical-program-manager/9330767?trk=x&src=y&source=z&ref=w',
    ],
  },
  {
    name: 'other: career page, other query parameters kept and sorted',
    expected: {
      source: 'other',
      tenant: null,
      jobId: null,
      canonicalUrl: 'https://careers.example.org/openings?id=42&lang=en',
    },
    variants: [
      'https://careers.example.org/openings?lang=en&id=42',
      'https://careers.example.org/openings/?id=42&mc_cid=1&mc_eid=2&lang=en',
      'https://careers.example.org/openings?_hsenc=p2A&_hsmi=9&id=42&lang=en&utm_term=x',
      'https://careers.example.org./openings?id=42&lang=en',
    ],
  },
  {
    name: 'other: http scheme and non-default port are kept',
    expected: {
      source: 'other',
      tenant: null,
      jobId: null,
      canonicalUrl: 'http://jobs.example.net:8080/role/17',
    },
    variants: ['http://jobs.example.net:8080/role/17/', 'http://jobs.example.net:8080/role/17?fbclid=abc'],
  },
  {
    name: 'other: the Databricks career page (fixture URL)',
    expected: {
      source: 'other',
      tenant: null,
      jobId: null,
      canonicalUrl:
        'https://www.databricks.com/company/careers/engineering---pipeline/sr-staff-technical-program-manager---reliability-8445428002',
    },
    variants: [
      'https://www.databricks.com/company/careers/engineering---pipeline/sr-staff-technical-program-manager---reliability-8445428002',
    ],
  },
];

describe('canonicalizeJobUrl: every variant of a job maps to one identity', () => {
  for (const family of families) {
    describe(family.name, () => {
      it.each(family.variants)('%s', (variant) => {
        expect(canonicalizeJobUrl(variant)).toEqual(family.expected);
      });
    });
  }

  it('is idempotent: the canonical URL canonicalises to itself', () => {
    for (const family of families) {
      expect(canonicalizeJobUrl(family.expected.canonicalUrl)).toEqual(family.expected);
    }
  });
});

describe('canonicalizeJobUrl: pages of a board that are not one job', () => {
  it.each([
    'https://job-boards.greenhouse.io/affirm',
    'https://boards.greenhouse.io/embed/job_board?for=affirm',
    'https://jobs.lever.co/zoox',
    'https://jobs.lever.co/zoox/not-a-uuid',
    'https://jobs.ashbyhq.com/openai',
    'https://apply.workable.com/huggingface/',
    'https://jobs.smartrecruiters.com/BoschGroup',
    'https://acmeworks.recruitee.com/',
    'https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite',
    'https://www.linkedin.com/jobs/search/?keywords=engineer',
    'https://www.linkedin.com/in/someone',
  ])('%s is treated as an unknown page', (url) => {
    const identity = canonicalizeJobUrl(url);
    expect(identity.source).toBe('other');
    expect(identity.jobId).toBeNull();
  });

  it('does not let a look-alike host claim to be a board', () => {
    expect(
      canonicalizeJobUrl('https://jobs.lever.co.evil.example/zoox/3bc964e4-41e5-47e7-b704-c6284d613593')
        .source,
    ).toBe('other');
    expect(canonicalizeJobUrl('https://notgreenhouse.io/affirm/jobs/7728589003').source).toBe('other');
    expect(canonicalizeJobUrl('https://evil-linkedin.com/jobs/view/3912345678').source).toBe('other');
  });
});

describe('canonicalizeJobUrl: refuses what is not an http(s) URL', () => {
  it.each([
    'not a url',
    '',
    'jobs.lever.co/zoox/3bc964e4-41e5-47e7-b704-c6284d613593',
    'ftp://example.com/job.txt',
    'javascript:alert(1)',
    'mailto:jobs@example.com',
    'file:///etc/passwd',
    'data:text/html,<h1>job</h1>',
  ])('%j throws FetchError invalid_url', (input) => {
    let caught: unknown;
    try {
      canonicalizeJobUrl(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FetchError);
    expect((caught as FetchError).code).toBe('invalid_url');
    expect((caught as FetchError).message).not.toContain('\n');
  });

  it('drops credentials from the canonical URL', () => {
    expect(canonicalizeJobUrl('https://user:secret@careers.example.org/role/1').canonicalUrl).toBe(
      'https://careers.example.org/role/1',
    );
  });
});

describe('isTrackingParam', () => {
  it.each([
    'utm_source',
    'UTM_Campaign',
    'utm_whatever',
    'gh_src',
    'gclid',
    'fbclid',
    'lever-source',
    'lever-origin',
    'ref',
    'source',
    'src',
    'trk',
    'refId',
    'trackingId',
    'mc_cid',
    'mc_eid',
    '_hsenc',
    '_hsmi',
  ])('%s is tracking', (name) => {
    expect(isTrackingParam(name)).toBe(true);
  });

  it.each(['gh_jid', 'ashby_jid', 'currentJobId', 'token', 'for', 'id', 'lang', 'q'])(
    '%s identifies content',
    (name) => {
      expect(isTrackingParam(name)).toBe(false);
    },
  );
});

const fixturesRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/postings');
const fixturesPresent = existsSync(join(fixturesRoot, 'truth'));
if (!fixturesPresent)
  console.warn(`canonical-url: shared fixtures absent at ${fixturesRoot}; truth-URL checks skipped`);

describe.skipIf(!fixturesPresent)('canonicalizeJobUrl: truth URLs of the shared fixtures', () => {
  const truthUrls = fixturesPresent
    ? readdirSync(join(fixturesRoot, 'truth'))
        .filter((file) => file.endsWith('.json'))
        .map((file) => {
          const truth = JSON.parse(readFileSync(join(fixturesRoot, 'truth', file), 'utf8')) as {
            url: string;
          };
          return [file, truth.url] as const;
        })
    : [];

  it.each(truthUrls)('%s: its url is already canonical', (_file, url) => {
    expect(canonicalizeJobUrl(url).canonicalUrl).toBe(url);
  });

  it('recognises the board of every ATS fixture', () => {
    const expectedSource = (file: string): string =>
      file.startsWith('greenhouse-')
        ? 'greenhouse'
        : file.startsWith('lever-')
          ? 'lever'
          : file.startsWith('ashby-')
            ? 'ashby'
            : 'other';
    for (const [file, url] of truthUrls) {
      expect(canonicalizeJobUrl(url).source, file).toBe(expectedSource(file));
    }
  });
});
