import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting } from '../../../../src/postings/extract-posting.js';
import { jobviteProvider } from '../../../../src/postings/providers/jobvite.js';
import { fixture } from './fixture.js';
import { expectOneIdentity } from './provider-test-kit.js';

const CANONICAL = 'https://jobs.jobvite.com/savers/job/oJVFAfwD';

describe('Jobvite links', () => {
  it('maps the job page, the apply page, careers.jobvite.com and the /careers/ form to one identity', () => {
    expectOneIdentity(
      [
        CANONICAL,
        'https://jobs.jobvite.com/savers/job/oJVFAfwD/apply?nl=1&__jvst=Job+Board&__jvsd=Indeed',
        'https://jobs.jobvite.com/Savers/job/oJVFAfwD/',
        'https://careers.jobvite.com/savers/job/oJVFAfwD',
        'http://jobs.jobvite.com/careers/savers/job/oJVFAfwD',
      ],
      {
        source: 'jobvite',
        tenant: 'savers',
        jobId: 'oJVFAfwD',
        canonicalUrl: CANONICAL,
      },
    );
  });

  it('leaves the company’s job list to the generic path', () => {
    expect(canonicalizeJobUrl('https://jobs.jobvite.com/savers/jobs').source).toBe('other');
  });

  it('reads the page itself (no public per-job JSON)', () => {
    expect(jobviteProvider.apiRequest(canonicalizeJobUrl(CANONICAL))).toBeNull();
  });
});

describe('Jobvite advert container (Savers, real page trimmed by its source to .jv-job-detail-description)', () => {
  const url = 'https://jobs.jobvite.com/savers/job/oJVFAfwD/apply?nl=1';
  const card = () => extractPosting({ url, body: fixture('jobvite/savers-financial-analyst-pricing.html') });

  it('recognises the page by its advert container and names the company from the link', () => {
    expect(card()).toMatchObject({
      source: 'jobvite',
      canonicalUrl: CANONICAL,
      company: 'Savers',
      // No .jv-header survived the trimming, and the tenant serves no JSON-LD: the advert's own
      // first bold line names the position, its bold "Location: Remote-USA" line the place.
      title: 'Financial Analyst, Pricing',
      locations: ['United States'],
      workplaceType: 'remote',
      employmentType: null,
      salary: { min: 82649, max: 123148, currency: 'USD', period: 'year' },
      minYearsExperience: 2,
    });
  });

  it('opens the summary with the role, not the company pitch, and keeps perks out of the lists', () => {
    const c = card();
    expect(c.summary).toMatch(/^Supports Savers’ pricing strategy by providing timely/);
    expect(c.requirements).toContain('Strong Excel/Access skills');
    expect(c.requirements).toContain("Bachelor's degree in Finance or a related field");
    expect(c.benefits).toHaveLength(6);
    expect([...c.responsibilities, ...c.requirements]).not.toContain(
      'Comprehensive onboarding and training from day one.',
    );
  });
});
