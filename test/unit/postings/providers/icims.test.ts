import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting } from '../../../../src/postings/extract-posting.js';
import { icimsProvider } from '../../../../src/postings/providers/icims.js';
import { fixture } from './fixture.js';
import { expectOneIdentity } from './provider-test-kit.js';

const CANONICAL = 'https://careers-gdms.icims.com/jobs/75243/job';

describe('iCIMS links', () => {
  it('maps the job page, its frame, login and candidate pages of one job to one identity', () => {
    expectOneIdentity(
      [
        CANONICAL,
        'https://careers-gdms.icims.com/jobs/75243/sr.-advanced-field-support-specialist-%28ts-sci-clearance-required%29/job',
        'https://careers-gdms.icims.com/jobs/75243/sr.-advanced-field-support-specialist/job?in_iframe=1&mobile=true',
        'https://CAREERS-GDMS.icims.com/jobs/75243/sr.-advanced-field-support-specialist/login',
        'https://careers-gdms.icims.com/jobs/75243/candidate?from=login',
        'https://careers-gdms.icims.com/jobs/75243',
      ],
      {
        source: 'icims',
        tenant: 'careers-gdms',
        jobId: '75243',
        canonicalUrl: CANONICAL,
      },
    );
  });

  it('accepts other sub-domain prefixes and leaves search pages alone', () => {
    expect(canonicalizeJobUrl('https://uscareers-acuren.icims.com/jobs/22245/full-time-nde/job').tenant).toBe(
      'uscareers-acuren',
    );
    expect(canonicalizeJobUrl('https://careers-gdms.icims.com/jobs/search?pr=2').source).toBe('other');
  });

  it('asks for the frame, where the JSON-LD is', () => {
    expect(icimsProvider.apiRequest(canonicalizeJobUrl(CANONICAL))).toEqual({
      url: `${CANONICAL}?in_iframe=1`,
      accept: 'text/html',
    });
  });
});

describe('iCIMS job frame', () => {
  it('reads the GDMS frame and drops the UNAVAILABLE placeholder from an address', () => {
    const card = extractPosting({
      url: 'https://careers-gdms.icims.com/jobs/75243/sr.-advanced-field-support-specialist/job',
      body: fixture('icims/gdms-field-support-specialist-iframe.html'),
    });
    expect(card).toMatchObject({
      source: 'icims',
      title: 'Sr. Advanced Field Support Specialist (TS/SCI Clearance Required)',
      company: 'General Dynamics Mission Systems, Inc',
      locations: ['Annapolis Junction, MD, United States', 'VA, United States'],
      workplaceType: null,
      employmentType: null,
      department: 'Technicians/Technical Support',
      salary: null,
    });
    expect(card.responsibilities).toEqual([]);
    expect(card.niceToHave).toEqual([]);
  });
});
