import type { DigestStore } from '../digests/digest-store.js';
import type { Logger } from '../logger.js';
import type { WorkQueue } from '../work/work-queue.js';
import type { PeriodicJob } from './job-scheduler.js';

export interface DigestsJobDeps {
  digests: Pick<DigestStore, 'startDue'>;
  /** Wakes the work queue once a round wrote digest jobs. */
  work: Pick<WorkQueue, 'wake'>;
  logger: Pick<Logger, 'info'>;
  now?: () => Date;
}

/** How often the round looks for due digests: a digest goes out at most this long after its time. */
const EVERY_MS = 5 * 60 * 1000;

/**
 * Starts the channel digests that are due (src/digests/): each channel's period is claimed and its
 * digest written as a job of the work queue in one transaction, once per channel and period
 * however many replicas run this round (`startDue`); the job posts the message.
 */
export function createDigestsJob(
  deps: DigestsJobDeps,
): PeriodicJob & { runOnce(at?: Date): Promise<number> } {
  const { digests, work, logger } = deps;
  const now = deps.now ?? (() => new Date());
  async function runOnce(at: Date = now()): Promise<number> {
    const started = await digests.startDue(at);
    if (started > 0) {
      work.wake();
      logger.info({ started }, 'channel digests started');
    }
    return started;
  }
  return {
    name: 'channel-digests',
    everyMs: EVERY_MS,
    run: async () => {
      await runOnce();
    },
    runOnce,
  };
}
