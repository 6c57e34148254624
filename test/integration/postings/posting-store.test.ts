import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { extractPosting } from '../../../src/postings/extract-posting.js';
import { createPostingLoader, type PostingLoader } from '../../../src/postings/load-posting.js';
import { createPostingRows } from '../../../src/postings/posting-rows.js';
import { createPostingStore, type PostingStore } from '../../../src/postings/posting-store.js';
import { createSafeFetch } from '../../../src/postings/safe-fetch.js';
import { createReferralService } from '../../../src/referrals/referral-service.js';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../helpers/test-database.js';

const TEAM = 'T0STORE';

describeEachDatabase('the posting cache', (kind) => {
  let database: TestDatabase;
  let board: FakeJobBoard;
  let clock: Date;
  let store: PostingStore;
  let referrals: ReturnType<typeof createReferralService>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    board = await startFakeJobBoard();
    clock = new Date('2026-11-28T10:00:00Z');
    const logger = createLogger('silent');
    const fetch = createSafeFetch({ allowPrivateHosts: ['127.0.0.1'], userAgent: 'VouchTest/1' });
    const postingRows = createPostingRows(database.db.prisma);
    referrals = createReferralService({ db: database.db.prisma, postingRows });
    store = createPostingStore({
      db: database.db.prisma,
      loader: createPostingLoader({ fetch, logger }),
      directory: referrals,
      rows: postingRows,
      logger,
      now: () => clock,
      freshForMs: 60 * 60 * 1000,
    });
  });
  afterAll(async () => {
    await board.close();
    await database.cleanup();
  });

  it('stores a summary by canonical identity, so link variants are one posting fetched once', async () => {
    const url = board.job('/jobs/cache-1', { title: 'Platform Engineer', company: 'Cachet' });
    const first = await store.resolve(TEAM, url);
    const variant = await store.resolve(TEAM, `${url}?utm_source=newsletter&utm_medium=email#apply`);
    expect(first.fromCache).toBe(false);
    expect(variant.fromCache).toBe(true);
    expect(variant.posting.id).toBe(first.posting.id);
    expect(first.summary.title).toBe('Platform Engineer');
    expect(first.posting.companyId).not.toBeNull();
    expect(board.requests('/jobs/cache-1')).toHaveLength(1);
    expect(first.posting.etag).toBeTruthy();
  });

  it('stores the browsing keys with the card; rows stored before them are indexed at start-up', async () => {
    const url = board.job('/jobs/cache-keys', {
      title: 'Keyed Engineer',
      company: 'Cachet',
      location: 'München, Remote',
    });
    const { posting } = await store.resolve(TEAM, url);
    // The board says "München, Remote" (and its country): place words normalised, "Remote" the type.
    expect(posting.workplaceType).toBe('remote');
    expect(posting.places).toMatch(/^\| munich remote .*\|$/);

    const prisma = database.db.prisma;
    await prisma.posting.updateMany({ data: { places: null, workplaceType: null } });
    let indexed = 0;
    for (let batch = -1; batch !== 0; indexed += batch) batch = await store.indexForBrowsing(1);
    expect(indexed).toBe(await prisma.posting.count());
    expect(await prisma.posting.findUnique({ where: { id: posting.id } })).toMatchObject({
      workplaceType: posting.workplaceType,
      places: posting.places,
    });
  });

  it('revalidates a stale summary with its ETag and keeps it on 304', async () => {
    const url = board.job('/jobs/cache-2', { title: 'Data Engineer', company: 'Cachet' });
    await store.resolve(TEAM, url);
    clock = new Date(clock.getTime() + 2 * 60 * 60 * 1000);
    const again = await store.resolve(TEAM, url);
    const [, revalidation] = board.requests('/jobs/cache-2');
    expect(revalidation?.headers['if-none-match']).toBeTruthy();
    expect(again.fromCache).toBe(false);
    expect(again.summary.title).toBe('Data Engineer');
    expect(again.posting.fetchedAt?.getTime()).toBe(clock.getTime());
  });

  it('marks a posting closed when the board answers 404', async () => {
    const url = board.job('/jobs/cache-3', { title: 'Gone Engineer', company: 'Cachet' });
    const { posting } = await store.resolve(TEAM, url);
    board.remove('/jobs/cache-3', 404);
    const { posting: rechecked, closedNow } = await store.recheck(posting);
    expect(closedNow).toBe(true);
    expect(rechecked.status).toBe('closed');
    expect(rechecked.closedAt).not.toBeNull();
    expect((rechecked.summary as { title: string }).title).toBe('Gone Engineer');
  });

  it('hands out the closed posting at once to clicks on its card (recent rows follow every write)', async () => {
    const url = board.job('/jobs/cache-3b', { title: 'Soon Gone Engineer', company: 'Cachet' });
    const { posting } = await store.resolve(TEAM, url);
    expect((await referrals.getPosting(posting.id)).status).toBe('open');
    board.remove('/jobs/cache-3b', 410);
    await store.recheck(posting);
    const seen = await referrals.getPosting(posting.id);
    expect(seen.status).toBe('closed');
    expect((await referrals.cardState(posting.id, 10)).posting.status).toBe('closed');
  });

  it('keeps the last good copy when the board fails, and says why', async () => {
    const url = board.job('/jobs/cache-4', { title: 'Sturdy Engineer', company: 'Cachet' });
    await store.resolve(TEAM, url);
    board.route('/jobs/cache-4', { status: 503, contentType: 'text/plain', body: 'down' });
    clock = new Date(clock.getTime() + 2 * 60 * 60 * 1000);
    const resolved = await store.resolve(TEAM, url);
    expect(resolved.summary.title).toBe('Sturdy Engineer');
    expect(resolved.posting.status).toBe('open');
    expect(resolved.problem).toMatch(/503|could not/);
  });

  it('caches a page that is not a job without treating it as a job (no listing, no liveness checks)', async () => {
    const url = board.route('/about-us', {
      status: 200,
      contentType: 'text/html',
      body: '<html><head><title>About us</title></head><body><p>We make things.</p></body></html>',
    });
    const { posting } = await store.resolve(TEAM, url);
    expect(posting.isJob).toBe(false);
    const due = await store.dueForCheck(0);
    expect(due.map((p) => p.id)).not.toContain(posting.id);
  });

  it('lists open postings due for a liveness check, oldest first', async () => {
    const due = await store.dueForCheck(60 * 60 * 1000);
    expect(due.every((p) => p.status === 'open')).toBe(true);
    expect(due.map((p) => p.checkedAt?.getTime() ?? 0)).toEqual(
      [...due.map((p) => p.checkedAt?.getTime() ?? 0)].sort((a, b) => a - b),
    );
  });
});

