import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { TurnQueue } from '../../runtime/turn-queue.js';
import type { JobHandler, JobSpec } from '../../work/work-queue.js';
import { deliveryKey } from '../features/deliveries/delivery-key.js';

/** The job kind of an Events API delivery written before its acknowledgement. */
export const SLACK_EVENT_JOB = 'slack-event';

const eventJobSchema = z.object({
  body: z.record(z.string(), z.unknown()),
  retryNum: z.number().int().optional(),
  retryReason: z.string().optional(),
});

/**
 * An event delivery as a job: the verified body, keyed by its `event_id` so that Slack re-delivering
 * it (after a slow ack, or after a crash) finds the job instead of starting a second one.
 */
export function eventJob(
  body: Record<string, unknown>,
  retry: { retryNum?: number | undefined; retryReason?: string | undefined },
): JobSpec {
  return {
    kind: SLACK_EVENT_JOB,
    key: deliveryKey(body) ?? `event:unkeyed:${crypto.randomUUID()}`,
    payload: {
      body,
      ...(retry.retryNum !== undefined ? { retryNum: retry.retryNum } : {}),
      ...(retry.retryReason !== undefined ? { retryReason: retry.retryReason } : {}),
    },
  };
}

/** What a listener finds in `context` for a delivery that came through the work queue. */
export interface DurableDeliveryContext {
  /** 1 on the first run; more when an earlier run failed or its process died mid-way. */
  deliveryAttempt: number;
}

/**
 * Runs an event job through Bolt's listeners, as the receiver would have (a turn later, no ack to
 * give: Slack had its 200 when the job was written). A listener's error reaches `app.error` and is
 * rethrown there for durable deliveries, so the job is retried with backoff.
 */
export function runEventJob(app: App, turns: TurnQueue): JobHandler {
  return async (payload, job) => {
    const { body, retryNum, retryReason } = eventJobSchema.parse(payload);
    await turns.next();
    const context: DurableDeliveryContext = { deliveryAttempt: job.attempts };
    await app.processEvent({
      body,
      ack: async () => undefined,
      ...(retryNum !== undefined ? { retryNum } : {}),
      ...(retryReason !== undefined ? { retryReason } : {}),
      customProperties: { ...context },
    });
  };
}

/** True when a listener runs a delivery from the work queue (see `DurableDeliveryContext`). */
export function deliveryAttemptOf(context: Record<string, unknown> | undefined): number | null {
  const attempt = context?.deliveryAttempt;
  return typeof attempt === 'number' ? attempt : null;
}
