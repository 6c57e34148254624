import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting, extractPostingDetailed } from '../../../../src/postings/extract-posting.js';
import { breezyProvider } from '../../../../src/postings/providers/breezy.js';
import { expectOneIdentity, fixtureBytes } from './provider-test-kit.js';

const fixture = (name: string) => fixtureBytes(`breezy/${name}`);

describe('Breezy HR job links', () => {
  it('maps the slugged, bare and apply links of one position to its id', () => {
    expectOneIdentity(
      [
        'https://breezy.breezy.hr/p/088ac6d52139-open-position',
        'https://breezy.breezy.hr/p/088ac6d52139',
        'http://breezy.breezy.hr/p/088AC6D52139-open-position/apply?source=linkedin',
        'https://breezy.breezy.hr/p/088ac6d52139-a-renamed-title#details',
      ],
      {
        source: 'breezy',
        tenant: 'breezy',
        jobId: '088ac6d52139',
        canonicalUrl: 'https://breezy.breezy.hr/p/088ac6d52139',
      },
    );
  });

  it('leaves board home pages and Breezy’s own sites alone', () => {
    expect(canonicalizeJobUrl('https://breezy.breezy.hr/').source).toBe('other');
    expect(canonicalizeJobUrl('https://app.breezy.hr/p/088ac6d52139').source).toBe('other');
    expect(canonicalizeJobUrl('https://acme.breezy.hr/p/not-an-id').source).toBe('other');
  });

  it('reads the page, not the description-less JSON list', () => {
    expect(breezyProvider.apiRequest(canonicalizeJobUrl('https://acme.breezy.hr/p/088ac6d52139'))).toBeNull();
  });
});

describe('Breezy HR board list (MS Breezy Trial, real capture)', () => {
  const url = 'https://breezy.breezy.hr/p/088ac6d52139-open-position';

  it('picks the position by id and reads its list fields', () => {
    const s = extractPosting({ url, body: fixture('breezy-board-json.json') });
    expect(s).toMatchObject({
      source: 'breezy',
      title: 'Open Position',
      company: 'MS Breezy Trial',
      locations: ['New York, NY'],
      workplaceType: null,
      employmentType: 'contract',
      department: 'Sporting Goods',
      // "$1 – $5 / year" is a trial board's placeholder: below any plausible yearly salary.
      salary: null,
    });
    expect(s.responsibilities).toEqual([]);
    expect(s.summary).toContain('Details are limited');
  });

  it('says the position is closed when the list no longer has it', () => {
    const out = extractPostingDetailed({
      url: 'https://breezy.breezy.hr/p/aaaaaaaaaaaa-gone',
      body: fixture('breezy-board-json.json'),
    });
    expect(out.unlisted).toBe(true);
  });

  it('does not claim other arrays', () => {
    expect(breezyProvider.parseJson?.([{ id: 'x', name: 'y' }], { url, identity: null })).toBeNull();
  });
});

describe('Breezy HR position pages (real captures, JSON-LD kept by their source)', () => {
  const DRHOUSE = 'https://drhouse-inc.breezy.hr/p/017c1e8fe5bb01';

  it('takes fourteen-character position ids as well as twelve', () => {
    expectOneIdentity(
      [
        'https://drhouse-inc.breezy.hr/p/017c1e8fe5bb01-physician-ob-gyn-telemedicine-opportunity--drhouse?source=GoogleJobs',
        'https://drhouse-inc.breezy.hr/p/017c1e8fe5bb01/apply',
      ],
      {
        source: 'breezy',
        tenant: 'drhouse-inc',
        jobId: '017c1e8fe5bb01',
        canonicalUrl: DRHOUSE,
      },
    );
  });

  it('reads the DrHouse telemedicine page: remote, part-time, hourly pay, three lists', () => {
    const card = extractPosting({
      url: `${DRHOUSE}-physician-ob-gyn-telemedicine-opportunity--drhouse?source=GoogleJobs`,
      body: fixture('drhouse-physician-ob-gyn-telemedicine.html'),
    });
    expect(card).toMatchObject({
      source: 'breezy',
      canonicalUrl: DRHOUSE,
      title: 'Physician, OB/GYN – Telemedicine Opportunity',
      company: 'DrHouse, Inc.',
      locations: ['Cheyenne, WY, United States'],
      workplaceType: 'remote',
      employmentType: 'part-time',
      // The board's structured pay; the text's "Annual salary starting at $210,000" is a benefit line.
      salary: { min: 100, max: 200, currency: 'USD', period: 'hour' },
    });
    expect(card.responsibilities).toHaveLength(6);
    // The three "Preferred" items and "ABOM certification is a plus." from the requirements.
    expect(card.niceToHave).toHaveLength(4);
    expect(card.niceToHave).toContain('ABOM certification is a plus.');
  });

  it('reads the Oil Changers page: full-time, one hourly rate, the store address as location', () => {
    const card = extractPosting({
      url: 'https://oil-changers.breezy.hr/p/4d84ddc1b2c9-oil-changers-team-member-889?source=GoogleJobs',
      body: fixture('oil-changers-team-member-889.html'),
    });
    expect(card).toMatchObject({
      source: 'breezy',
      canonicalUrl: 'https://oil-changers.breezy.hr/p/4d84ddc1b2c9',
      title: 'Oil Changers Team Member (889)',
      company: 'Oil Changers',
      locations: ['AUSTIN, TX, United States'],
      employmentType: 'full-time',
      salary: { min: 16, max: 16, currency: 'USD', period: 'hour' },
    });
    expect(card.benefits).toHaveLength(10);
  });
});
