import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { deliveryAttemptOf } from '../../transport/durable-deliveries.js';
import type { FeatureDeps } from '../feature-deps.js';
import { deliveryKey } from './delivery-key.js';

/**
 * Drops a delivery Vouch has handled before, before any listener runs: an event Slack re-delivers
 * (it retries when an ack was slow or lost), and an interaction delivered again (a client retry, or
 * a replay of the same signed request, which Slack's scheme allows within five minutes): the same
 * "I can refer" twice must not list and then un-list the member, and one modal submission retried a
 * hundred times gives one referral and one DM to each person. The key is recorded in the database
 * first (the event ledger), so this holds across restarts and replicas.
 *
 * Deliveries the receivers wrote as jobs before acknowledging them (`transport/durable-deliveries.ts`,
 * HTTP and Socket Mode) were de-duplicated by the job's key and pass through; what reaches this
 * ledger is what is not written as a job: modal submissions (a dropped one is acknowledged empty
 * here, once) and clicks that only open a form.
 * @see https://api.slack.com/apis/events-api#retries
 */
export function dropRepeats(deps: Pick<FeatureDeps, 'ledger' | 'logger'>): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as Record<string, unknown>;
    // A delivery from the work queue was de-duplicated by its job's key before it was acknowledged.
    if (deliveryAttemptOf(args.context) !== null) return args.next();
    const key = deliveryKey(body);
    if (key === null) return args.next();
    let first: boolean;
    try {
      first = await deps.ledger.firstTime(key);
    } catch (error) {
      // The database is away: the listener's own write meets the same fault and says so (a form
      // stays open with why), instead of the request ending here in silence.
      deps.logger.warn(
        { err: error, type: body.type },
        'delivery ledger unavailable: handing the request on',
      );
      return args.next();
    }
    if (first) return args.next();
    if (body.type === 'event_callback') {
      deps.logger.info(
        { eventId: body.event_id, retryNum: args.context.retryNum },
        're-delivered event ignored',
      );
      return;
    }
    deps.logger.info({ type: body.type }, 'repeated interaction ignored');
    const ack = (args as { ack?: () => Promise<void> }).ack;
    if (ack !== undefined) await ack();
  };
}