describeEachDatabase('the posting cache and a board that writes one job two ways', (kind) => {
  const workdayJson = readFileSync(
    resolve(import.meta.dirname, '..', '..', 'fixtures', 'postings-vendor', 'workday-cxs-job.json'),
  );
  const site = 'https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite';
  const byLocation = `${site}/job/Israel-Yokneam/Practical-Hardware-Electronics-Test-Engineer_JR2021705`;
  const byDetails = `${site}/details/Practical-Hardware-Electronics-Test-Engineer_JR2021705?q=test`;
  let database: TestDatabase;
  let store: PostingStore;
  const loaded: string[] = [];
  /** The board answers once this settles (at once unless a test holds it). */
  let boardAnswers: Promise<void> = Promise.resolve();
  let loaderThrowsOnce = false;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const logger = createLogger('silent');
    // Workday's JSON is served over https from its own hosts: the loader here answers with the real
    // payload for any Workday link, and records which links it was asked for.
    const loader: PostingLoader = {
      async load(url) {
        loaded.push(url);
        await boardAnswers;
        if (loaderThrowsOnce) {
          loaderThrowsOnce = false;
          throw new Error('loader broke');
        }
        return {
          status: 'ok',
          summary: extractPosting({ url, body: workdayJson, contentType: 'application/json' }),
        };
      },
    };
    store = createPostingStore({
      db: database.db.prisma,
      loader,
      directory: createReferralService({ db: database.db.prisma }),
      logger,
    });
  });
  afterAll(async () => {
    await database.cleanup();
  });

  it('finds the posting stored under Workday’s /job/{location}/ form from its /details/ form', async () => {
    const first = await store.resolve(TEAM, byLocation);
    const second = await store.resolve(TEAM, byDetails);
    expect(second.posting.id).toBe(first.posting.id);
    expect(second.fromCache).toBe(true);
    expect(loaded).toEqual([byLocation]);
    expect((await store.cached(TEAM, byDetails))?.posting.id).toBe(first.posting.id);
    expect(await database.db.prisma.posting.count({ where: { jobId: 'JR2021705' } })).toBe(1);
  });

  it('fetches once and stores one posting when both forms are shared at the same moment', async () => {
    const job = 'Practical-Hardware-Electronics-Test-Engineer_JR7000001';
    const forms = [
      `${site}/job/Israel-Yokneam/${job}`,
      `${site}/details/${job}`,
      `${site}/job/Israel-Yokneam/${job}`,
    ];
    let answer = () => {};
    boardAnswers = new Promise((resolveAnswer) => {
      answer = resolveAnswer;
    });
    loaded.length = 0;
    const resolving = forms.map((url) => store.resolve(TEAM, url));
    await new Promise((r) => setTimeout(r, 50));
    answer();
    const resolved = await Promise.all(resolving);
    boardAnswers = Promise.resolve();
    expect(new Set(resolved.map((r) => r.posting.id)).size).toBe(1);
    expect(loaded).toEqual([forms[0]]);
    expect(await database.db.prisma.posting.count({ where: { jobId: 'JR7000001' } })).toBe(1);
  });

  it('lets the next share try again after a shared resolve failed', async () => {
    const url = `${site}/details/Practical-Hardware-Electronics-Test-Engineer_JR7000002`;
    loaderThrowsOnce = true;
    const [first, second] = await Promise.allSettled([store.resolve(TEAM, url), store.resolve(TEAM, url)]);
    expect(first.status).toBe('rejected');
    expect(second.status).toBe('rejected');
    const again = await store.resolve(TEAM, url);
    expect(again.summary.title).toBe('Practical Hardware Electronics Test Engineer');
  });

  it('keeps the same requisition on another Workday site a posting of its own', async () => {
    const otherSite = byLocation.replace('NVIDIAExternalCareerSite', 'NVIDIAUniversityJobs');
    const other = await store.resolve(TEAM, otherSite);
    const first = await store.cached(TEAM, byLocation);
    expect(other.posting.id).not.toBe(first?.posting.id);
  });
});

describe('the posting cache with a refused link', () => {
  it('stores a fallback summary with the reason instead of throwing', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      const logger = createLogger('silent');
      const store = createPostingStore({
        db: database.db.prisma,
        loader: createPostingLoader({
          fetch: createSafeFetch({ allowPrivateHosts: [], userAgent: 'VouchTest/1' }),
          logger,
        }),
        directory: createReferralService({ db: database.db.prisma }),
        logger,
      });
      const resolved = await store.resolve(TEAM, 'http://127.0.0.1:9/jobs/secret');
      expect(resolved.problem).toMatch(/refused|private|loopback|port/i);
      expect(resolved.summary.title).toBeNull();
    } finally {
      await database.cleanup();
    }
  });
});
