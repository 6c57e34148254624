import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { jobviteProvider } from '../../../../src/postings/providers/jobvite.js';

// No real Jobvite page is committed (see test/fixtures/postings/jobvite/SOURCE.md): URL rules only.
const CANONICAL = 'https://jobs.jobvite.com/savers/job/oJVFAfwD';

describe('Jobvite links', () => {
  it('maps the job page, the apply page, careers.jobvite.com and the /careers/ form to one identity', () => {
    for (const url of [
      CANONICAL,
      'https://jobs.jobvite.com/savers/job/oJVFAfwD/apply?nl=1&__jvst=Job+Board&__jvsd=Indeed',
      'https://jobs.jobvite.com/Savers/job/oJVFAfwD/',
      'https://careers.jobvite.com/savers/job/oJVFAfwD',
      'http://jobs.jobvite.com/careers/savers/job/oJVFAfwD',
    ]) {
      expect(canonicalizeJobUrl(url)).toEqual({
        source: 'jobvite',
        tenant: 'savers',
        jobId: 'oJVFAfwD',
        canonicalUrl: CANONICAL,
      });
    }
  });

  it('leaves the company’s job list to the generic path', () => {
    expect(canonicalizeJobUrl('https://jobs.jobvite.com/savers/jobs').source).toBe('other');
  });

  it('reads the page itself (no public per-job JSON)', () => {
    expect(jobviteProvider.apiRequest(canonicalizeJobUrl(CANONICAL))).toBeNull();
  });
});
