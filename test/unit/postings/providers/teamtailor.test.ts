import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting, extractPostingDetailed } from '../../../../src/postings/extract-posting.js';
import { readHtmlPage } from '../../../../src/postings/html/page.js';
import { teamtailorProvider } from '../../../../src/postings/providers/teamtailor.js';

const dir = resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'postings', 'teamtailor');
const RSS = readFileSync(resolve(dir, 'teamtailor-rss-ferd-digital-internship.xml'));
const JOB_URL = 'https://ferd.teamtailor.com/jobs/8344301-ferd-digital-internship';

describe('Teamtailor job links', () => {
  it('map the slug, locale, apply page and tracking variants to one identity', () => {
    const expected = {
      source: 'teamtailor',
      tenant: 'ferd',
      jobId: '8344301',
      canonicalUrl: 'https://ferd.teamtailor.com/jobs/8344301',
    };
    for (const url of [
      JOB_URL,
      'https://ferd.teamtailor.com/jobs/8344301',
      'https://ferd.teamtailor.com/jobs/8344301-ferd-digital-internship-old-title',
      'https://ferd.teamtailor.com/no/jobs/8344301-ferd-digital-internship',
      'https://ferd.teamtailor.com/en-GB/jobs/8344301-ferd-digital-internship',
      'https://ferd.teamtailor.com/jobs/8344301-ferd-digital-internship/applications/new',
      'https://ferd.teamtailor.com/jobs/8344301-ferd-digital-internship?utm_source=linkedin#apply',
    ])
      expect(canonicalizeJobUrl(url), url).toEqual(expected);
  });

  it('keeps the North America host of an account hosted there', () => {
    expect(canonicalizeJobUrl('https://acme.na.teamtailor.com/jobs/123-engineer').canonicalUrl).toBe(
      'https://acme.na.teamtailor.com/jobs/123',
    );
  });

  it('leaves job lists and Teamtailor’s own service hosts to other rules', () => {
    expect(canonicalizeJobUrl('https://ferd.teamtailor.com/jobs').source).toBe('other');
    expect(canonicalizeJobUrl('https://ferd.teamtailor.com/departments/digital').source).toBe('other');
    expect(canonicalizeJobUrl('https://app.teamtailor.com/jobs/123-x').source).toBe('other');
    expect(canonicalizeJobUrl('https://www.teamtailor.com/jobs/123-x').source).toBe('other');
  });

  it('has no keyless JSON endpoint: the job page is read', () => {
    expect(teamtailorProvider.apiRequest(canonicalizeJobUrl(JOB_URL))).toBeNull();
  });
});

describe('Teamtailor RSS feed', () => {
  it('reads the linked item: title, company, location, on-site, department', () => {
    const s = extractPosting({ url: JOB_URL, body: RSS });
    expect(s.source).toBe('teamtailor');
    expect(s.title).toBe('Ferd Digital Internship');
    expect(s.company).toBe('Ferd');
    expect(s.locations).toEqual(['Oslo, Norway']);
    expect(s.workplaceType).toBe('onsite');
    expect(s.employmentType).toBe('internship');
    expect(s.department).toBe('Digital');
    expect(s.salary).toBeNull();
  });

  it('does not call a job closed because one page of the (paged) feed lacks it', () => {
    const result = extractPostingDetailed({ url: 'https://ferd.teamtailor.com/jobs/1-other', body: RSS });
    expect(result.unlisted).toBe(false);
    expect(result.recognised).toBe(false);
  });

  it('reads the first item when the feed is read on its own', () => {
    const s = extractPosting({ url: 'https://ferd.teamtailor.com/jobs.rss', body: RSS });
    expect(s.title).toBe('Ferd Digital Internship');
  });
});

describe('Teamtailor job page', () => {
  it('needs the page’s JSON-LD: a page without it is left to the HTML fallback', () => {
    const page = readHtmlPage('<html><head><title>Jobs</title></head><body><h1>Jobs</h1></body></html>');
    const context = { url: JOB_URL, identity: canonicalizeJobUrl(JOB_URL) };
    expect(teamtailorProvider.parseHtml?.(page, context)).toBeNull();
  });
});
