import type { JobSpec } from '../../work/work-queue.js';
import { deliveryKey } from '../features/deliveries/delivery-key.js';

/*
 * Which Slack deliveries are written as jobs before their acknowledgement, and how: shared by the
 * receivers on the main thread and the acceptor thread (src/runtime/acceptor-thread.ts), so it
 * imports neither Bolt nor Prisma.
 */

/**
 * The job kind of a Slack delivery written before its acknowledgement: an Events API event, a click,
 * a slash command or a shortcut. (A modal submission is answered by its listener after its write.)
 */
export const SLACK_DELIVERY_JOB = 'slack-delivery';

/** A request as the receiver read it: the parsed body (for the key) and what Slack sent. */
export interface ReceivedDelivery {
  body: Record<string, unknown>;
  /** The request's body as text, exactly as signed. */
  raw: string;
  contentType: string | undefined;
}

/**
 * A delivery as a job, or null for one that needs no durability (a click that only opens a modal or
 * a link: its trigger would have expired by a re-run, and it changes nothing). The key is the
 * delivery's own (`delivery-key.ts`): Slack re-delivering an event (after a slow ack, or a crash)
 * or a client repeating a click finds the job instead of starting a second one.
 *
 * The payload keeps the request's text, not the parsed body: written before the acknowledgement,
 * one string costs a fraction of walking and serialising the whole object (bench/findings.md,
 * round 8); the job parses it again when it runs. NUL characters are left out (PostgreSQL's JSON
 * refuses them; a crafted command text carries one).
 */
export function deliveryJob(
  delivery: ReceivedDelivery,
  retry: { retryNum?: number | undefined; retryReason?: string | undefined },
): JobSpec | null {
  const key = deliveryKey(delivery.body);
  if (key === null) return null;
  return {
    kind: SLACK_DELIVERY_JOB,
    key,
    payload: {
      raw: delivery.raw.includes('\u0000') ? delivery.raw.replaceAll('\u0000', '') : delivery.raw,
      ...(delivery.contentType !== undefined ? { contentType: delivery.contentType } : {}),
      ...(retry.retryNum !== undefined ? { retryNum: retry.retryNum } : {}),
      ...(retry.retryReason !== undefined ? { retryReason: retry.retryReason } : {}),
    },
  };
}

/**
 * Requests whose HTTP response carries the listener's answer: a modal submission's
 * `response_action` (validation errors, update, clear), options for a select, a legacy dialog's
 * errors, a function_executed event. Everything else is answered on arrival.
 */
export function needsListenerAnswer(body: Record<string, unknown>): boolean {
  const type = body.type;
  if (type === 'view_submission' || type === 'block_suggestion' || type === 'dialog_submission') return true;
  if (type === 'event_callback') {
    const event = body.event as { type?: unknown } | undefined;
    return event?.type === 'function_executed';
  }
  return false;
}
