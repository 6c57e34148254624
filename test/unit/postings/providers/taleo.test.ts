import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { jsStrings, taleoProvider } from '../../../../src/postings/providers/taleo.js';
import { expectOneIdentity } from './provider-test-kit.js';

// No real Taleo page was found (see test/fixtures/postings/taleo/SOURCE.md): URL rules only.
const CANONICAL = 'https://bnpparibasgt.taleo.net/careersection/gt/jobdetail.ftl?job=1044298';

describe('Taleo links', () => {
  it('maps language, time-zone, source tags and the apply page of one job to one identity', () => {
    expectOneIdentity(
      [
        CANONICAL,
        'https://bnpparibasgt.taleo.net/careersection/gt/jobdetail.ftl?job=1044298&lang=fr_FR&src=JB-13160&src=JB-17660',
        'https://BNPPARIBASGT.taleo.net/careersection/gt/jobdetail.ftl?lang=en&job=1044298&tz=GMT%2B01%3A00',
        'https://bnpparibasgt.taleo.net/careersection/gt/jobapply.ftl?job=1044298&lang=fr_FR',
      ],
      {
        source: 'taleo',
        tenant: 'bnpparibasgt/gt',
        jobId: '1044298',
        canonicalUrl: CANONICAL,
      },
    );
  });

  it('recognises a career section without a section name and one on a custom domain', () => {
    expect(
      canonicalizeJobUrl('https://hdr.taleo.net/careersection/jobdetail.ftl?job=165018&lang=en'),
    ).toEqual({
      source: 'taleo',
      tenant: 'hdr',
      jobId: '165018',
      canonicalUrl: 'https://hdr.taleo.net/careersection/jobdetail.ftl?job=165018',
    });
    expect(
      canonicalizeJobUrl('https://jobs.fao.org/careersection/fao_external/jobdetail.ftl?job=2400918'),
    ).toMatchObject({
      source: 'taleo',
      jobId: '2400918',
    });
  });

  it('leaves search pages to the generic path and has no GET API', () => {
    expect(canonicalizeJobUrl('https://aa270.taleo.net/careersection/ex/jobsearch.ftl?lang=en').source).toBe(
      'other',
    );
    expect(taleoProvider.apiRequest(canonicalizeJobUrl(CANONICAL))).toBeNull();
  });

  it('reads single-quoted JavaScript strings with escaped quotes', () => {
    expect(jsStrings("['a','it\\'s','c']);", 1)).toEqual(['a', "it's", 'c']);
  });
});
