import { type App, type BufferedIncomingMessage, HTTPModuleFunctions as http } from '@slack/bolt';
import { z } from 'zod';
import { currentLogContext, type Logger, withLogContext } from '../../logger.js';
import type { InflightWork } from '../../runtime/inflight-work.js';
import type { TurnQueue } from '../../runtime/turn-queue.js';
import { PermanentJobError } from '../../work/retry-policy.js';
import { completeJobWithin, type JobHandler, type JobWriter, type WorkQueue } from '../../work/work-queue.js';
import { deliveryJob, needsListenerAnswer, type ReceivedDelivery } from './delivery-job.js';
import { requestLogFields } from './envelope.js';

const retryFields = {
  retryNum: z.number().int().optional(),
  retryReason: z.string().optional(),
};
const deliveryJobSchema = z.union([
  // The request as Slack sent it: its text and content type, parsed again when the job runs.
  z.object({ raw: z.string(), contentType: z.string().optional(), ...retryFields }),
  // Jobs written before the raw form (a backlog left by an older version): the parsed body.
  z.object({ body: z.record(z.string(), z.unknown()), ...retryFields }),
]);

/** The body of a stored delivery, parsed as the receiver parsed it (Bolt's own parser). */
function storedBody(payload: z.infer<typeof deliveryJobSchema>): Record<string, unknown> {
  if ('body' in payload) return payload.body;
  const request = {
    rawBody: Buffer.from(payload.raw),
    headers: { 'content-type': payload.contentType },
  } as unknown as BufferedIncomingMessage;
  return http.parseHTTPRequestBody(request) as Record<string, unknown>;
}

/**
 * What a delivery job holds, read; a payload that cannot be read never will be, so it fails the job
 * at once (kept with its reason for `vouch queue`) instead of being retried for minutes.
 */
function readStored(payload: unknown): {
  body: Record<string, unknown>;
  retryNum?: number | undefined;
  retryReason?: string | undefined;
} {
  const stored = deliveryJobSchema.safeParse(payload);
  if (!stored.success)
    throw new PermanentJobError(`unreadable delivery job: ${z.prettifyError(stored.error)}`);
  let body: unknown;
  try {
    body = storedBody(stored.data);
  } catch (error) {
    throw new PermanentJobError(`unreadable delivery body: ${(error as Error).message}`);
  }
  if (typeof body !== 'object' || body === null)
    throw new PermanentJobError('delivery body is not an object');
  return {
    body: withoutNul(body as Record<string, unknown>),
    retryNum: stored.data.retryNum,
    retryReason: stored.data.retryReason,
  };
}

/**
 * The body with NUL characters removed from its strings (escaped in JSON, or percent-encoded in a
 * form, they survive the raw text): listeners and storage never see one.
 */
function withoutNul<T>(value: T): T {
  if (typeof value === 'string')
    return (value.includes('\u0000') ? value.replaceAll('\u0000', '') : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)])) as T;
  }
  return value;
}

/** How a receiver answers Slack for one delivery: the ack, or the refusal that makes Slack send it again. */
export interface DeliveryAnswer {
  /** Written now (`acknowledged`), or written before (`repeat`): acknowledged either way. */
  acknowledge(outcome: 'acknowledged' | 'repeat'): unknown;
  /** The delivery could not be written: not acknowledged (Slack re-delivers an event; a member sees the failure). */
  refuse(): unknown;
}

/**
 * The order both receivers follow for a delivery that is written as a job (HTTP and Socket Mode):
 * write it, then acknowledge it (acknowledged means recorded), then run it here, tracked for a
 * graceful stop. A repeat (its key was written before) is acknowledged and ignored. Resolves with
 * how it ended at the door (for metrics), or null, with nothing done, for a delivery that is not
 * written (no intake, a request whose listener answers it, a click that only opens a form): the
 * receiver hands it to Bolt itself.
 */
