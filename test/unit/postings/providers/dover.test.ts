import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting } from '../../../../src/postings/extract-posting.js';
import { doverProvider } from '../../../../src/postings/providers/dover.js';
import { expectOneIdentity } from './provider-test-kit.js';

const dir = resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'postings', 'dover');
const jobsList = readFileSync(resolve(dir, 'careers-page-jobs-list.json'), 'utf8');
const JOB = 'aa378aa1-79f3-4995-8667-b78a61c12b11';
const PAGE = `https://app.dover.com/apply/dover/${JOB}`;

describe('Dover links', () => {
  it('maps the apply page, the jobs page and their spellings to one identity', () => {
    expectOneIdentity(
      [
        PAGE,
        `https://app.dover.com/apply/Dover/${JOB.toUpperCase()}/`,
        `https://app.dover.com/jobs/dover/${JOB}?utm_source=ycombinator`,
        `http://app.dover.com/apply/dover/${JOB}#top`,
      ],
      {
        source: 'dover',
        tenant: 'dover',
        jobId: JOB,
        canonicalUrl: PAGE,
      },
    );
  });

  it('keeps a company name with spaces as one segment', () => {
    expect(canonicalizeJobUrl(`https://app.dover.com/apply/Somewear%20Labs/${JOB}`).canonicalUrl).toBe(
      `https://app.dover.com/apply/somewear%20labs/${JOB}`,
    );
  });

  it('reads the public API URL as the same job', () => {
    const identity = canonicalizeJobUrl(`https://app.dover.com/api/v1/inbound/application-portal-job/${JOB}`);
    expect(identity).toMatchObject({ source: 'dover', jobId: JOB });
  });

  it('asks the inbound application-portal API for a job', () => {
    expect(doverProvider.apiRequest(canonicalizeJobUrl(PAGE))).toEqual({
      url: `https://app.dover.com/api/v1/inbound/application-portal-job/${JOB}`,
      accept: 'application/json',
    });
  });

  it('leaves a board without a job, and other hosts, alone', () => {
    expect(canonicalizeJobUrl('https://app.dover.com/jobs/dover').source).toBe('other');
    expect(canonicalizeJobUrl(`https://dover.example.com/apply/dover/${JOB}`).source).toBe('other');
  });
});

describe('Dover payloads', () => {
  it('reads the job the link names from a careers-page job list (real Dover board)', () => {
    const summary = extractPosting({ url: PAGE, body: jobsList, contentType: 'application/json' });
    expect(summary.source).toBe('dover');
    expect(summary.title).toBe('Head of People');
    expect(summary.company).toBe('Dover');
    expect(summary.locations).toEqual(['United States']);
    expect(summary.workplaceType).toBe('remote');
    expect(summary.employmentType).toBeNull();
    expect(summary.salary).toBeNull();
    expect(summary.responsibilities).toEqual([]);
    expect(summary.requirements).toEqual([]);
    expect(summary.niceToHave).toEqual([]);
  });

  it('the same list wrapped as the API pages it ({ results }) picks the second job by id', () => {
    const wrapped = JSON.stringify({ count: 2, next: null, results: JSON.parse(jobsList) });
    const summary = extractPosting({
      url: 'https://app.dover.com/apply/dover/066865ee-3ba5-4098-9420-53cd8d45cd12',
      body: wrapped,
    });
    expect(summary.title).toBe('Marketing Leader');
  });

  it('says a job missing from its board’s list is no longer listed', () => {
    const identity = canonicalizeJobUrl(
      'https://app.dover.com/apply/dover/00000000-0000-4000-8000-000000000000',
    );
    expect(doverProvider.parseJson?.(JSON.parse(jobsList), { url: PAGE, identity })?.unlisted).toBe(true);
  });

  it('names no job from a whole board list when the link names none', () => {
    expect(doverProvider.parseJson?.(JSON.parse(jobsList), { url: 'file.json', identity: null })).toBeNull();
  });

  it('does not claim JSON that is not Dover’s', () => {
    expect(doverProvider.parseJson?.([{ id: 'x', title: 'y' }], { url: PAGE, identity: null })).toBeNull();
    expect(doverProvider.parseJson?.({ jobs: [] }, { url: PAGE, identity: null })).toBeNull();
  });
});
