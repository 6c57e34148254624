import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FetchError,
  type FetchedResource,
  type FetchOptions,
  type SafeFetch,
} from '../../../src/postings/fetched-resource.js';
import { createPostingLoader } from '../../../src/postings/load-posting.js';
import { greenhouseJob } from '../../helpers/greenhouse-jobs.js';
import { sharedRawDir } from './shared-set.js';

interface Call {
  url: string;
  options: FetchOptions | undefined;
}

type Route = (url: string, options?: FetchOptions) => Partial<FetchedResource> | Error;

/** A SafeFetch that answers from a routing function and records every call. */
function fakeFetch(route: Route): { fetch: SafeFetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: SafeFetch = async (url, options) => {
    calls.push({ url, options });
    const answer = route(url, options);
    if (answer instanceof Error) throw answer;
    return {
      url,
      status: 200,
      headers: {},
      contentType: 'application/json',
      body: Buffer.alloc(0),
      ...answer,
    };
  };
  return { fetch, calls };
}

const silent = { debug: () => {}, warn: () => {} };
const json = (value: unknown): Partial<FetchedResource> => ({
  body: Buffer.from(JSON.stringify(value)),
  contentType: 'application/json',
});

const ghJob = greenhouseJob({
  board: 'catawiki',
  id: 7228370,
  title: 'Head of Creative',
  companyName: 'Catawiki',
  location: 'Netherlands',
  content:
    '&lt;h3&gt;What you’ll bring&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;8+ years of experience leading creative teams&lt;/li&gt;&lt;/ul&gt;',
});

describe('createPostingLoader', () => {
  it('asks the board’s JSON API first and returns its card with validators', async () => {
    const { fetch, calls } = fakeFetch((url) =>
      url.startsWith('https://boards-api.greenhouse.io/')
        ? { ...json(ghJob), headers: { etag: '"v1"', 'last-modified': 'Tue, 01 Jul 2025 10:00:00 GMT' } }
        : new Error('unexpected'),
    );
    const result = await createPostingLoader({ fetch, logger: silent }).load(
      'https://job-boards.greenhouse.io/catawiki/jobs/7228370?gh_src=abc',
    );
    expect(calls.map((c) => c.url)).toEqual([
      'https://boards-api.greenhouse.io/v1/boards/catawiki/jobs/7228370?content=true&pay_transparency=true',
    ]);
    expect(calls[0]?.options?.accept).toBe('application/json');
    expect(result).toMatchObject({
      status: 'ok',
      httpStatus: 200,
      etag: '"v1"',
      lastModified: 'Tue, 01 Jul 2025 10:00:00 GMT',
    });
    expect(result.summary).toMatchObject({
      canonicalUrl: 'https://job-boards.greenhouse.io/catawiki/jobs/7228370',
      title: 'Head of Creative',
      minYearsExperience: 8,
    });
  });

  it('sends If-None-Match / If-Modified-Since and reports not_modified on 304', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 304 }));
    const result = await createPostingLoader({ fetch, logger: silent }).load(
      'https://job-boards.greenhouse.io/catawiki/jobs/7228370',
      {
        etag: '"v1"',
        lastModified: 'Tue, 01 Jul 2025 10:00:00 GMT',
      },
    );
    expect(calls[0]?.options?.headers).toEqual({
      'if-none-match': '"v1"',
      'if-modified-since': 'Tue, 01 Jul 2025 10:00:00 GMT',
    });
    expect(result.status).toBe('not_modified');
  });

  it.each([404, 410])('reports closed when the board answers %i', async (status) => {
    const { fetch } = fakeFetch(() => ({ status }));
    const result = await createPostingLoader({ fetch, logger: silent }).load(
      'https://jobs.lever.co/zoox/3bc964e4-41e5-47e7-b704-c6284d613593',
    );
    expect(result.status).toBe('closed');
    expect(result.httpStatus).toBe(status);
  });

  it('reports closed when the Ashby board no longer lists the job', async () => {
    const { fetch } = fakeFetch(() =>
      json({
        jobs: [{ id: '11111111-1111-1111-1111-111111111111', title: 'Other', jobUrl: 'x', isListed: true }],
      }),
    );
    const result = await createPostingLoader({ fetch, logger: silent }).load(
      'https://jobs.ashbyhq.com/acme/93888d8f-d32c-4213-8768-93b2bc63fc03',
    );
    expect(result.status).toBe('closed');
    expect(result.reason).toMatch(/no longer lists/);
  });

  it('falls back to the page when the API fails, and reads it', async () => {
    const page =
      '<html><head><meta property="og:title" content="Acme - Engineer"></head><body><div class="posting-header"><h2>Engineer</h2><div class="posting-category location">Berlin</div></div></body></html>';
    const { fetch, calls } = fakeFetch((url) =>
      url.startsWith('https://api.lever.co/')
        ? new FetchError('timeout', 'the job board did not answer within 5 s')
        : { body: Buffer.from(page), contentType: 'text/html' },
    );
    const result = await createPostingLoader({ fetch, logger: silent }).load(
      'https://jobs.lever.co/acme/3bc964e4-41e5-47e7-b704-c6284d613593/apply',
    );
    expect(calls.map((c) => c.url)).toEqual([
      'https://api.lever.co/v0/postings/acme/3bc964e4-41e5-47e7-b704-c6284d613593',
      'https://jobs.lever.co/acme/3bc964e4-41e5-47e7-b704-c6284d613593',
    ]);
    expect(result.status).toBe('ok');
    expect(result.summary).toMatchObject({ title: 'Engineer', company: 'Acme', locations: ['Berlin'] });
  });

  it('fails with a fallback card and a reason when the fetch is refused', async () => {
    const { fetch } = fakeFetch(
      () => new FetchError('forbidden_address', 'refusing to fetch a private address (10.0.0.1)'),
    );
    const result = await createPostingLoader({ fetch, logger: silent }).load(
      'https://careers.example.com/jobs/1',
    );
    expect(result.status).toBe('failed');
    expect(result.reason).toBe('refusing to fetch a private address (10.0.0.1)');
    expect(result.summary).toMatchObject({
      url: 'https://careers.example.com/jobs/1',
      canonicalUrl: 'https://careers.example.com/jobs/1',
      title: null,
    });
  });

  it('fails on a server error and on a URL that is not http(s)', async () => {
    const { fetch } = fakeFetch(() => ({ status: 503 }));
    const loader = createPostingLoader({ fetch, logger: silent });
    expect(await loader.load('https://careers.example.com/jobs/1')).toMatchObject({
      status: 'failed',
      httpStatus: 503,
    });
    expect(await loader.load('ftp://example.com/x')).toMatchObject({ status: 'failed' });
  });
});