export async function writeThenAcknowledge(
  intake: Pick<WorkQueue, 'accept'> | undefined,
  delivery: ReceivedDelivery,
  retry: { retryNum?: number | undefined; retryReason?: string | undefined },
  deps: { logger: Logger; inflight: InflightWork },
  answer: DeliveryAnswer,
): Promise<'acknowledged' | 'repeat' | 'not_recorded' | null> {
  const { body } = delivery;
  const job = intake !== undefined && !needsListenerAnswer(body) ? deliveryJob(delivery, retry) : null;
  if (intake === undefined || job === null) return null;
  let accepted: Awaited<ReturnType<typeof intake.accept>>;
  try {
    accepted = await intake.accept(job);
  } catch (error) {
    deps.logger.warn({ err: error, requestType: body.type }, 'delivery not recorded: not acknowledged');
    await answer.refuse();
    return 'not_recorded';
  }
  await answer.acknowledge(accepted === null ? 'repeat' : 'acknowledged');
  if (accepted === null) {
    deps.logger.info(
      { requestType: body.type, eventId: body.event_id, ...retry },
      'repeated delivery ignored',
    );
    return 'repeat';
  }
  await deps.inflight.track(accepted.run());
  return 'acknowledged';
}

/** What a listener finds in `context` for a delivery that came through the work queue. */
export interface DurableDeliveryContext {
  /** 1 on the first run; more when an earlier run failed or its process died mid-way. */
  deliveryAttempt: number;
  /** The delivery's job: a listener's state change marks it done in its own transaction. */
  deliveryJobId: string;
}

/**
 * Runs a delivery job through Bolt's listeners, as the receiver would have (a turn later, no ack to
 * give: Slack had its 200 when the job was written). A listener's error reaches `app.error` and is
 * rethrown there, so the job is retried with backoff.
 */
export function runDeliveryJob(app: App, turns: TurnQueue): JobHandler {
  return async (payload, job) => {
    const { retryNum, retryReason, body } = readStored(payload);
    await turns.next();
    const context: DurableDeliveryContext = { deliveryAttempt: job.attempts, deliveryJobId: job.id };
    // Run at once, it keeps its request's context; run again from the table (after a crash or a
    // failure), the job's id stands for the request's.
    const logged = currentLogContext() ?? { requestId: `job-${job.id}`, ...requestLogFields(body) };
    await withLogContext(logged, () =>
      app.processEvent({
        body,
        ack: async () => undefined,
        ...(retryNum !== undefined ? { retryNum } : {}),
        ...(retryReason !== undefined ? { retryReason } : {}),
        customProperties: { ...context },
      }),
    );
  };
}

/** The attempt of a delivery from the work queue (see `DurableDeliveryContext`); null otherwise. */
export function deliveryAttemptOf(context: Record<string, unknown> | undefined): number | null {
  const attempt = context?.deliveryAttempt;
  return typeof attempt === 'number' ? attempt : null;
}

/** True for a delivery from the work queue run again (an earlier run failed or its process died). */
export function isRerun(context: Record<string, unknown> | undefined): boolean {
  return (deliveryAttemptOf(context) ?? 1) > 1;
}

/** A run of a delivery whose change an earlier run (alive after all, or a twin) already committed. */
export class DeliveryAlreadyDone extends Error {
  override readonly name = 'DeliveryAlreadyDone';
}

/**
 * Marks the delivery done inside the transaction of the change it makes, so the change and "this
 * delivery is handled" commit together: a run after a crash before the commit makes the change; a
 * run after it never starts (the job is done), and a twin run meanwhile fails here and rolls back.
 * Nothing to do for a delivery that did not come through the queue.
 */
export async function completeDeliveryWithin(
  tx: JobWriter,
  context: Record<string, unknown> | undefined,
): Promise<void> {
  const id = context?.deliveryJobId;
  if (typeof id !== 'string') return;
  if (!(await completeJobWithin(tx, id))) throw new DeliveryAlreadyDone(`delivery ${id} was already handled`);
}
