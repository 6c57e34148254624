import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { createLogger } from '../../../src/logger.js';
import { createQueueAdmin } from '../../../src/work/queue-admin.js';
import { PermanentJobError } from '../../../src/work/retry-policy.js';
import {
  addJob,
  createWorkQueue,
  type RunningJob,
  storedJobKey,
  type WorkQueueDeps,
} from '../../../src/work/work-queue.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../helpers/test-database.js';

const logger = createLogger('silent');

/** Resolves when `check` holds, polling; fails after `timeoutMs` (a hang detector, not a timing). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describeEachDatabase('the durable work queue', (kind) => {
  let test: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    db = test.db.prisma;
  });
  afterAll(() => test.cleanup());
  beforeEach(async () => {
    await db.job.deleteMany({});
  });

  /** A queue on the test database; `options` set the lease, the poll and the rest (as WorkQueueDeps). */
  const queueWith = (options: Omit<WorkQueueDeps, 'db' | 'provider' | 'logger'>) =>
    createWorkQueue({ db, provider: test.db.provider, logger, ...options });

  /** The state of the job the queue wrote for `key` (or of a row a test wrote with that raw key). */
  const stateOf = async (key: string) =>
    (await db.job.findFirst({ where: { key: { in: [key, storedJobKey(key)] } } }))?.state;

  it('runs a job once and marks it done; a second job with the same key is not written', async () => {
    const queue = queueWith({ leaseMs: 5_000, pollMs: 50 });
    const seen: unknown[] = [];
    queue.handle('note', async (payload) => {
      seen.push(payload);
    });
    queue.start();
    expect(await queue.add({ kind: 'note', key: 'note:1', payload: { n: 1 } })).toBe(true);
    expect(await queue.add({ kind: 'note', key: 'note:1', payload: { n: 2 } })).toBe(false);
    await eventually(async () => (await stateOf('note:1')) === 'done');
    await queue.stop(5_000);
    expect(seen).toEqual([{ n: 1 }]);
    // A done job keeps only its hashed key (to catch repeats), not what it carried.
    const done = await db.job.findFirstOrThrow({ where: { kind: 'note' } });
    expect(done.key).not.toContain('note:1');
    expect(done.payload).toEqual({});
  });

  it('writes a job in the same transaction as the change that causes it: a rollback leaves neither', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.workspace.create({ data: { id: 'TROLLBACK' } });
        await addJob(tx, { kind: 'note', key: 'after:TROLLBACK', payload: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.job.count()).toBe(0);
    expect(await db.workspace.count({ where: { id: 'TROLLBACK' } })).toBe(0);
  });

  it('retries a failing job with backoff and keeps the last error; gives up after its attempts', async () => {
    const queue = queueWith({ leaseMs: 5_000, pollMs: 20, maxAttempts: 3 });
    let calls = 0;
    queue.handle('flaky', async () => {
      calls += 1;
      throw new Error(`board down (${calls})`);
    });
    await queue.add({ kind: 'flaky', key: 'flaky:1', payload: {} });
    // Backoff waits a second and then two: let the clock run by making the retries due at once.
    queue.start();
    for (let attempt = 1; attempt < 3; attempt += 1) {
      await eventually(async () => calls === attempt);
      await eventually(async () => (await stateOf('flaky:1')) === 'pending');
      const row = await db.job.findUniqueOrThrow({ where: { key: storedJobKey('flaky:1') } });
      expect(row.runAfter.getTime()).toBeGreaterThan(Date.now() + 200);
      await db.job.update({ where: { key: storedJobKey('flaky:1') }, data: { runAfter: new Date() } });
    }
    await eventually(async () => (await stateOf('flaky:1')) === 'failed');
    await queue.stop(5_000);
    const failed = await db.job.findUniqueOrThrow({ where: { key: storedJobKey('flaky:1') } });
    expect(failed).toMatchObject({ attempts: 3, lastError: 'Error: board down (3)', holder: null });
    expect(calls).toBe(3);
  });

  it('fails at once on a permanent error or a refusal from Slack, without retrying', async () => {
    const queue = queueWith({ leaseMs: 5_000, pollMs: 20 });
    queue.handle('refused', async () => {
      throw Object.assign(new Error('An API error occurred: channel_not_found'), {
        code: 'slack_webapi_platform_error',
        data: { ok: false, error: 'channel_not_found' },
      });
    });
    queue.handle('permanent', async () => {
      throw new PermanentJobError('nothing to do it with');
    });
    queue.start();
    await queue.add({ kind: 'refused', key: 'refused:1', payload: {} });
    await queue.add({ kind: 'permanent', key: 'permanent:1', payload: {} });
    await eventually(async () => (await db.job.count({ where: { state: 'failed' } })) === 2);
    await queue.stop(5_000);
    const rows = await db.job.findMany({ orderBy: { kind: 'asc' } });
    expect(rows.map((r) => [r.kind, r.attempts, r.lastError])).toEqual([
      ['permanent', 1, 'PermanentJobError: nothing to do it with'],
      ['refused', 1, 'channel_not_found'],
    ]);
  });

  it('claims a job again once the lease of a worker that died runs out, and only one worker wins it', async () => {
    // A worker that "died": it holds the job under a lease that has run out.
    await db.job.create({
      data: {
        kind: 'note',
        key: 'orphan:1',
        payload: {},
        state: 'running',
        holder: 'dead-worker',
        attempts: 1,
        leaseUntil: new Date(Date.now() - 1),
      },
    });
    const runs: RunningJob[] = [];
    const workers = Array.from({ length: 4 }, (_, i) =>
      queueWith({ leaseMs: 5_000, pollMs: 10, holder: `worker-${i}` }),
    );
    for (const worker of workers) {
      worker.handle('note', async (_payload, job) => {
        runs.push(job);
      });
      worker.start();
    }
    await eventually(async () => (await stateOf('orphan:1')) === 'done');
    await Promise.all(workers.map((w) => w.stop(5_000)));
    expect(runs).toHaveLength(1);
    expect(runs[0]?.attempts).toBe(2);
  });

  it('leaves a job running under a live lease alone, renewing it while the handler runs', async () => {
    const queue = queueWith({ leaseMs: 900, pollMs: 10, holder: 'slow' });
    const rival = queueWith({ leaseMs: 900, pollMs: 10, holder: 'rival' });
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runs = 0;
    for (const worker of [queue, rival]) {
      worker.handle('slow', async () => {
        runs += 1;
        await slow;
      });
    }
    queue.start();
    await queue.add({ kind: 'slow', key: 'slow:1', payload: {} });
    await eventually(async () => runs === 1);
    rival.start();
    // Three lease lengths: without renewal the rival would have taken it over. (Renewed every
    // 300 ms: a busy CI machine may delay a renewal by a few hundred ms without losing the lease.)
    await new Promise((r) => setTimeout(r, 2_700));
    release();
    await eventually(async () => (await stateOf('slow:1')) === 'done');
    await Promise.all([queue.stop(5_000), rival.stop(5_000)]);
    expect(runs).toBe(1);
  });

  it('accepts a job already held by this process, and reports backlog and failures', async () => {
    const queue = queueWith({ leaseMs: 5_000, pollMs: 1_000 });
    const ran: string[] = [];
    queue.handle('held', async (_payload, job) => {
      ran.push(job.key);
    });
    queue.start();
    const accepted = await queue.accept({ kind: 'held', key: 'held:1', payload: {} });
    expect(await queue.accept({ kind: 'held', key: 'held:1', payload: {} })).toBeNull();
    expect(await stateOf('held:1')).toBe('running');
    await accepted?.run();
    expect(ran).toEqual([storedJobKey('held:1')]);
    expect(await stateOf('held:1')).toBe('done');

    await db.job.create({ data: { kind: 'x', key: 'failed:1', payload: {}, state: 'failed' } });
    await db.job.create({
      data: { kind: 'x', key: 'waiting:1', payload: {}, runAfter: new Date(Date.now() + 60_000) },
    });
    const stats = await queue.stats();
    await queue.stop(5_000);
    expect(stats).toMatchObject({ backlog: 1, failed: 1 });
  });

  it('lets an operator list failed and stuck jobs, send failed ones round again, and drop them', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000);
    await db.job.create({
      data: { kind: 'dm', key: 'f:1', payload: {}, state: 'failed', attempts: 8, lastError: 'boom' },
    });
    await db.job.create({ data: { kind: 'dm', key: 'f:2', payload: {}, state: 'failed', attempts: 8 } });
    await db.job.create({ data: { kind: 'dm', key: 'stuck:1', payload: {}, createdAt: hourAgo } });
    await db.job.create({ data: { kind: 'dm', key: 'fresh:1', payload: {} } });
    const admin = createQueueAdmin(db);
    expect((await admin.problems(5 * 60_000)).map((j) => j.key).sort()).toEqual(['f:1', 'f:2', 'stuck:1']);
    expect(await admin.counts()).toMatchObject({ failed: 2, pending: 2 });

    const one = await db.job.findUniqueOrThrow({ where: { key: 'f:1' } });
    expect(await admin.retry(one.id)).toBe(1);
    expect(await db.job.findUniqueOrThrow({ where: { key: 'f:1' } })).toMatchObject({
      state: 'pending',
      attempts: 0,
    });
    expect(await admin.drop('failed')).toBe(1);
    expect(await db.job.count({ where: { key: 'f:2' } })).toBe(0);
    // A running job is not dropped from under its worker.
    await db.job.update({ where: { key: 'fresh:1' }, data: { state: 'running', holder: 'w' } });
    const running = await db.job.findUniqueOrThrow({ where: { key: 'fresh:1' } });
    expect(await admin.drop(running.id)).toBe(0);
  });

  it('holds at most its concurrency of accepted jobs at once; the rest wait in the table', async () => {
    const queue = queueWith({ leaseMs: 5_000, pollMs: 60_000, concurrency: 4 });
    queue.handle('burst', async () => undefined);
    queue.start();
    const accepted = await Promise.all(
      Array.from({ length: 20 }, (_, i) => queue.accept({ kind: 'burst', key: `burst:${i}`, payload: {} })),
    );
    expect(await db.job.count({ where: { kind: 'burst', state: 'running' } })).toBe(4);
    expect(await db.job.count({ where: { kind: 'burst', state: 'pending' } })).toBe(16);
    await Promise.all(accepted.map((a) => a?.run()));
    await eventually(async () => (await db.job.count({ where: { kind: 'burst', state: 'done' } })) === 20);
    await queue.stop(5_000);
  });

  it('writes a batch of deliveries in one statement: one row per key, a repeat in the batch or in the table answered null', async () => {
    const queue = queueWith({ leaseMs: 5_000, pollMs: 60_000, concurrency: 2 });
    const payloads: unknown[] = [];
    queue.handle('batch', async (payload) => {
      payloads.push(payload);
    });
    queue.start();
    await queue.accept({ kind: 'batch', key: 'batch:old', payload: { n: 0 } }).then((a) => a?.run());
    const accepted = await Promise.all([
      queue.accept({ kind: 'batch', key: 'batch:1', payload: { n: 1, text: 'é ✓ "quoted" \\ back' } }),
      queue.accept({ kind: 'batch', key: 'batch:1', payload: { n: 1 } }),
      queue.accept({ kind: 'batch', key: 'batch:old', payload: { n: 0 } }),
      queue.accept({ kind: 'batch', key: 'batch:2', payload: { n: 2 } }),
      queue.accept({
        kind: 'batch',
        key: 'batch:3',
        payload: { n: 3 },
        runAfter: new Date(Date.now() + 60_000),
      }),
    ]);
    expect(accepted.map((a) => a === null)).toEqual([false, true, true, false, false]);
    // Rows written by the raw statement read back through the model API as Prisma's own would.
    const rows = await db.job.findMany({ where: { kind: 'batch' }, orderBy: { key: 'asc' } });
    expect(rows).toHaveLength(4);
    // The two slots were taken in call order: batch:1, then its repeat (given back); the rest wait.
    const held = rows.filter((r) => r.state === 'running');
    expect(held.map((r) => r.key)).toEqual([storedJobKey('batch:1')]);
    expect(held[0]).toMatchObject({ attempts: 1, holder: queue.holder });
    expect(held[0]?.leaseUntil?.getTime()).toBeGreaterThan(Date.now());
    const later = rows.find((r) => r.key === storedJobKey('batch:3'));
    expect(later).toMatchObject({ state: 'pending', attempts: 0, holder: null, leaseUntil: null });
    expect(later?.runAfter.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(rows.find((r) => r.key === storedJobKey('batch:1'))?.payload).toEqual({
      n: 1,
      text: 'é ✓ "quoted" \\ back',
    });
    expect(
      rows.every((r) => r.createdAt instanceof Date && Math.abs(r.createdAt.getTime() - Date.now()) < 60_000),
    ).toBe(true);
    // Due now, it is claimed by a poll like any job: the stored dates compare as Prisma's do.
    await db.job.update({
      where: { id: later?.id ?? '' },
      data: { runAfter: new Date(Date.now() - 1_000) },
    });
    await Promise.all(accepted.map((a) => a?.run()));
    queue.wake();
    await eventually(async () => (await db.job.count({ where: { kind: 'batch', state: 'done' } })) === 4);
    await queue.stop(5_000);
    expect(payloads).toHaveLength(4);
  });

  it('runs only a few jobs at once while the heap is near its limit, and all of them once it eases', async () => {
    let heapTight = true;
    const queue = queueWith({
      leaseMs: 5_000,
      pollMs: 60_000,
      concurrency: 8,
      concurrencyUnderLoad: 2,
      memoryTight: () => heapTight,
    });
    const release: Array<() => void> = [];
    queue.handle('pages', () => new Promise<void>((resolve) => release.push(resolve)));
    queue.start();
    for (let i = 0; i < 10; i += 1) await queue.add({ kind: 'pages', key: `pages:${i}`, payload: {} });
    await eventually(async () => queue.runningHere === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(queue.runningHere).toBe(2);
    expect(await db.job.count({ where: { kind: 'pages', state: 'pending' } })).toBe(8);

    heapTight = false;
    queue.wake();
    await eventually(async () => queue.runningHere === 8);
    await eventually(async () => {
      while (release.length > 0) release.shift()?.();
      return (await db.job.count({ where: { kind: 'pages', state: 'done' } })) === 10;
    });
    await queue.stop(5_000);
  });

  it('starts only a few jobs while Slack requests wait for their acknowledgement, and all of them once none wait', async () => {
    let acksWaiting = 1;
    const queue = queueWith({
      leaseMs: 5_000,
      pollMs: 60_000,
      concurrency: 8,
      concurrencyUnderLoad: 2,
      acksWaiting: () => acksWaiting,
    });
    const release: Array<() => void> = [];
    queue.handle('flood', () => new Promise<void>((resolve) => release.push(resolve)));
    queue.start();
    const accepted = await Promise.all(
      Array.from({ length: 10 }, (_, i) => queue.accept({ kind: 'flood', key: `flood:${i}`, payload: {} })),
    );
    for (const a of accepted) void a?.run();
    expect(await db.job.count({ where: { kind: 'flood', state: 'running' } })).toBe(2);
    expect(await db.job.count({ where: { kind: 'flood', state: 'pending' } })).toBe(8);
    queue.wake();
    await new Promise((r) => setTimeout(r, 100));
    expect(queue.runningHere).toBe(2);

    acksWaiting = 0;
    queue.wake();
    await eventually(async () => queue.runningHere === 8);
    while (release.length > 0) release.shift()?.();
    await eventually(async () => {
      while (release.length > 0) release.shift()?.();
      return (await db.job.count({ where: { kind: 'flood', state: 'done' } })) === 10;
    });
    await queue.stop(5_000);
  });
});
