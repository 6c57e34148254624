import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import type { Logger } from '../logger.js';

export interface JobSchedulerDeps {
  db: Db;
  logger: Logger;
  /** Identifies this replica in the lease table. */
  holder?: string;
  now?: () => Date;
}

export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(): Promise<void>;
}

/**
 * Runs periodic jobs once per period across all replicas: before running, a replica claims the job's
 * row in JobLease for the period with a single conditional UPDATE (or the INSERT that creates it).
 * Only one claim can win; the others skip this round. A timer alone would run the job on every replica.
 */
export function createJobScheduler(deps: JobSchedulerDeps) {
  const { db, logger } = deps;
  const holder = deps.holder ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const now = deps.now ?? (() => new Date());
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;

  /** true when this replica now holds `name` until `leaseMs` from now. */
  async function claim(name: string, leaseMs: number): Promise<boolean> {
    const at = now();
    const leaseUntil = new Date(at.getTime() + leaseMs);
    const { count } = await db.jobLease.updateMany({
      where: { name, leaseUntil: { lte: at } },
      data: { holder, leaseUntil },
    });
    if (count === 1) return true;
    try {
      await db.jobLease.create({ data: { name, holder, leaseUntil } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async function tick(job: PeriodicJob): Promise<boolean> {
    if (stopped) return false;
    // Slightly shorter than the period so the next tick of whichever replica comes first can claim.
    if (!(await claim(job.name, Math.max(1_000, job.everyMs - 1_000)))) return false;
    const started = Date.now();
    await job.run();
    logger.debug({ job: job.name, ms: Date.now() - started }, 'periodic job finished');
    return true;
  }

  return {
    holder,
    claim,
    /** Runs one round now if the lease can be claimed (tests and the first round after start). */
    tick,
    start(jobs: PeriodicJob[], options: { firstRunAfterMs?: number } = {}) {
      for (const job of jobs) {
        const runGuarded = () => {
          const round = tick(job)
            .then(() => undefined)
            .catch((error: unknown) => logger.error({ err: error, job: job.name }, 'periodic job failed'));
          running.add(round);
          void round.finally(() => running.delete(round));
        };
        const first = setTimeout(runGuarded, options.firstRunAfterMs ?? 30_000);
        const every = setInterval(runGuarded, job.everyMs);
        first.unref();
        every.unref();
        timers.push(first, every);
      }
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(running);
    },
  };
}

export type JobScheduler = ReturnType<typeof createJobScheduler>;
