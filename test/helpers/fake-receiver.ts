import { App, type AppOptions, type Logger, LogLevel, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID } from './fake-slack-api.mjs';

/** What the app answered the request with. */
export interface Delivery {
  /** Whether a listener (or Bolt itself, for events) called `ack()`. */
  acked: boolean;
  /** What `ack()` was called with (a view submission's `response_action`, a command's reply…). */
  ackResponse: unknown;
}

/**
 * A Bolt receiver with no server: `send` hands a request body to the real `App` the way a receiver
 * does (`app.processEvent({ body, ack })`), so tests drive Bolt's own dispatch, middleware and error
 * handling instead of re-implementing them. Modelled on bolt-js's test/unit/helpers/receivers.ts.
 */
export interface FakeReceiver extends Receiver {
  /**
   * Resolves when every listener has finished, with what was acknowledged; rejects when Bolt's error
   * handler does (the default one rethrows the listener's error).
   */
  send(
    body: Record<string, unknown>,
    options?: { retryNum?: number; retryReason?: string },
  ): Promise<Delivery>;
}

export function createFakeReceiver(): FakeReceiver {
  let app: App | undefined;
  return {
    init(bolt) {
      app = bolt;
    },
    start: async () => undefined,
    stop: async () => undefined,
    async send(body, options = {}) {
      if (app === undefined) throw new Error('fake receiver: pass it to new App({ receiver }) first');
      const delivery: Delivery = { acked: false, ackResponse: undefined };
      const event: ReceiverEvent = {
        body,
        ack: async (response?: unknown) => {
          // Bolt's own receivers refuse a second ack (ReceiverMultipleAckError).
          if (delivery.acked) throw new Error('fake receiver: ack() called twice');
          delivery.acked = true;
          delivery.ackResponse = response;
        },
        ...(options.retryNum !== undefined ? { retryNum: options.retryNum } : {}),
        ...(options.retryReason !== undefined ? { retryReason: options.retryReason } : {}),
      };
      await app.processEvent(event);
      return delivery;
    },
  };
}

/** Bolt sets its logger's level itself, so a silent one ignores that too. */
const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

/**
 * A real Bolt `App` on a fake receiver, set up like Vouch's (`src/slack/create-slack-app.ts`: no
 * conversation store) but with no network: the bot's ids are given, so Bolt never calls auth.test.
 */
export function createAppWithFakeReceiver(options: Partial<AppOptions> = {}): {
  app: App;
  receiver: FakeReceiver;
} {
  const receiver = createFakeReceiver();
  const app = new App({
    token: 'xoxb-fake-receiver',
    botId: FAKE_BOT_ID,
    botUserId: FAKE_BOT_USER_ID,
    receiver,
    convoStore: false,
    logger: silentLogger,
    ...options,
  });
  return { app, receiver };
}
