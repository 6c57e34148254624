import { describe, expect, it } from 'vitest';
import {
  companyDomains,
  domainFitsCompany,
  emailDomainOf,
  emailVerifies,
  parseDomainInput,
  postingCompanyDomain,
  registrableDomain,
  unusableDomainReason,
} from '../../../src/referrals/company-domains.js';

/**
 * Apply and posting URLs of real postings in test/fixtures (each folder's SOURCE.md names them), with
 * the company each belongs to and the domain that verifies its referrers (null: hosted on a job board
 * or an aggregator, which says nothing about the company's own domain).
 */
const fixturePostings: Array<{ url: string; company: string; domain: string | null }> = [
  // greenhouse-custom-domain: the company's own careers page embedding Greenhouse.
  {
    url: 'https://www.camus.energy/careers/job-openings?gh_jid=5990198004',
    company: 'Camus Energy',
    domain: 'camus.energy',
  },
  // recruitee-custom-domain and postings-vendor: Channable's own jobs site.
  { url: 'https://jobs.channable.com/o/data-engineer', company: 'Channable', domain: 'channable.com' },
  { url: 'https://boards.greenhouse.io/embed/job_board/js?for=liveramp', company: 'LiveRamp', domain: null },
  {
    url: 'https://nvidia.wd5.myworkdayjobs.com/wday/cxs/nvidia/NVIDIAExternalCareerSite/job/Israel-Yokneam/Practical-Hardware-Electronics-Test-Engineer_JR2021705',
    company: 'NVIDIA',
    domain: null,
  },
  {
    url: 'https://ats.rippling.com/portside/jobs/f7008ce4-5157-4ba9-b75b-ed2a6448b579',
    company: 'Portside',
    domain: null,
  },
  { url: 'https://ferd.teamtailor.com/jobs/8344301-ferd-digital-internship', company: 'Ferd', domain: null },
  { url: 'https://flutterwavego.bamboohr.com/careers/1256/detail', company: 'Flutterwave', domain: null },
  { url: 'https://breezy.breezy.hr/p/088ac6d52139-open-position', company: 'Breezy', domain: null },
  { url: 'https://personio.jobs.personio.de/job/1834171', company: 'Personio', domain: null },
  { url: 'https://jobs.jobvite.com/savers/job/oJVFAfwD', company: 'Savers', domain: null },
  {
    url: 'https://woodrodgers.pinpointhq.com/en/postings/f0bd8a53-6215-4532-b62a-9c8034c77f56',
    company: 'Wood Rodgers',
    domain: null,
  },
  {
    url: 'https://careers-gdms.icims.com/jobs/75243/job?in_iframe=1',
    company: 'General Dynamics Mission Systems',
    domain: null,
  },
  {
    url: 'https://au.linkedin.com/jobs/view/senior-software-engineer-developer-experience-at-heidi-4411867124',
    company: 'Heidi',
    domain: null,
  },
  {
    url: 'https://app.dover.com/apply/dover/aa378aa1-79f3-4995-8667-b78a61c12b11',
    company: 'Dover',
    domain: null,
  },
  { url: 'https://wellfound.com/jobs/4697947-senior-software-engineer', company: 'Wellfound', domain: null },
  {
    url: 'https://www.welcometothejungle.com/en/companies/doctolib/jobs/senior-machine-learning-engineer-applied-ai-llms-x-f-m_paris',
    company: 'Doctolib',
    domain: null,
  },
  { url: 'https://au.indeed.com/viewjob?jk=54f1f8af68d722d2', company: 'Heidi Health', domain: null },
  // Aggregators not on the board list: their host does not carry the company's name.
  {
    url: 'https://www.remotely.de/job/grafana-labs-senior-backend-engineer-databases-analytics-germany-remote',
    company: 'Grafana Labs',
    domain: null,
  },
  {
    url: 'https://jobgether.com/offer/6ab220be865119c687da3191-distinguished-engineer',
    company: 'NVIDIA',
    domain: null,
  },
  {
    url: 'https://nodesk.co/remote-jobs/co2lift-customer-support-representative/',
    company: 'CO2Lift',
    domain: null,
  },
  { url: 'https://www.jobs.at/i/7811246', company: 'Raiffeisen', domain: null },
  { url: 'https://devjobs.at/job/53dc1b88e4074acc49f32b1e071d5d0f', company: 'Dynatrace', domain: null },
];

describe('the registrable domain', () => {
  it.each<[string, string | null]>([
    // The part a company registers, across multi-part public suffixes.
    ['jobs.acme.com', 'acme.com'],
    ['acme.com', 'acme.com'],
    ['careers.acme.co.uk', 'acme.co.uk'],
    ['jobs.acme.com.au', 'acme.com.au'],
    ['WWW.Acme.DE.', 'acme.de'],
    // A site on a shared host is its own (the Public Suffix List's private section).
    ['acme.github.io', 'acme.github.io'],
    // None for addresses and single names.
    ['127.0.0.1', null],
    ['localhost', null],
    ['', null],
  ])('%j → %j', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });
});

