import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting } from '../../../../src/postings/extract-posting.js';
import { successFactorsProvider } from '../../../../src/postings/providers/successfactors.js';
import { fixture } from './fixture.js';
import { expectOneIdentity } from './provider-test-kit.js';

describe('SuccessFactors links', () => {
  it('maps the hosted career portal and the public job view of one requisition to one identity', () => {
    const canonical = 'https://career5.successfactors.eu/sfcareer/jobreqcareer?jobId=48211&company=AcmeProd';
    expectOneIdentity(
      [
        canonical,
        'https://career5.successfactors.eu/career?company=AcmeProd&career_ns=job_listing&navBarLevel=JOB_SEARCH&career_job_req_id=48211',
        'https://career5.successfactors.eu/career?career_job_req_id=48211&company=AcmeProd&lang=de_DE',
        'https://career5.successfactors.eu/sfcareer/jobreqcareer?jobId=48211&company=AcmeProd&username=',
      ],
      {
        source: 'successfactors',
        tenant: 'AcmeProd',
        jobId: '48211',
        canonicalUrl: canonical,
      },
    );
  });

  it('leaves Career Site Builder URLs to the generic identity (aggregators share their shape)', () => {
    expect(canonicalizeJobUrl('https://careers.ey.com/ey/job/Kolkata-x/1437378433/?locale=en_US')).toEqual({
      source: 'other',
      tenant: null,
      jobId: null,
      canonicalUrl: 'https://careers.ey.com/ey/job/Kolkata-x/1437378433?locale=en_US',
    });
  });

  it('has no per-job JSON to ask', () => {
    expect(
      successFactorsProvider.apiRequest(
        canonicalizeJobUrl('https://careers.ey.com/ey/job/Kolkata-x/1437378433/'),
      ),
    ).toBeNull();
  });
});

describe('SuccessFactors Career Site Builder page', () => {
  it('reads the EY page: heading title, the shown location only, description from microdata', () => {
    const card = extractPosting({
      url: 'https://careers.ey.com/ey/job/Kolkata-x/1437378433/',
      body: fixture('successfactors/ey-data-operation-specialist.html'),
    });
    expect(card).toMatchObject({
      source: 'successfactors',
      title: 'MS-FDL-Data Operation Specialist',
      company: 'EY',
      locations: ['Kolkata, India'],
      workplaceType: null,
      employmentType: null,
      salary: null,
      minYearsExperience: 12,
    });
    expect(card.responsibilities).toHaveLength(10);
    expect(card.requirements).toHaveLength(10);
    expect(card.niceToHave).toEqual([]);
  });

  it('ignores pages without Career Site Builder fields', () => {
    const card = extractPosting({
      url: 'https://example.org/job/x/1234567/',
      body: '<html><title>Hi</title><body><p>Nothing</p></body></html>',
    });
    expect(card.source).not.toBe('successfactors');
  });
});
