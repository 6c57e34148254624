import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting, extractPostingDetailed } from '../../../../src/postings/extract-posting.js';
import { ripplingProvider } from '../../../../src/postings/providers/rippling.js';
import { expectOneIdentity, fixtureBytes } from './provider-test-kit.js';

const fixture = (name: string) => fixtureBytes(`rippling/${name}`);

const UUID = 'f7008ce4-5157-4ba9-b75b-ed2a6448b579';

describe('Rippling job links', () => {
  it('maps locale prefixes, the apply page and the API URLs to one job', () => {
    expectOneIdentity(
      [
        `https://ats.rippling.com/portside/jobs/${UUID}`,
        `https://ats.rippling.com/en-GB/portside/jobs/${UUID}?jobSite=LinkedIn`,
        `https://ats.rippling.com/portside/jobs/${UUID.toUpperCase()}/apply`,
        `https://api.rippling.com/platform/api/ats/v1/board/portside/jobs/${UUID}`,
        `https://ats.rippling.com/api/v2/board/portside/jobs/${UUID}`,
      ],
      {
        source: 'rippling',
        tenant: 'portside',
        jobId: UUID,
        canonicalUrl: `https://ats.rippling.com/portside/jobs/${UUID}`,
      },
    );
  });

  it('leaves board pages alone', () => {
    expect(canonicalizeJobUrl('https://ats.rippling.com/portside/jobs').source).toBe('other');
    expect(canonicalizeJobUrl('https://www.rippling.com/careers').source).toBe('other');
  });

  it('asks the public board API for the job', () => {
    expect(
      ripplingProvider.apiRequest(canonicalizeJobUrl(`https://ats.rippling.com/portside/jobs/${UUID}`)),
    ).toEqual({
      url: `https://api.rippling.com/platform/api/ats/v1/board/portside/jobs/${UUID}`,
      accept: 'application/json',
    });
  });
});

describe('Rippling board API job detail (Portside, real capture, descriptions trimmed by its source)', () => {
  const url = `https://ats.rippling.com/portside/jobs/${UUID}`;

  it('reads the job’s structured fields', () => {
    const s = extractPosting({ url, body: fixture('portside-job-detail.json') });
    expect(s).toMatchObject({
      source: 'rippling',
      title: 'Product Marketing Manager',
      company: 'Portside, Inc.',
      locations: ['Remote (United States)'],
      workplaceType: 'remote',
      // employmentType { label: "SALARIED_FT", id: "Salaried, full-time" }
      employmentType: 'full-time',
      department: 'Sales & Marketing',
      salary: null,
    });
  });

  it('spans pay ranges stated per location in one currency', () => {
    const data = JSON.parse(fixture('portside-job-detail.json').toString('utf8'));
    data.payRangeDetails = [
      { rangeStart: 120000, rangeEnd: 150000, currency: 'USD', frequency: 'YEAR' },
      { rangeStart: 110000, rangeEnd: 140000, currency: 'USD', frequency: 'YEAR' },
    ];
    expect(extractPosting({ url, body: JSON.stringify(data) }).salary).toEqual({
      min: 110000,
      max: 150000,
      currency: 'USD',
      period: 'year',
    });
  });

  it('says a job missing from the board list is closed', () => {
    const list = JSON.stringify([
      {
        uuid: '94486f41-6474-446a-b67a-c164e11354ea',
        name: 'Other',
        url: 'https://ats.rippling.com/portside/jobs/94486f41-6474-446a-b67a-c164e11354ea',
      },
    ]);
    expect(extractPostingDetailed({ url, body: list }).unlisted).toBe(true);
  });

  it('does not claim JSON without Rippling’s job shape', () => {
    expect(ripplingProvider.parseJson?.({ uuid: 'x', name: 'y' }, { url, identity: null })).toBeNull();
    expect(
      ripplingProvider.parseJson?.([{ name: 'y', url: 'https://example.org' }], { url, identity: null }),
    ).toBeNull();
  });
});

describe('Rippling hosted job page (3rd Street Youth Center & Clinic, real __NEXT_DATA__)', () => {
  const JOB = 'a661d3ef-2dd4-4aee-8c0a-fb48ae545a7a';
  const url = `https://ats.rippling.com/en-US/3rd-street-youth-center-clinic/jobs/${JOB}?jobSite=Indeed`;
  const card = () =>
    extractPosting({ url, body: fixture('3rd-street-behavioral-health-clinician-next-data.html') });

  it('reads the job post and its board from apiData', () => {
    expect(card()).toMatchObject({
      source: 'rippling',
      canonicalUrl: `https://ats.rippling.com/3rd-street-youth-center-clinic/jobs/${JOB}`,
      title: 'Behavioral Health Clinician - Community',
      company: '3rd Street Youth Center & Clinic',
      locations: ['San Francisco, CA'],
      employmentType: 'full-time',
      department: 'Behavioral Health',
    });
  });

  it('takes the pay from the text when payRangeDetails is empty', () => {
    expect(card().salary).toEqual({ min: 75000, max: 75000, currency: 'USD', period: 'year' });
  });

  it('puts the company block first and opens the summary with the role', () => {
    const c = card();
    expect(c.summary).toMatch(/^We are looking for collaborative and committed Behavioral Health Clinicians/);
    expect(c.responsibilities[0]).toBe(
      'Provide clinical services to youth ages 12-27, including engagement, assessment, and treatment planning.',
    );
    expect(c.requirements[0]).toMatch(/^Experience and direct contact with youth/);
  });

  it('reads the same page without an identity, by its host', () => {
    const s = extractPosting({
      url: `https://ats.rippling.com/3rd-street-youth-center-clinic/jobs/${JOB}`,
      body: fixture('3rd-street-behavioral-health-clinician-next-data.html'),
    });
    expect(s.title).toBe('Behavioral Health Clinician - Community');
  });
});