describe('e-mail domains', () => {
  it('count their subdomains: ana@eng.acme.com is at acme.com', () => {
    expect(emailDomainOf('ana@eng.acme.com')).toBe('acme.com');
    expect(emailDomainOf('Ana.Lopez@ACME.co.uk')).toBe('acme.co.uk');
    expect(emailVerifies(emailDomainOf('ana@eng.acme.com'), ['acme.com'])).toBe(true);
  });

  it('are none without an address', () => {
    expect(emailDomainOf(null)).toBeNull();
    expect(emailDomainOf('not-an-address')).toBeNull();
    expect(emailDomainOf('ana@')).toBeNull();
  });

  it('never verify from free mail or a job board, whatever the list says', () => {
    expect(emailVerifies('gmail.com', ['gmail.com'])).toBe(false);
    expect(emailVerifies(emailDomainOf('ana@outlook.com'), ['outlook.com'])).toBe(false);
    expect(emailVerifies('greenhouse.io', ['greenhouse.io'])).toBe(false);
    expect(emailVerifies(null, ['acme.com'])).toBe(false);
    expect(emailVerifies('acme.com', [])).toBe(false);
    expect(emailVerifies('acme-jobs.com', ['acme.com'])).toBe(false);
  });
});

describe('the board and free-mail lists', () => {
  it('name job boards, hiring platforms and free mail', () => {
    for (const board of [
      'greenhouse.io',
      'lever.co',
      'ashbyhq.com',
      'myworkdayjobs.com',
      'workable.com',
      'smartrecruiters.com',
      'personio.de',
      'linkedin.com',
    ])
      expect(unusableDomainReason(board)).toBe('job_board');
    for (const mail of [
      'gmail.com',
      'outlook.com',
      'hotmail.com',
      'yahoo.com',
      'icloud.com',
      'proton.me',
      'gmx.de',
    ])
      expect(unusableDomainReason(mail)).toBe('free_mail');
    expect(unusableDomainReason('acme.com')).toBeNull();
  });
});

describe("a posting's company domain", () => {
  it.each(fixturePostings)('$url → $domain', ({ url, company, domain }) => {
    expect(postingCompanyDomain(url, [company])).toBe(domain);
  });

  it('needs the host to carry the company’s name: a page anyone publishes names no domain', () => {
    expect(postingCompanyDomain('https://careers.evil.example.com/job/1', ['Stripe'])).toBeNull();
    expect(postingCompanyDomain('https://www.metacareers.com/jobs/1', ['Meta'])).toBe('metacareers.com');
    expect(postingCompanyDomain('https://jobs.deutschebahn.com/x', ['Deutsche Bahn'])).toBe(
      'deutschebahn.com',
    );
    expect(postingCompanyDomain('https://careers.hugging-face.co.uk/x', ['Hugging Face, Inc.'])).toBe(
      'hugging-face.co.uk',
    );
    expect(postingCompanyDomain('http://127.0.0.1:4000/jobs/1', ['Acme'])).toBeNull();
    expect(domainFitsCompany('acme.com', ['Acme Robotics GmbH'])).toBe(true);
    expect(domainFitsCompany('pin.com', ['Pinterest'])).toBe(false);
  });
});

describe("a company's domains", () => {
  const names = ['Camus Energy'];
  const postingUrls = [
    'https://www.camus.energy/careers/job-openings?gh_jid=5990198004',
    'https://boards.greenhouse.io/camus/jobs/1',
  ];

  it('are its own postings’ sites and what an admin added, never a board or free mail', () => {
    expect(
      companyDomains({ names, postingUrls, added: ['camusenergy.com', 'gmail.com'], removed: [] }),
    ).toEqual([
      { domain: 'camusenergy.com', from: 'admin' },
      { domain: 'camus.energy', from: 'posting' },
    ]);
  });

  it('leave out what an admin removed, even when a posting shows it', () => {
    expect(companyDomains({ names, postingUrls, added: [], removed: ['camus.energy'] })).toEqual([]);
  });
});

describe('a domain as an admin types it', () => {
  it.each<[string, string | null]>([
    ['acme.com', 'acme.com'],
    ['@acme.com', 'acme.com'],
    ['jobs.acme.co.uk', 'acme.co.uk'],
    ['https://careers.acme.com/open-roles', 'acme.com'],
    ['<http://acme.com|acme.com>', 'acme.com'],
    ['<mailto:ana@acme.com|ana@acme.com>', 'acme.com'],
    ['acme', null],
    ['not a domain', null],
    ['127.0.0.1', null],
  ])('%j → %j', (typed, domain) => {
    expect(parseDomainInput(typed)).toBe(domain);
  });
});
