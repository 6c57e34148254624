import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting } from '../../../../src/postings/extract-posting.js';
import { wellfoundProvider } from '../../../../src/postings/providers/wellfound.js';
import { fixture } from './fixture.js';
import { expectOneIdentity } from './provider-test-kit.js';

const CANONICAL = 'https://wellfound.com/jobs/2747178';

describe('Wellfound links', () => {
  it('maps the job page, the company’s job page and old AngelList links to one identity', () => {
    expectOneIdentity(
      [
        'https://wellfound.com/jobs/2747178-python-developer',
        'https://wellfound.com/jobs/2747178',
        'https://www.wellfound.com/jobs/2747178-python-developer/?utm_source=newsletter',
        'https://wellfound.com/company/tooljet/jobs/2747178-python-developer',
        'https://angel.co/company/tooljet/jobs/2747178-python-developer',
        'http://angel.co/jobs/2747178-python-developer#apply',
        'https://wellfound.com/company/tooljet/jobs?job_listing_slug=2747178-python-developer',
      ],
      {
        source: 'wellfound',
        tenant: null,
        jobId: '2747178',
        canonicalUrl: CANONICAL,
      },
    );
  });

  it('leaves search and company pages without a job alone', () => {
    expect(canonicalizeJobUrl('https://wellfound.com/jobs').source).toBe('other');
    expect(canonicalizeJobUrl('https://wellfound.com/company/tooljet/jobs').source).toBe('other');
    expect(canonicalizeJobUrl('https://wellfound.com/role/r/software-engineer').source).toBe('other');
  });

  it('has no public API to ask', () => {
    expect(wellfoundProvider.apiRequest(canonicalizeJobUrl(CANONICAL))).toBeNull();
  });
});

describe('Wellfound pages', () => {
  it('does not claim pages of other hosts', () => {
    const page = '<html><head><title>x</title></head><body><h1>x</h1></body></html>';
    const summary = extractPosting({ url: 'https://example.com/jobs/1', body: page });
    expect(summary.source).not.toBe('wellfound');
  });

  it('a Wellfound page without a JobPosting falls through to the generic reader', () => {
    const page =
      '<html><head><title>Python Developer at ToolJet • Wellfound</title>' +
      '<meta property="og:title" content="Python Developer at ToolJet"></head><body></body></html>';
    const summary = extractPosting({
      url: 'https://wellfound.com/jobs/2747178-python-developer',
      body: page,
    });
    expect(summary.source).toBe('html');
    expect(summary.canonicalUrl).toBe(CANONICAL);
  });
});

describe('Wellfound job detail page (Confident LIMS, real capture trimmed by its source)', () => {
  const body = () => fixture('wellfound/confident-lims-senior-software-engineer-detail.html');

  it('reads the startup’s own JobPosting: remote, full-time, the yearly USD range', () => {
    const card = extractPosting({
      url: 'https://wellfound.com/company/confidentlims/jobs/4697947-senior-software-engineer',
      body: body(),
    });
    expect(card).toMatchObject({
      source: 'wellfound',
      canonicalUrl: 'https://wellfound.com/jobs/4697947',
      title: 'Senior Software Engineer',
      company: 'Confident LIMS',
      locations: ['California, United States'],
      workplaceType: 'remote',
      employmentType: 'full-time',
      salary: { min: 100000, max: 180000, currency: 'USD', period: 'year' },
    });
    expect([...card.responsibilities, ...card.requirements, ...card.niceToHave]).toEqual([]);
  });

  it('is read on its host without an identity', () => {
    expect(extractPosting({ url: 'https://wellfound.com/jobs', body: body() }).source).toBe('wellfound');
  });
});
