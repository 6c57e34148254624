import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { DatabaseProvider } from '../db/database-url.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import type { Logger } from '../logger.js';
import {
  currentWorkspace,
  type WorkspaceRef,
  withWorkspace,
  workspaceColumns,
  workspaceOfRow,
} from '../runtime/workspace-context.js';
import { createBatchedJobInsert, type NewJobRow } from './job-insert.js';
import { describeJobError, retryDecision } from './retry-policy.js';

/** One piece of work to do, named by what makes it itself. */
export interface JobSpec {
  kind: string;
  /** Unique across all jobs: a second job with the same key is not written (a repeat). */
  key: string;
  payload: unknown;
  runAfter?: Date;
  /**
   * The Slack workspace the work is for (whose token it uses with several workspaces). Unset: the
   * workspace of the work writing it (`src/runtime/workspace-context.ts`), if any.
   */
  workspace?: WorkspaceRef;
}

/** What a handler is told about the job it runs. */
export interface RunningJob {
  id: string;
  /** The stored (hashed) key: stable across attempts, so a side effect can be marked with it. */
  key: string;
  /** 1 on the first run; more means an earlier attempt failed or its worker died mid-way. */
  attempts: number;
}

export type JobHandler = (payload: unknown, job: RunningJob) => Promise<void>;

/** The database, or a transaction of it: where a job is written decides what it commits with. */
export type JobWriter = Pick<Db, 'job'>;

/**
 * Writes a job with (inside `writer`'s transaction when it is one) the state change that causes it:
 * the transactional outbox. A job whose key exists is a repeat; callers inside a transaction write
 * keys that cannot collide (ids of rows the same transaction creates), so the insert never aborts it.
 */
export async function addJob(writer: JobWriter, ...specs: JobSpec[]): Promise<void> {
  for (const spec of specs) await addOne(writer, spec);
}

/**
 * The stored form of a job's key: a hash, so that keys naming members (`…:dm:<user>`) keep no
 * personal data once the job is done (a done job keeps only its key, for a day, to catch repeats).
 */
export function storedJobKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

async function addOne(writer: JobWriter, spec: JobSpec): Promise<void> {
  await writer.job.create({
    data: {
      kind: spec.kind,
      key: storedJobKey(spec.key),
      payload: spec.payload as object,
      ...(spec.runAfter !== undefined ? { runAfter: spec.runAfter } : {}),
      ...workspaceColumns(spec.workspace ?? currentWorkspace()),
    },
  });
}

/**
 * What "done" writes: the payload (who, what was said) is no longer needed; the key stays, to catch
 * repeats, and the holder, to say who finished it.
 */
const DONE = { state: 'done' as const, leaseUntil: null, lastError: null, payload: {} };

/**
 * Marks a running job done inside `writer`'s transaction, so that the change a handler makes and
 * "this job is done" commit together. false when it was not running (done already by a twin run).
 */
export async function completeJobWithin(writer: JobWriter, id: string): Promise<boolean> {
  const { count } = await writer.job.updateMany({ where: { id, state: 'running' }, data: DONE });
  return count === 1;
}

export interface WorkQueueDeps {
  db: Db;
  /** Which SQL the acknowledgement path's insert is written in (`job-insert.ts`). */
  provider: DatabaseProvider;
  logger: Logger;
  /** A claimed job is held this long; renewed every third of it while it runs. */
  leaseMs: number;
  /** Jobs run at once by this process. */
  concurrency?: number;
  maxAttempts?: number;
  /** How often idle workers look for due jobs (new jobs written here wake them at once). */
  pollMs?: number;
  /** Identifies this process in `Job.holder`. */
  holder?: string;
  /**
   * Slack requests waiting for their acknowledgement. While there are any, no more than
   * `concurrencyUnderLoad` jobs run here: the acknowledgements get the event loop and the backlog
   * waits in the table (a sustained load would otherwise share the loop between acks and up to
   * `concurrency` jobs). Absent: always `concurrency`.
   */
  acksWaiting?: () => number;
  /**
   * Whether this process's heap is close to its limit (`src/runtime/heap-pressure.ts`): while it is,
   * no more than `concurrencyUnderLoad` jobs run here, and the rest wait in the table. Absent: never.
   */
  memoryTight?: () => boolean;
  /** Told of every job run here once it has ended: done, to be retried, or failed for good. */
  observe?: (kind: string, outcome: 'done' | 'retry' | 'failed', seconds: number) => void;
  /** Jobs run at once while acknowledgements wait (default 4: work still moves during a flood). */
  concurrencyUnderLoad?: number;
  /** Runs the inserts an acknowledgement waits for (`accept`) ahead of other database work. */
  urgently?: <T>(work: () => Promise<T>) => Promise<T>;
  now?: () => Date;
}