const haveShared = existsSync(sharedRawDir);
if (!haveShared) console.warn(`skipping loader-over-real-fixtures test: ${sharedRawDir} is absent`);

describe.skipIf(!haveShared)('createPostingLoader over real fixture bodies', () => {
  it('serves the Greenhouse API body of a real posting', async () => {
    const body = readFileSync(
      resolve(sharedRawDir, 'greenhouse-api-catawiki-senior-product-designer-amsterdam.json'),
    );
    const { fetch } = fakeFetch(() => ({ body, contentType: 'application/json' }));
    const result = await createPostingLoader({ fetch, logger: silent }).load(
      'https://job-boards.greenhouse.io/catawiki/jobs/7144904',
    );
    expect(result.status).toBe('ok');
    expect(result.summary).toMatchObject({
      title: 'Senior Product Designer',
      workplaceType: 'hybrid',
      minYearsExperience: 5,
    });
  });

  it('reads the job from the board a company career page embeds (Greenhouse grnhse_app + gh_jid)', async () => {
    const page =
      '<!doctype html><html><head><title>Careers | Camus</title></head><body><h1>Join us</h1><div id="grnhse_app"></div>' +
      '<script src="https://boards.greenhouse.io/embed/job_board/js?for=catawiki"></script></body></html>';
    const { fetch, calls } = fakeFetch((url) =>
      url.startsWith('https://www.example-energy.com/')
        ? { body: Buffer.from(page), contentType: 'text/html' }
        : url.startsWith('https://boards-api.greenhouse.io/v1/boards/catawiki/jobs/7228370')
          ? json(ghJob)
          : new Error(`unexpected ${url}`),
    );
    const result = await createPostingLoader({ fetch, logger: silent }).load(
      'https://www.example-energy.com/careers/openings?gh_jid=7228370',
    );
    expect(calls.map((c) => c.url)).toEqual([
      'https://www.example-energy.com/careers/openings?gh_jid=7228370',
      'https://boards-api.greenhouse.io/v1/boards/catawiki/jobs/7228370?content=true&pay_transparency=true',
    ]);
    expect(result.status).toBe('ok');
    expect(result.summary).toMatchObject({
      title: 'Head of Creative',
      company: 'Catawiki',
      canonicalUrl: 'https://www.example-energy.com/careers/openings?gh_jid=7228370',
    });
    expect(result.summary.requirements).toHaveLength(1);
  });

  it('keeps the page’s own card when the page names no board', async () => {
    const page =
      '<!doctype html><html><head><title>Data Analyst</title></head><body><h1>Data Analyst</h1><p>Plan staffing for 40 hospitals with better data, in our Leeds team.</p></body></html>';
    const { fetch, calls } = fakeFetch(() => ({ body: Buffer.from(page), contentType: 'text/html' }));
    const result = await createPostingLoader({ fetch, logger: silent }).load(
      'https://nhs-jobs.example.org/job/123',
    );
    expect(calls).toHaveLength(1);
    expect(result.summary.title).toBe('Data Analyst');
  });
});
