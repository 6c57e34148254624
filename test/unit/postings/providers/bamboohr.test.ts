import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting, extractPostingDetailed } from '../../../../src/postings/extract-posting.js';
import { bambooHrProvider } from '../../../../src/postings/providers/bamboohr.js';
import { expectOneIdentity, fixtureBytes } from './provider-test-kit.js';

const fixture = (name: string) => fixtureBytes(`bamboohr/${name}`);

describe('BambooHR job links', () => {
  it('maps every way of writing one job to the careers page', () => {
    expectOneIdentity(
      [
        'https://flutterwavego.bamboohr.com/careers/1256',
        'http://FlutterwaveGo.bamboohr.com/careers/1256/?utm_source=linkedin',
        'https://flutterwavego.bamboohr.com/careers/1256/detail',
        'https://flutterwavego.bamboohr.com/careers/1256/apply#form',
        'https://flutterwavego.bamboohr.com/hiring/jobs/1256',
        'https://flutterwavego.bamboohr.com/jobs/view.php?id=1256&source=indeed',
      ],
      {
        source: 'bamboohr',
        tenant: 'flutterwavego',
        jobId: '1256',
        canonicalUrl: 'https://flutterwavego.bamboohr.com/careers/1256',
      },
    );
  });

  it('leaves careers lists and BambooHR’s own sites alone', () => {
    expect(canonicalizeJobUrl('https://flutterwavego.bamboohr.com/careers').source).toBe('other');
    expect(canonicalizeJobUrl('https://www.bamboohr.com/careers/12').source).toBe('other');
  });

  it('asks the careers detail endpoint', () => {
    expect(bambooHrProvider.apiRequest(canonicalizeJobUrl('https://acme.bamboohr.com/careers/42'))).toEqual({
      url: 'https://acme.bamboohr.com/careers/42/detail',
      accept: 'application/json',
    });
    expect(
      bambooHrProvider.apiRequest({ source: 'bamboohr', tenant: 'acme', jobId: null, canonicalUrl: 'x' }),
    ).toBeNull();
  });
});

describe('BambooHR careers detail (Flutterwave, real capture)', () => {
  const url = 'https://flutterwavego.bamboohr.com/careers/1256';

  it('reads the opening’s structured fields', () => {
    const s = extractPosting({ url, body: fixture('flutterwave-careers-detail.json') });
    expect(s).toMatchObject({
      source: 'bamboohr',
      title: 'Senior Manager, Financial Reporting',
      // The sub-domain is "flutterwavego": the company's spelling is found at the slug's start.
      company: 'Flutterwave',
      locations: ['Lekki, Lagos, Nigeria'],
      workplaceType: 'onsite',
      employmentType: 'full-time',
      department: 'Finance',
      salary: null,
      minYearsExperience: 10,
    });
    expect(s.requirements).toHaveLength(12);
    expect(s.niceToHave).toEqual([]);
    expect(s.summary).toContain('Flutterwave is seeking a highly skilled and experienced Senior Manager');
  });

  it('counts the first responsibility group at least (the text has six numbered groups)', () => {
    const s = extractPosting({ url, body: fixture('flutterwave-careers-detail.json') });
    expect(s.responsibilities[0]).toBe(
      'Always ensure the accuracy of financial information on the ERP (NetSuite), with robust reconciliations and controls.',
    );
    expect(s.responsibilities.length).toBeGreaterThanOrEqual(7);
  });

  it('treats a job missing from the careers list as closed', () => {
    const list = JSON.stringify({
      meta: { totalCount: 1 },
      result: [{ id: '7', jobOpeningName: 'Other job' }],
    });
    const out = extractPostingDetailed({ url, body: list, contentType: 'application/json' });
    expect(out.unlisted).toBe(true);
  });

  it('treats an opening whose status is not Open as closed', () => {
    const data = JSON.parse(fixture('flutterwave-careers-detail.json').toString('utf8'));
    data.result.jobOpening.jobOpeningStatus = 'Filled';
    const out = extractPostingDetailed({ url, body: JSON.stringify(data) });
    expect(out.unlisted).toBe(true);
  });

  it('does not claim JSON that is not BambooHR’s', () => {
    expect(bambooHrProvider.parseJson?.({ result: 'ok' }, { url, identity: null })).toBeNull();
    expect(
      bambooHrProvider.parseJson?.({ result: { jobOpening: { name: 1 } } }, { url, identity: null }),
    ).toBeNull();
  });
});