export interface QueueStats {
  /** Jobs waiting or running. */
  backlog: number;
  /** Age of the oldest waiting or running job, ms (0 when none). */
  oldestAgeMs: number;
  failed: number;
}

export interface JobRow {
  id: string;
  kind: string;
  key: string;
  state: string;
  attempts: number;
  runAfter: Date;
  holder: string | null;
  leaseUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
}

/**
 * The durable work queue (README in this folder): jobs live in the `Job` table of Vouch's own
 * database, so work acknowledged to Slack survives a crash and any replica can finish it.
 *
 * A worker claims a due job with one conditional UPDATE (pending and due, or running with a lease
 * that ran out because its worker died), keeps the lease alive while the handler runs, and marks the
 * job done, or pending again with backoff, or failed with its last error kept for `vouch queue`.
 * Delivery is at least once: handlers make their Slack side effects idempotent.
 */
export function createWorkQueue(deps: WorkQueueDeps) {
  const { db, provider, logger, leaseMs } = deps;
  const fullConcurrency = deps.concurrency ?? 64;
  const underLoad = Math.min(fullConcurrency, deps.concurrencyUnderLoad ?? 4);
  const acksWaiting = deps.acksWaiting ?? (() => 0);
  const memoryTight = deps.memoryTight ?? (() => false);
  /** How many jobs may run here now (fewer while acknowledgements wait or the heap is near its limit). */
  const capacity = () => (acksWaiting() > 0 || memoryTight() ? underLoad : fullConcurrency);
  const maxAttempts = deps.maxAttempts ?? 8;
  const pollMs = deps.pollMs ?? 1_000;
  const holder = deps.holder ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const now = deps.now ?? (() => new Date());
  const urgently = deps.urgently ?? (<T>(work: () => Promise<T>) => work());
  const handlers = new Map<string, JobHandler>();
  const running = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | null = null;
  let pollAgain = false;
  let stopped = true;
  /** Slots promised to jobs `accept` is writing: they start running once written. */
  let reserved = 0;

  const leaseFrom = (at: Date) => new Date(at.getTime() + leaseMs);
  /** Due to run: waiting and due, or running under a lease that ran out (its worker died). */
  const claimable = (at: Date) => ({
    OR: [
      { state: 'pending' as const, runAfter: { lte: at } },
      { state: 'running' as const, leaseUntil: { lt: at } },
    ],
  });

  async function claim(id: string): Promise<boolean> {
    const at = now();
    const { count } = await db.job.updateMany({
      where: { id, ...claimable(at) },
      data: { state: 'running', holder, leaseUntil: leaseFrom(at), attempts: { increment: 1 } },
    });
    return count === 1;
  }

  async function finish(job: RunningJob, kind: string, error: unknown): Promise<'done' | 'retry' | 'failed'> {
    const mine = { id: job.id, holder, state: 'running' as const };
    if (error === undefined) {
      const { count } = await db.job.updateMany({
        // Done already, and still ours, when the handler's own transaction marked it (`completeJobWithin`).
        where: { ...mine, state: { in: ['running', 'done'] } },
        data: DONE,
      });
      if (count === 0) logger.warn({ jobId: job.id, kind }, 'job finished after its lease was taken over');
      return 'done';
    }
    const decision = retryDecision(error, job.attempts, maxAttempts);
    const lastError = describeJobError(error);
    if (decision === null) {
      await db.job.updateMany({
        where: mine,
        data: { state: 'failed', holder: null, leaseUntil: null, lastError },
      });
      logger.error({ jobId: job.id, kind, attempts: job.attempts, lastError }, 'job failed for good');
      return 'failed';
    }
    await db.job.updateMany({
      where: mine,
      data: {
        state: 'pending',
        holder: null,
        leaseUntil: null,
        lastError,
        runAfter: new Date(now().getTime() + decision.retryInMs),
      },
    });
    logger.warn(
      { jobId: job.id, kind, attempts: job.attempts, retryInMs: decision.retryInMs, lastError },
      'job failed; will retry',
    );
    return 'retry';
  }

  /**
   * Runs a job this process holds, renewing its lease until the handler settles, as work of the
   * workspace it was written for: explicitly none when none, so a job claimed while another
   * workspace's request is handled never runs as that workspace's.
   */
  function run(
    job: RunningJob,
    kind: string,
    payload: unknown,
    workspace: WorkspaceRef | null = null,
  ): Promise<void> {
    const handler = handlers.get(kind);
    const renew = setInterval(
      () => {
        void db.job
          .updateMany({ where: { id: job.id, holder }, data: { leaseUntil: leaseFrom(now()) } })
          .catch((error: unknown) => logger.warn({ err: error, jobId: job.id }, 'could not renew a lease'));
      },
      Math.max(250, Math.floor(leaseMs / 3)),
    );
    renew.unref();
    const started = performance.now();
    const work = withWorkspace(workspace, async () => {
      let failure: unknown;
      try {
        if (handler === undefined) throw new Error(`no handler for job kind "${kind}"`);
        await handler(payload, job);
      } catch (error) {
        failure = error ?? new Error('job failed');
      } finally {
        clearInterval(renew);
      }
      await finish(job, kind, failure).then(
        (outcome) => deps.observe?.(kind, outcome, (performance.now() - started) / 1000),
        (error: unknown) =>
          // The lease runs out and the job is claimed again: at least once.
          logger.warn({ err: error, jobId: job.id, kind }, 'could not record how a job ended'),
      );
    });
    running.add(work);
    void work.finally(() => {
      running.delete(work);
      if (!stopped) wake();
    });
    return work;
  }

  async function pollOnce(): Promise<void> {
    while (!stopped) {
      const room = capacity() - running.size - reserved;
      if (room <= 0) return;
      const due = await db.job.findMany({
        where: claimable(now()),
        orderBy: { runAfter: 'asc' },
        take: room,
        select: {
          id: true,
          key: true,
          kind: true,
          payload: true,
          attempts: true,
          teamId: true,
          enterpriseId: true,
          enterpriseInstall: true,
        },
      });
      if (due.length === 0) return;
      // Claimed side by side: one UPDATE each, not one round trip after another (the drain after a
      // restart waited on them in turn, bench/findings.md round 7).
      const won = await Promise.all(due.map((row) => (stopped ? false : claim(row.id))));
      let claimed = 0;
      due.forEach((row, i) => {
        if (!won[i]) return;
        claimed += 1;
        void run(
          { id: row.id, key: row.key, attempts: row.attempts + 1 },
          row.kind,
          row.payload,
          workspaceOfRow(row),
        );
      });
      if (claimed === 0) return;
    }
  }

  /** Looks for due jobs now (once at a time; a call during a poll asks for one more round). */
  function wake(): void {
    if (stopped) return;
    if (polling !== null) {
      pollAgain = true;
      return;
    }
    polling = pollOnce()
      .catch((error: unknown) => logger.warn({ err: error }, 'could not look for due jobs'))
      .finally(() => {
        polling = null;
        if (pollAgain) {
          pollAgain = false;
          wake();
        }
      });
  }

  /** Every delivery of one turn written with one INSERT (`job-insert.ts`), ahead of other database work. */
  const insertBatched = createBatchedJobInsert(db, provider, { now, run: urgently });

  return {
    holder,
    /** Registers the handler of one kind of job (before `start`). */
    handle(kind: string, handler: JobHandler): void {
      handlers.set(kind, handler);
    },
    /** Writes a job for any worker (this one is woken at once). false when its key exists. */
    async add(spec: JobSpec): Promise<boolean> {
      try {
        await addOne(db, spec);
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
      wake();
      return true;
    },
    /**
     * Writes a job already claimed by this process and runs it here at once when a slot is free
     * (`run`), or leaves it waiting for the next free worker: the caller acknowledges Slack only
     * after this resolves. Null when its key exists (a repeat: nothing written, nothing to run).
     */
    async accept(spec: JobSpec): Promise<{ id: string; run: () => Promise<void> } | null> {
      // The slot is taken now, before the insert is awaited: concurrent deliveries each see it.
      const runHere = !stopped && running.size + reserved < capacity();
      if (runHere) reserved += 1;
      const at = now();
      const row: NewJobRow = {
        kind: spec.kind,
        key: storedJobKey(spec.key),
        payloadJson: JSON.stringify(spec.payload),
        runAfter: spec.runAfter ?? at,
        ...(runHere
          ? { state: 'running', attempts: 1, holder, leaseUntil: leaseFrom(at) }
          : { state: 'pending', attempts: 0, holder: null, leaseUntil: null }),
      };
      let id: string | null;
      try {
        id = await insertBatched(row);
      } catch (error) {
        if (runHere) reserved -= 1;
        throw error;
      }
      if (id === null || !runHere) {
        if (runHere) reserved -= 1;
        else if (id !== null) wake();
        return id === null ? null : { id, run: async () => undefined };
      }
      // Held until the caller starts it (after its acknowledgement), when `running` counts it.
      const job = { id, key: row.key, attempts: 1 };
      let started = false;
      return {
        id,
        run: () => {
          if (!started) {
            started = true;
            reserved -= 1;
          }
          return run(job, spec.kind, spec.payload);
        },
      };
    },
    /**
     * Runs a job written already claimed in this queue's name by another thread of this process (the
     * acceptor thread, src/runtime/acceptor.ts): as `accept`'s run, without the insert.
     */
    adopt(job: { id: string; key: string; kind: string; payload: unknown }): Promise<void> {
      return run({ id: job.id, key: job.key, attempts: 1 }, job.kind, job.payload);
    },
    /** Looks for due jobs now: after a transaction wrote some (`addJob`), so they start at once. */
    wake,
    /** Looks for due jobs now and then every `pollMs`. */
    start(): void {
      stopped = false;
      timer = setInterval(wake, pollMs);
      timer.unref();
      wake();
    },
    /**
     * Stops claiming and waits up to `timeoutMs` for running jobs; a job still running then keeps its
     * lease and is claimed again once the lease runs out. true when everything finished.
     */
    async stop(timeoutMs: number): Promise<boolean> {
      stopped = true;
      clearInterval(timer);
      let wait: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        Promise.all([polling, ...running]).then(() => true),
        new Promise<boolean>((resolve) => {
          wait = setTimeout(() => resolve(false), timeoutMs);
        }),
      ]);
      clearTimeout(wait);
      return finished;
    },
    /** Jobs running in this process now. */
    get runningHere(): number {
      return running.size;
    },
    async stats(): Promise<QueueStats> {
      const [backlog, failed, oldest] = await Promise.all([
        db.job.count({ where: { state: { in: ['pending', 'running'] } } }),
        db.job.count({ where: { state: 'failed' } }),
        db.job.findFirst({
          where: { state: { in: ['pending', 'running'] } },
          orderBy: { createdAt: 'asc' },
          select: { createdAt: true },
        }),
      ]);
      return {
        backlog,
        failed,
        oldestAgeMs: oldest === null ? 0 : Math.max(0, now().getTime() - oldest.createdAt.getTime()),
      };
    },
    /** Drops finished jobs older than `olderThanMs` (their keys stop catching repeats then). */
    async prune(olderThanMs: number): Promise<number> {
      const { count } = await db.job.deleteMany({
        where: { state: 'done', updatedAt: { lt: new Date(now().getTime() - olderThanMs) } },
      });
      return count;
    },
  };
}

export type WorkQueue = ReturnType<typeof createWorkQueue>;
