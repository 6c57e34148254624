import type { JobSpec } from '../work/work-queue.js';

/** The jobs of following (handlers: `src/slack/effects/follow-handlers.ts`). */
export const FOLLOW_JOBS = {
  /** A card now stands in a channel: find the followers it matches and queue their notices. */
  match: 'follow-match',
  /** A member's next follow DM, listing every posting queued for them since the last one. */
  batch: 'follow-batch',
} as const;

/** Written with the share row it is about: one per share. */
export function followMatchJob(shareId: string): JobSpec {
  return { kind: FOLLOW_JOBS.match, key: `follow-match:${shareId}`, payload: { shareId } };
}

/**
 * A member's next follow DM at `runAfter`, keyed by its batch. The payload names the Slack user so an
 * erasure finds the job (src/privacy/member-data.ts deletes unfinished work naming the member).
 */
export function followBatchJob(
  batchKey: string,
  member: { memberId: string; slackUserId: string },
  runAfter: Date,
): JobSpec {
  return { kind: FOLLOW_JOBS.batch, key: batchKey, payload: { batchKey, ...member }, runAfter };
}
