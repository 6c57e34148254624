import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting } from '../../../../src/postings/extract-posting.js';
import { readHtmlPage } from '../../../../src/postings/html/page.js';
import { jazzHrProvider } from '../../../../src/postings/providers/jazzhr.js';
import { fixture } from './fixture.js';
import { expectOneIdentity } from './provider-test-kit.js';

describe('JazzHR job links', () => {
  it('maps the slugged, bare and details links of one job to its board code', () => {
    expectOneIdentity(
      [
        'https://navitas.applytojob.com/apply/HfjPdG2EEG/262248-AEM-Website-Developer-HyderabadVijayawada',
        'https://navitas.applytojob.com/apply/HfjPdG2EEG',
        'http://Navitas.applytojob.com/apply/jobs/details/HfjPdG2EEG?&utm_source=linkedin',
        'https://navitas.applytojob.com/apply/HfjPdG2EEG/Another-Slug?source=LinkedIn#top',
      ],
      {
        source: 'jazzhr',
        tenant: 'navitas',
        jobId: 'HfjPdG2EEG',
        canonicalUrl: 'https://navitas.applytojob.com/apply/HfjPdG2EEG',
      },
    );
  });

  it('keeps the board code’s case: JazzHR codes are case-sensitive', () => {
    expect(canonicalizeJobUrl('https://dtexsystems.applytojob.com/apply/UQXLdxoBZ4').jobId).toBe(
      'UQXLdxoBZ4',
    );
  });

  it('leaves the job list and JazzHR’s own sites alone', () => {
    expect(canonicalizeJobUrl('https://navitas.applytojob.com/apply').source).toBe('other');
    expect(canonicalizeJobUrl('https://navitas.applytojob.com/apply/jobs').source).toBe('other');
    expect(canonicalizeJobUrl('https://www.applytojob.com/apply/HfjPdG2EEG').source).toBe('other');
  });

  it('reads the hosted page (no public per-job API)', () => {
    expect(
      jazzHrProvider.apiRequest(canonicalizeJobUrl('https://navitas.applytojob.com/apply/HfjPdG2EEG')),
    ).toBeNull();
  });

  it('does not claim pages of other sites', () => {
    const page = readHtmlPage('<html><body><div id="job-description"><p>x</p></div></body></html>');
    expect(
      jazzHrProvider.parseHtml?.(page, { url: 'https://example.org/jobs/1', identity: null }),
    ).toBeNull();
  });
});

describe('JazzHR job pages (real captures, trimmed by their source)', () => {
  it('reads the JobPosting and the header attributes of the Addiction Recovery Care page', () => {
    const card = extractPosting({
      url: 'https://addictionrecoverycare.applytojob.com/apply/sf4i9HFuTa/Admissions-Clerk?source=Indeed',
      body: fixture('jazzhr/addiction-recovery-care-admissions-clerk.html'),
    });
    expect(card).toMatchObject({
      source: 'jazzhr',
      canonicalUrl: 'https://addictionrecoverycare.applytojob.com/apply/sf4i9HFuTa',
      title: 'Admissions Clerk',
      company: 'Addiction Recovery Care',
      locations: ['St. Catharine, KY'],
      employmentType: 'full-time',
      department: 'Crown Recovery Center',
      salary: null,
    });
  });

  it('claims a board without JobPosting by its attribute block and takes the title from the title tag', () => {
    const card = extractPosting({
      url: 'https://aliz.applytojob.com/apply/',
      body: fixture('jazzhr/aliz-ai-engineer-no-jobposting.html'),
    });
    expect(card).toMatchObject({
      source: 'jazzhr',
      title: 'AI Engineer',
      company: 'Aliz',
      locations: ['Budapest, Hungary'],
      employmentType: 'full-time',
      department: 'AI',
    });
  });
});
