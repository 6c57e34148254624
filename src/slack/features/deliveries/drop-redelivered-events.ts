import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { FeatureDeps } from '../feature-deps.js';

/**
 * Drops re-delivered Events API deliveries (Slack retries with X-Slack-Retry-Num when an ack was
 * slow or lost): each event_id is recorded in the database first, and a second insert fails on the
 * primary key, across restarts and replicas. In HTTP mode the receiver (`transport/http-receiver.ts`)
 * has already answered Slack with 200 on arrival, before this runs; in Socket Mode Bolt
 * acknowledges an event envelope itself as processing starts.
 * @see https://api.slack.com/apis/events-api#retries
 */
export function dropRedeliveredEvents(
  deps: Pick<FeatureDeps, 'ledger' | 'logger'>,
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const envelope = body as { type?: unknown; event_id?: unknown };
    if (envelope.type === 'event_callback' && typeof envelope.event_id === 'string') {
      const first = await deps.ledger.firstTime(`event:${envelope.event_id}`);
      if (!first) {
        deps.logger.info(
          { eventId: envelope.event_id, retryNum: context.retryNum },
          're-delivered event ignored',
        );
        return;
      }
    }
    await next();
  };
}
