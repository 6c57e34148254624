import type { JobSpec } from '../../work/work-queue.js';
import type { Message } from '../support/notifier.js';

/** Slack side effects that run as jobs (handlers: `effect-handlers.ts`). */
export const EFFECT_JOBS = {
  dm: 'slack-dm',
  home: 'slack-home',
  cardRefresh: 'slack-card-refresh',
} as const;

/**
 * A DM to `userId`, once: `key` names it (e.g. `interest:<referral>:dm:<user>`), and a retried job
 * looks for its key in the conversation before posting again.
 */
export function dmJob(key: string, userId: string, message: Message): JobSpec {
  return { kind: EFFECT_JOBS.dm, key, payload: { userId, message } };
}

/** A fresh App Home for a member (publishing twice shows the same view). */
export function homeJob(key: string, teamId: string, userId: string): JobSpec {
  return { kind: EFFECT_JOBS.home, key, payload: { teamId, userId } };
}

/** Every card of a posting brought up to date (updating a message twice shows the same card). */
export function cardRefreshJob(key: string, postingId: string): JobSpec {
  return { kind: EFFECT_JOBS.cardRefresh, key, payload: { postingId } };
}

/** The cards of several postings redrawn, one job each, keyed by what caused it (e.g. `erase:<uuid>`). */
export function cardRefreshJobs(cause: string, postingIds: readonly string[]): JobSpec[] {
  return postingIds.map((postingId) => cardRefreshJob(`${cause}:card:${postingId}`, postingId));
}
