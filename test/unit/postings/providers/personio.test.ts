import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting, extractPostingDetailed } from '../../../../src/postings/extract-posting.js';
import { personioProvider } from '../../../../src/postings/providers/personio.js';

const dir = resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'postings', 'personio');
const fixture = (name: string) => readFileSync(resolve(dir, name));
const STAFF = 'personio-staff-software-engineer-data-platform.xml';
const DOCS = 'personio-docs-example-office-feelgood-manager.xml';
const JOB_URL = 'https://personio.jobs.personio.de/job/1834171';

describe('Personio job links', () => {
  it('map every way of writing one job to one identity on the .de host', () => {
    const expected = {
      source: 'personio',
      tenant: 'personio',
      jobId: '1834171',
      canonicalUrl: JOB_URL,
    };
    for (const url of [
      JOB_URL,
      'https://personio.jobs.personio.com/job/1834171',
      'https://personio.jobs.personio.de/job/1834171?language=de',
      'https://personio.jobs.personio.de/job/1834171/apply?language=en&utm_source=linkedin',
      'https://Personio.jobs.personio.de/job/1834171/#apply',
      'http://personio.jobs.personio.de/job/1834171?display=en',
    ])
      expect(canonicalizeJobUrl(url), url).toEqual(expected);
  });

  it('leaves the board page, the feed and the sign-in host to other rules', () => {
    expect(canonicalizeJobUrl('https://personio.jobs.personio.de/').source).toBe('other');
    expect(canonicalizeJobUrl('https://personio.jobs.personio.de/xml').source).toBe('other');
    expect(canonicalizeJobUrl('https://acme.personio.de/job/1834171').source).toBe('other');
    expect(canonicalizeJobUrl('https://personio.jobs.personio.de/job/abc').source).toBe('other');
  });

  it('asks the company’s XML feed, which lists every open job', () => {
    expect(personioProvider.apiRequest(canonicalizeJobUrl(JOB_URL))).toEqual({
      url: 'https://personio.jobs.personio.de/xml',
      accept: 'application/xml, text/xml;q=0.9',
    });
    expect(personioProvider.apiRequest(canonicalizeJobUrl('https://example.com/job/1'))).toBeNull();
  });
});

describe('Personio XML feed', () => {
  it('reads the position the link names: title, employer, offices, department, hours', () => {
    const s = extractPosting({ url: JOB_URL, body: fixture(STAFF), contentType: 'text/xml' });
    expect(s.source).toBe('personio');
    expect(s.title).toBe('Staff Software Engineer, Data Platform');
    expect(s.company).toBe('Personio SE & Co. KG');
    expect(s.locations).toEqual(['Munich', 'Berlin']);
    expect(s.department).toBe('Product and Tech');
    expect(s.employmentType).toBe('full-time');
    expect(s.salary).toBeNull();
    expect(s.minYearsExperience).toBe(10);
    expect(s.canonicalUrl).toBe(JOB_URL);
  });

  it('turns each description block into a section: 13 things to do, 7 requirements and the one that says it is a plus', () => {
    const s = extractPosting({ url: JOB_URL, body: fixture(STAFF) });
    expect(s.responsibilities).toHaveLength(13);
    expect(s.requirements).toHaveLength(7);
    expect(s.niceToHave).toEqual([expect.stringMatching(/^Experience acting as a mentor .* is a plus\./)]);
    expect(s.requirements[0]).toMatch(/^10\+ years of software engineering experience/);
  });

  it('says a job the feed no longer lists is closed', () => {
    const result = extractPostingDetailed({
      url: 'https://personio.jobs.personio.de/job/999999',
      body: fixture(STAFF),
      contentType: 'text/xml',
    });
    expect(result.unlisted).toBe(true);
    expect(result.summary.title).toBeNull();
  });

  it('reads the documented example with German values: permanent + full-time schedule, Munich', () => {
    const s = extractPosting({
      url: 'https://developer.personio.de/docs/retrieving-open-job-positions',
      body: fixture(DOCS),
      contentType: 'text/xml',
    });
    expect(s.source).toBe('personio');
    // The gender note the law asks German postings to carry is left off the card.
    expect(s.title).toBe('Office- und Feelgood Manager');
    expect(s.locations).toEqual(['Munich']);
    expect(s.department).toBe('Management');
    // <schedule> says full-time, but the opening sentence says "Office Manager (m/w) in Teilzeit".
    expect(s.employmentType).toBe('part-time');
  });

  it('lets the opening sentence overrule the schedule only when it states one kind of hours', () => {
    const withOpening = (from: string, to: string) =>
      extractPosting({
        url: 'https://acme.jobs.personio.de/job/4103',
        body: fixture(DOCS).toString('utf8').replace(from, to),
        contentType: 'text/xml',
      }).employmentType;
    expect(withOpening('in Teilzeit', 'in Vollzeit oder Teilzeit')).toBe('full-time');
    expect(withOpening('in Teilzeit', '')).toBe('full-time');
    expect(withOpening('<schedule>full-time</schedule>', '<schedule>part-time</schedule>')).toBe('part-time');
  });

  it('maps Personio contract kinds: intern and trainee are internships, freelance a contract', () => {
    const feed = (employmentType: string, schedule: string) =>
      fixture(DOCS)
        .toString('utf8')
        .replace(
          '<employmentType>permanent</employmentType>',
          `<employmentType>${employmentType}</employmentType>`,
        )
        .replace('<schedule>full-time</schedule>', `<schedule>${schedule}</schedule>`);
    const typeOf = (employmentType: string, schedule: string) =>
      extractPosting({
        url: 'https://acme.jobs.personio.de/job/4103',
        body: feed(employmentType, schedule),
        contentType: 'text/xml',
      }).employmentType;
    expect(typeOf('intern', 'full-time')).toBe('internship');
    expect(typeOf('trainee', 'full-time')).toBe('internship');
    expect(typeOf('freelance', 'part-time')).toBe('contract');
    expect(typeOf('permanent', 'part-time')).toBe('part-time');
  });

  it('is not read as Personio when the XML is another feed, and never throws on broken XML', () => {
    const context = { url: JOB_URL, identity: canonicalizeJobUrl(JOB_URL) };
    expect(personioProvider.parseXml?.('<?xml version="1.0"?><rss><channel/></rss>', context)).toBeNull();
    expect(personioProvider.parseXml?.('<workzag-jobs><position><id>1834171</id>', context)).toBeNull();
    expect(() => personioProvider.parseXml?.('<<<>>>&&&', context)).not.toThrow();
  });
});
