import { randomUUID } from 'node:crypto';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import { type Logger, withLogContext } from '../../logger.js';
import type { RequestOutcome } from '../../metrics/metrics.js';
import type { InflightWork } from '../../runtime/inflight-work.js';
import type { WorkQueue } from '../../work/work-queue.js';
import { writeThenAcknowledge } from './durable-deliveries.js';
import { envelopeProblem, requestKind, requestLogFields } from './envelope.js';

/*
 * Replaces Bolt's SocketModeReceiver (it keeps Bolt's Socket Mode client, `@slack/socket-mode`).
 * Why: Bolt's receiver hands an envelope to the listeners and acknowledges it when a listener calls
 * `ack()`, so an acknowledged event lives only in memory; a process that dies after the ack loses
 * it, and Slack does not send it again. This receiver writes the delivery as a job first and
 * acknowledges only once it is written, as the HTTP receiver does (`durable-deliveries.ts`).
 * What would let it go: Bolt acknowledging through a hook the app controls (write, then ack).
 */

export interface SocketReceiverDeps {
  appToken: string;
  /** Where apps.connections.open is called (the same Web API as everything else). */
  slackApiUrl: string;
  logger: Logger;
  /** Bolt's logger, for the Socket Mode client's own lines. */
  clientLogger: NonNullable<ConstructorParameters<typeof SocketModeClient>[0]>['logger'];
  inflight: InflightWork;
  /** Where a delivery is written before its ack; without it deliveries run from memory. */
  intake?: Pick<WorkQueue, 'accept'>;
  /** Told of every envelope once it is acknowledged: its kind, how it ended, seconds from arrival. */
  observe?: (kind: string, outcome: RequestOutcome, seconds: number) => void;
}

/** What the Socket Mode client emits for every envelope (`slack_event`). */
interface Envelope {
  ack: (response?: Record<string, unknown>) => Promise<void>;
  body: unknown;
  envelope_id?: string;
  retry_num?: number;
  retry_reason?: string;
}

export interface SocketReceiver extends Receiver {
  /** Opens the WebSocket (apps.connections.open with the app-level token). */
  start(): Promise<unknown>;
  stop(): Promise<void>;
}

export function createSocketReceiver(deps: SocketReceiverDeps): SocketReceiver {
  const { logger, inflight, intake } = deps;
  const client = new SocketModeClient({
    appToken: deps.appToken,
    ...(deps.clientLogger !== undefined ? { logger: deps.clientLogger } : {}),
    clientOptions: { slackApiUrl: deps.slackApiUrl },
  });
  let app: App | undefined;

  async function handle(envelope: Envelope): Promise<void> {
    const arrived = performance.now();
    const body = envelope.body as Record<string, unknown> | undefined;
    const tell = (outcome: RequestOutcome) =>
      deps.observe?.(body ? requestKind(body) : 'unknown', outcome, (performance.now() - arrived) / 1000);
    if (typeof body !== 'object' || body === null) {
      logger.warn('Socket Mode envelope without a payload: acknowledged and ignored');
      tell('malformed');
      return envelope.ack();
    }
    const missing = envelopeProblem(body);
    if (missing !== null) {
      // Slack expects every envelope acknowledged; one without what Bolt reads is not Slack's.
      logger.warn({ requestType: body.type, missing }, 'Socket Mode envelope ignored: malformed payload');
      tell('malformed');
      return envelope.ack();
    }
    if (app === undefined) {
      logger.error('Socket Mode envelope arrived before the receiver was initialised');
      return;
    }
    const target = app;
    const context = { requestId: envelope.envelope_id || randomUUID(), ...requestLogFields(body) };
    return withLogContext(context, () => dispatch(envelope, body, target, tell));
  }

  /** A checked envelope from here on: written and acknowledged, or handed to its listener. */
  async function dispatch(
    envelope: Envelope,
    body: Record<string, unknown>,
    target: App,
    tell: (outcome: RequestOutcome) => void,
  ): Promise<void> {
    const retry = {
      ...(envelope.retry_num !== undefined ? { retryNum: envelope.retry_num } : {}),
      ...(envelope.retry_reason !== undefined ? { retryReason: envelope.retry_reason } : {}),
    };
    // Not recorded, so not acknowledged: Slack sends the envelope again.
    const written = await writeThenAcknowledge(
      intake,
      { body, raw: JSON.stringify(body), contentType: 'application/json' },
      retry,
      { logger, inflight },
      {
        acknowledge: (outcome) => {
          tell(outcome);
          return envelope.ack();
        },
        refuse: () => tell('not_recorded'),
      },
    );
    if (written !== null) return;
    // A modal submission (its ack can carry form errors), or a click that only opens a modal: the
    // listener acknowledges, as with Bolt's receiver; one no listener answers is acknowledged after.
    let acked = false;
    const event: ReceiverEvent = {
      body,
      ...retry,
      ack: async (response) => {
        if (acked) return;
        acked = true;
        tell('answered');
        await envelope.ack(response as Record<string, unknown> | undefined);
      },
    };
    try {
      await inflight.track(target.processEvent(event));
    } finally {
      if (!acked) await event.ack();
    }
  }

  client.on('slack_event', (envelope: Envelope) => {
    handle(envelope).catch((error: unknown) => {
      // app.error has seen listener errors already; this is what escaped Bolt itself.
      logger.error({ err: error }, 'Socket Mode envelope failed outside the listeners');
    });
  });

  return {
    init(bolt) {
      app = bolt;
    },
    start: () => client.start(),
    stop: () => client.disconnect(),
  };
}
