import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting } from '../../../../src/postings/extract-posting.js';
import { indeedProvider } from '../../../../src/postings/providers/indeed.js';
import { fixture } from './fixture.js';
import { expectOneIdentity } from './provider-test-kit.js';

const KEY = '54f1f8af68d722d2';

describe('Indeed links', () => {
  it('maps every page that shows one job key on a host to one identity', () => {
    expectOneIdentity(
      [
        `https://www.indeed.com/viewjob?jk=${KEY}`,
        `https://indeed.com/viewjob?jk=${KEY.toUpperCase()}&from=serp&vjs=3`,
        `https://www.indeed.com/m/viewjob?jk=${KEY}`,
        `https://m.indeed.com/viewjob?jk=${KEY}`,
        `https://www.indeed.com/rc/clk?jk=${KEY}&bb=abc&xkcb=SoD3`,
        `https://www.indeed.com/jobs?q=devops&l=remote&vjk=${KEY}`,
        `http://www.indeed.com/m/basecamp/viewjob?viewtype=embedded&jk=${KEY}`,
      ],
      {
        source: 'indeed',
        tenant: 'indeed.com',
        jobId: KEY,
        canonicalUrl: `https://www.indeed.com/viewjob?jk=${KEY}`,
      },
    );
  });

  it('keeps the country host, where the job is listed', () => {
    expect(canonicalizeJobUrl(`https://au.indeed.com/viewjob?from=appsharedroid&jk=${KEY}`)).toEqual({
      source: 'indeed',
      tenant: 'au',
      jobId: KEY,
      canonicalUrl: `https://au.indeed.com/viewjob?jk=${KEY}`,
    });
    expect(canonicalizeJobUrl(`https://uk.indeed.com/rc/clk?jk=${KEY}`).canonicalUrl).toBe(
      `https://uk.indeed.com/viewjob?jk=${KEY}`,
    );
    expect(canonicalizeJobUrl(`https://de.indeed.com/jobs?q=entwickler&vjk=${KEY}`).tenant).toBe('de');
    expect(canonicalizeJobUrl(`https://indeed.fr/viewjob?jk=${KEY}`).canonicalUrl).toBe(
      `https://www.indeed.fr/viewjob?jk=${KEY}`,
    );
  });

  it('leaves a search without an open job, and look-alike hosts, alone', () => {
    expect(canonicalizeJobUrl('https://www.indeed.com/jobs?q=devops').source).toBe('other');
    expect(canonicalizeJobUrl(`https://notindeed.com/viewjob?jk=${KEY}`).source).toBe('other');
    expect(canonicalizeJobUrl('https://www.indeed.com/viewjob?jk=not-a-key').source).toBe('other');
  });

  it('has no public API to ask', () => {
    expect(
      indeedProvider.apiRequest(canonicalizeJobUrl(`https://www.indeed.com/viewjob?jk=${KEY}`)),
    ).toBeNull();
  });
});

describe('Indeed pages', () => {
  it('an Indeed page without its job data falls through to the generic reader', () => {
    const page =
      '<html><head><title>Senior DevOps Engineer - Camberwell VIC 3124 - Indeed.com</title>' +
      `<link href="https://au.indeed.com/viewjob?jk=${KEY}" rel="canonical"></head><body></body></html>`;
    const summary = extractPosting({ url: `https://au.indeed.com/viewjob?jk=${KEY}`, body: page });
    expect(summary.source).toBe('html');
    expect(summary.canonicalUrl).toBe(`https://au.indeed.com/viewjob?jk=${KEY}`);
  });
});

describe('Indeed view-job page (au.indeed.com, PaperCut Software, real page trimmed to its job data)', () => {
  const url = `https://au.indeed.com/viewjob?jk=${KEY}&from=shareddesktop_copy`;
  const body = () => fixture('indeed/au-papercut-senior-devops-engineer-trimmed.html');

  it('reads title, company, location and job type from window._initialData', () => {
    expect(extractPosting({ url, body: body() })).toMatchObject({
      source: 'indeed',
      canonicalUrl: `https://au.indeed.com/viewjob?jk=${KEY}`,
      title: 'Senior DevOps Engineer',
      company: 'PaperCut Software',
      locations: ['Camberwell VIC 3124'],
      employmentType: 'full-time',
      department: null,
    });
  });

  it('reads the hybrid badge (remoteWorkModel REMOTE_HYBRID) as hybrid', () => {
    expect(extractPosting({ url, body: body() }).workplaceType).toBe('hybrid');
  });

  it('keeps the JSON-LD pay when _initialData states none, as the employer text is silent', () => {
    expect(extractPosting({ url, body: body() }).salary).toEqual({
      min: 130000,
      max: 160000,
      currency: 'AUD',
      period: 'year',
    });
  });

  it('counts the role’s lists, not the company’s perks', () => {
    const card = extractPosting({ url, body: body() });
    expect(card.responsibilities).toHaveLength(4);
    expect(card.requirements).toHaveLength(4);
    expect(card.niceToHave).toEqual([]);
    expect(card.requirements.join(' ')).not.toMatch(/parental leave/);
  });

  it('reads the page’s JSON-LD when the job data is missing', () => {
    const withoutData = body().replace(/<script>\s*window\._initialData=[\s\S]*?<\/script>/, '');
    expect(withoutData).not.toContain('_initialData');
    expect(extractPosting({ url, body: withoutData })).toMatchObject({
      source: 'indeed',
      title: 'Senior DevOps Engineer',
      company: 'PaperCut Software',
      employmentType: 'full-time',
      salary: { min: 130000, max: 160000, currency: 'AUD', period: 'year' },
    });
  });
});
