import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalizeJobUrl } from '../../../../src/postings/canonical-url.js';
import { extractPosting } from '../../../../src/postings/extract-posting.js';
import { comeetProvider } from '../../../../src/postings/providers/comeet.js';
import { expectOneIdentity } from './provider-test-kit.js';

const dir = resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'postings', 'comeet');
const apiList = readFileSync(resolve(dir, 'wiliot-forward-deployed-engineer-api.json'), 'utf8');
const PAGE = 'https://www.comeet.com/jobs/wiliot/F6.003/forward-deployed-engineer/18.767';

describe('Comeet links', () => {
  it('maps every way of writing a hosted position page to one identity', () => {
    expectOneIdentity(
      [
        PAGE,
        'http://comeet.com/jobs/wiliot/F6.003/forward-deployed-engineer/18.767/',
        'https://www.comeet.co/jobs/Wiliot/f6.003/Forward-Deployed-Engineer/18.767?utm_source=linkedin',
        'https://www.comeet.com/jobs/wiliot/F6.003/forward-deployed-engineer/18.767#apply',
      ],
      {
        source: 'comeet',
        tenant: 'F6.003',
        jobId: '18.767',
        canonicalUrl: PAGE,
      },
    );
  });

  it('keeps a position’s location suffix: one posting per location', () => {
    const identity = canonicalizeJobUrl(
      'https://www.comeet.com/jobs/wiliot/F6.003/forward-deployed-engineer/18.767-9B.20A',
    );
    expect(identity.jobId).toBe('18.767-9B.20A');
    expect(identity.tenant).toBe('F6.003');
  });

  it('reads a Careers API position URL as the same job, keeping the token the API needs', () => {
    const identity = canonicalizeJobUrl(
      'https://www.comeet.co/careers-api/2.0/company/F6.003/positions/18.767?token=6F329B2DE6379829B229B2037983E8B3E8B',
    );
    expect(identity).toMatchObject({ source: 'comeet', tenant: 'F6.003', jobId: '18.767' });
    expect(comeetProvider.apiRequest(identity)?.url).toBe(
      'https://www.comeet.co/careers-api/2.0/company/F6.003/positions/18.767?token=6F329B2DE6379829B229B2037983E8B3E8B',
    );
  });

  it('asks no API for a hosted page (the token is only in the page)', () => {
    expect(comeetProvider.apiRequest(canonicalizeJobUrl(PAGE))).toBeNull();
  });

  it('leaves company board pages and other hosts alone', () => {
    expect(canonicalizeJobUrl('https://www.comeet.com/jobs/wiliot/F6.003').source).toBe('other');
    expect(canonicalizeJobUrl('https://example.com/jobs/wiliot/F6.003/x/18.767').source).toBe('other');
  });
});

describe('Comeet payloads', () => {
  it('reads the position the link names from a Careers API list (real Wiliot response)', () => {
    const summary = extractPosting({ url: PAGE, body: apiList, contentType: 'application/json' });
    expect(summary.source).toBe('comeet');
    expect(summary.title).toBe('Forward Deployed Engineer');
    expect(summary.company).toBe('Wiliot');
    expect(summary.locations).toEqual(['New York, NY, United States']);
    expect(summary.workplaceType).toBe('onsite');
    expect(summary.employmentType).toBeNull();
    expect(summary.department).toBeNull();
    expect(summary.salary).toBeNull();
    expect(summary.responsibilities).toEqual([]);
    expect(summary.requirements).toEqual([]);
    expect(summary.niceToHave).toEqual([]);
  });

  it('picks the other location’s position by its own UID', () => {
    const summary = extractPosting({
      url: 'https://www.comeet.com/jobs/wiliot/F6.003/forward-deployed-engineer/18.767-9B.20A',
      body: apiList,
    });
    expect(summary.locations).toEqual(['Plano, TX, United States']);
  });

  it('reads the page’s embedded POSITION_DATA, and a list when the page has only that', () => {
    const positions = JSON.parse(apiList) as unknown[];
    const withOwn = `<html><head><title>x</title></head><body><script>
      var COMPANY_POSITIONS_DATA = ${JSON.stringify(positions)};
      var POSITION_DATA = ${JSON.stringify(positions[1])};
    </script></body></html>`;
    expect(extractPosting({ url: PAGE, body: withOwn }).locations).toEqual(['Plano, TX, United States']);
    const listOnly = withOwn.replace(/var POSITION_DATA = [^\n]*\n/, 'var POSITION_DATA = null;\n');
    const summary = extractPosting({ url: PAGE, body: listOnly });
    expect(summary.source).toBe('comeet');
    expect(summary.locations).toEqual(['New York, NY, United States']);
  });

  it('does not pick a job from a company’s whole list when the link names none', () => {
    const board = `<html><head><title>Careers</title></head><body><script>
      var COMPANY_POSITIONS_DATA = ${apiList.replace(/\s+/g, ' ')};
      var POSITION_DATA = null;
    </script></body></html>`;
    const summary = extractPosting({ url: 'https://careers.example.com/positions', body: board });
    expect(summary.source).not.toBe('comeet');
    expect(summary.title).not.toBe('Forward Deployed Engineer');
  });

  it('says a position missing from its company’s list is no longer listed', () => {
    const identity = canonicalizeJobUrl('https://www.comeet.com/jobs/wiliot/F6.003/gone/AA.AAA');
    const draft = comeetProvider.parseJson?.(JSON.parse(apiList), { url: identity.canonicalUrl, identity });
    expect(draft?.unlisted).toBe(true);
  });

  it('does not claim JSON that is not Comeet’s', () => {
    expect(comeetProvider.parseJson?.({ jobs: [] }, { url: PAGE, identity: null })).toBeNull();
    expect(comeetProvider.parseJson?.([{ uid: 'x', name: 'y' }], { url: PAGE, identity: null })).toBeNull();
  });
});
