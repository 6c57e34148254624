import { z } from 'zod';
import type { JobSpec } from '../work/work-queue.js';
import { type DigestFrequency, digestFrequencySchema } from './digest-schedule.js';

/** The job of digests (handler: `src/slack/effects/digest-handlers.ts`). */
export const DIGEST_JOBS = {
  /** One channel's digest for one period: the open postings shared there in it, in one message. */
  post: 'digest-post',
} as const;

/** One channel's digest for one period: what was shared from `from` (included) to `until` (excluded). */
export interface DigestPeriod {
  /** The Slack team id: names the job, so a workspace's erasure drops it (src/privacy/member-data.ts). */
  workspaceId: string;
  channelId: string;
  frequency: DigestFrequency;
  from: Date;
  until: Date;
}

export const digestPeriodSchema = z.object({
  workspaceId: z.string(),
  channelId: z.string(),
  frequency: digestFrequencySchema,
  from: z.coerce.date(),
  until: z.coerce.date(),
});

/**
 * Written with the claim of the period (`digest-store.ts`, `startDue`): one per channel and period,
 * keyed by the time it was due, so a second claim of the same period cannot write a second one.
 */
export function digestPostJob(period: DigestPeriod): JobSpec {
  return {
    kind: DIGEST_JOBS.post,
    key: `digest:${period.workspaceId}:${period.channelId}:${period.until.toISOString()}`,
    payload: {
      workspaceId: period.workspaceId,
      channelId: period.channelId,
      frequency: period.frequency,
      from: period.from.toISOString(),
      until: period.until.toISOString(),
    },
  };
}
