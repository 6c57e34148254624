import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type AckFn,
  type App,
  HTTPModuleFunctions as http,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import type { InflightWork } from '../inflight-work.js';
import type { Logger } from '../logger.js';
import type { TurnQueue } from '../turn-queue.js';

export interface HttpReceiverDeps {
  signingSecret: string;
  logger: Logger;
  /** Requests acknowledged on arrival reach Bolt through this queue, after the acks already due. */
  turns: TurnQueue;
  /** Every request's processing, from arrival to the end of its listeners (graceful stop, admission). */
  inflight: InflightWork;
  /** How long a listener may take to answer a request only it can answer (Slack gives up at 3 s). */
  answerTimeoutMs?: number;
}

export interface HttpReceiver extends Receiver {
  /** For POST /slack/events (the HTTP server routes it here). */
  requestListener(req: IncomingMessage, res: ServerResponse): void;
}

const BODY_LIMIT_BYTES = 1024 * 1024;

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

/**
 * Bolt's receiver for HTTP mode, built from Bolt's own request functions (body limit, signature and
 * timestamp check, ssl_check and url_verification), with one difference: a request that needs no
 * answer from a listener (events, button clicks, slash commands, shortcuts) is acknowledged with an
 * empty 200 as soon as its signature checks out, and reaches the listeners a turn later. So a burst
 * of hundreds of requests is acknowledged before any of their work starts, instead of each ack
 * waiting behind the listener middleware of the requests before it. Listeners still call `ack()`
 * (a no-op here; the same code runs in Socket Mode) and send what they have to say with `respond()`
 * or the Web API.
 */
export function createHttpReceiver(deps: HttpReceiverDeps): HttpReceiver {
  const { signingSecret, logger, turns, inflight } = deps;
  const answerTimeoutMs = deps.answerTimeoutMs ?? 2_500;
  let app: App | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Record<string, unknown>;
    try {
      const buffered = await http.parseAndVerifyHTTPRequest(
        { signingSecret, bodyLimit: BODY_LIMIT_BYTES },
        req,
        res,
      );
      body = http.parseHTTPRequestBody(buffered) as Record<string, unknown>;
    } catch (error) {
      if (http.isRawBodyError(error) && (error.type === 'entity.too.large' || error.statusCode === 413)) {
        logger.warn({ limit: BODY_LIMIT_BYTES }, 'Slack request refused: body too large');
        return http.buildNoBodyResponse(res, 413);
      }
      if (error instanceof SyntaxError) {
        logger.warn({ reason: error.message }, 'Slack request refused: malformed body');
        return http.buildNoBodyResponse(res, 400);
      }
      logger.warn({ reason: (error as Error).message }, 'Slack request refused: signature check failed');
      return http.buildNoBodyResponse(res, 401);
    }
    if (body.ssl_check === '1') return http.buildSSLCheckResponse(res);
    if (body.type === 'url_verification') return http.buildUrlVerificationResponse(res, body);
    if (app === undefined) {
      logger.error('Slack request arrived before the receiver was initialised');
      return http.buildNoBodyResponse(res, 503);
    }

    const retry = {
      retryNum: http.extractRetryNumFromHTTPRequest(req),
      retryReason: http.extractRetryReasonFromHTTPRequest(req),
    };
    const target = app;
    if (!needsListenerAnswer(body)) {
      http.buildNoBodyResponse(res, 200);
      const ack: AckFn<unknown> = async (response) => {
        if (response !== undefined && response !== '')
          logger.warn(
            { requestType: body.type },
            'a listener answered a request that was acknowledged on arrival: use respond() instead',
          );
      };
      return inflight.track(turns.next().then(() => target.processEvent({ body, ack, ...retry })));
    }

    let answered = false;
    const answer = (response: unknown) => {
      if (answered) return false;
      answered = true;
      clearTimeout(timer);
      http.buildContentResponse(res, response);
      return true;
    };
    const timer = setTimeout(() => {
      if (answer(undefined))
        logger.warn({ requestType: body.type }, 'no listener answered in time: acknowledged empty');
    }, answerTimeoutMs);
    const event: ReceiverEvent = {
      body,
      ...retry,
      ack: async (response) => {
        if (!answer(response)) logger.warn({ requestType: body.type }, 'ack() called more than once');
      },
    };
    try {
      await inflight.track(target.processEvent(event));
    } finally {
      // A request no listener matched still gets its answer (Slack would show an error after 3 s).
      answer(undefined);
    }
  }

  return {
    init(bolt) {
      app = bolt;
    },
    // The HTTP server (src/http-server.ts) owns the port in both modes.
    start: async () => undefined,
    stop: async () => undefined,
    requestListener(req, res) {
      handle(req, res).catch((error: unknown) => {
        // app.error has seen listener errors already; this is what escaped Bolt itself.
        logger.error({ err: error }, 'Slack request failed outside the listeners');
        if (!res.headersSent) http.buildNoBodyResponse(res, 500);
      });
    },
  };
}
