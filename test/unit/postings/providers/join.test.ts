import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { readHtmlPage } from '../../../../src/postings/html/page.js';
import { joinProvider } from '../../../../src/postings/providers/join.js';

// No real JOIN document was found (see test/fixtures/postings/join/SOURCE.md): URL rules only.
const JOB_URL = 'https://join.com/companies/karriere-bei-ptsoftware/16497003-fullstack-developer';

describe('JOIN job links', () => {
  it('map locale prefixes, the apply page, case and tracking to one identity', () => {
    const expected = {
      source: 'join',
      tenant: 'karriere-bei-ptsoftware',
      jobId: '16497003',
      canonicalUrl: JOB_URL,
    };
    for (const url of [
      JOB_URL,
      'https://www.join.com/companies/karriere-bei-ptsoftware/16497003-fullstack-developer',
      'https://join.com/de/companies/karriere-bei-ptsoftware/16497003-fullstack-developer',
      'https://join.com/companies/Karriere-bei-PTSoftware/16497003-Fullstack-Developer/apply',
      'https://join.com/companies/karriere-bei-ptsoftware/16497003-fullstack-developer?pid=abc&utm_source=x',
    ])
      expect(canonicalizeJobUrl(url), url).toEqual(expected);
  });

  it('keeps the job id as the identity when the link has no title slug', () => {
    const identity = canonicalizeJobUrl('https://join.com/companies/karriere-bei-ptsoftware/16497003');
    expect(identity.jobId).toBe('16497003');
    expect(identity.tenant).toBe('karriere-bei-ptsoftware');
  });

  it('leaves company pages and other join.com pages to other rules', () => {
    expect(canonicalizeJobUrl('https://join.com/companies/karriere-bei-ptsoftware').source).toBe('other');
    expect(canonicalizeJobUrl('https://join.com/companies/x/jobs').source).toBe('other');
    expect(canonicalizeJobUrl('https://join.com/pricing').source).toBe('other');
    expect(canonicalizeJobUrl('https://example.com/companies/x/123-y').source).toBe('other');
  });

  it('has no documented per-job API: the page is read', () => {
    expect(joinProvider.apiRequest(canonicalizeJobUrl(JOB_URL))).toBeNull();
  });

  it('reads only pages with a JobPosting; others go to the HTML fallback', () => {
    const page = readHtmlPage('<html><head><title>JOIN</title></head><body></body></html>');
    expect(
      joinProvider.parseHtml?.(page, { url: JOB_URL, identity: canonicalizeJobUrl(JOB_URL) }),
    ).toBeNull();
    expect(joinProvider.parseHtml?.(page, { url: 'https://example.com/jobs/1', identity: null })).toBeNull();
  });
});
