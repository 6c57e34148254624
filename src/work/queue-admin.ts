import type { Db } from '../db/client.js';
import type { JobRow } from './work-queue.js';

const ROW = {
  id: true,
  kind: true,
  key: true,
  state: true,
  attempts: true,
  runAfter: true,
  holder: true,
  leaseUntil: true,
  lastError: true,
  createdAt: true,
} as const;

/**
 * What an operator does with the queue (`vouch queue`): see the jobs that are failed or stuck,
 * send failed ones round again, drop what should not run. Separate from the workers: it needs only
 * the database, so it runs beside a live deployment.
 */
export function createQueueAdmin(db: Db, now: () => Date = () => new Date()) {
  return {
    /** Failed jobs, and jobs waiting or running for longer than `stuckAfterMs`, oldest first. */
    async problems(stuckAfterMs: number, limit = 50): Promise<JobRow[]> {
      const before = new Date(now().getTime() - stuckAfterMs);
      return db.job.findMany({
        where: {
          OR: [{ state: 'failed' }, { state: { in: ['pending', 'running'] }, createdAt: { lt: before } }],
        },
        orderBy: { createdAt: 'asc' },
        take: limit,
        select: ROW,
      });
    },
    async counts(): Promise<Record<string, number>> {
      const groups = await db.job.groupBy({ by: ['state'], _count: { _all: true } });
      return Object.fromEntries(groups.map((g) => [g.state, g._count._all]));
    },
    /** Sends failed jobs (one by id, or all) round again with fresh attempts; returns how many. */
    async retry(id: string | 'failed'): Promise<number> {
      const { count } = await db.job.updateMany({
        where: { state: 'failed', ...(id === 'failed' ? {} : { id }) },
        data: { state: 'pending', attempts: 0, runAfter: now(), holder: null, leaseUntil: null },
      });
      return count;
    },
    /** Deletes a job that is not running (failed, or waiting); returns how many. */
    async drop(id: string | 'failed'): Promise<number> {
      const { count } = await db.job.deleteMany({
        where: id === 'failed' ? { state: 'failed' } : { id, state: { in: ['failed', 'pending'] } },
      });
      return count;
    },
  };
}

export type QueueAdmin = ReturnType<typeof createQueueAdmin>;
