import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type AckFn,
  type App,
  HTTPModuleFunctions as http,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import { type Logger, withLogContext } from '../../logger.js';
import type { RequestOutcome } from '../../metrics/metrics.js';
import type { InflightWork } from '../../runtime/inflight-work.js';
import type { TurnQueue } from '../../runtime/turn-queue.js';
import type { WorkQueue } from '../../work/work-queue.js';
import { needsListenerAnswer } from './delivery-job.js';
import { writeThenAcknowledge } from './durable-deliveries.js';
import { envelopeProblem, requestKind, requestLogFields } from './envelope.js';
import { signatureProblem } from './slack-signature.js';

/*
 * Replaces Bolt's HTTPReceiver (it still uses Bolt's request helpers, `HTTPModuleFunctions`).
 * Why, measured (bench/findings.md, rounds 2 and 3):
 * - Bolt acknowledges a request only when its listener calls `ack()`, after the middleware chain, so
 *   in a burst acks wait behind earlier requests' dispatch and work: for 200 requests at once a bare
 *   Bolt app had an ack p99 of 160–270 ms and Vouch 310–440 ms, against 50–100 ms for a bare
 *   `node:http` server. This receiver answers an empty 200 on arrival (modal submissions excepted:
 *   their answer can carry form errors) and hands the request to Bolt through the turn queue, after
 *   the acks already due.
 * - The signature is checked here with `timingSafeEqual`: Bolt's check drew random bytes for every
 *   request for the same constant-time comparison (findings, round 2, the table of changes).
 * What would let it go: Bolt acknowledging on arrival (an option to ack before listeners run) with a
 * signature check that costs no more than an HMAC.
 */

export interface HttpReceiverDeps {
  signingSecret: string;
  logger: Logger;
  /** Requests acknowledged on arrival reach Bolt through this queue, after the acks already due. */
  turns: TurnQueue;
  /** Every request's processing, from arrival to the end of its listeners (graceful stop, admission). */
  inflight: InflightWork;
  /** How long a listener may take to answer a request only it can answer (Slack gives up at 3 s). */
  answerTimeoutMs?: number;
  /**
   * Where a delivery is written as a job before Slack gets its 200 (`durable-deliveries.ts`):
   * acknowledged means recorded, and a repeat finds the job. Without it deliveries run from memory.
   */
  intake?: Pick<WorkQueue, 'accept'>;
  /** Told of every request once it is answered: its kind, how it ended, seconds from arrival. */
  observe?: (kind: string, outcome: RequestOutcome, seconds: number) => void;
}

/** What the metrics learn of a request while it is handled. */
interface Seen {
  kind: string;
  outcome: RequestOutcome;
}

export interface HttpReceiver extends Receiver {
  /** For POST /slack/events (the HTTP server routes it here). */
  requestListener(req: IncomingMessage, res: ServerResponse): void;
  /**
   * Runs a request already acknowledged elsewhere (the acceptor thread answered a click that only
   * opens a form) through the listeners, as this receiver runs the ones it acknowledges on arrival.
   */
  runAcknowledged(
    body: Record<string, unknown>,
    retry: { retryNum?: number | undefined; retryReason?: string | undefined },
    requestId: string,
  ): Promise<void>;
}

const BODY_LIMIT_BYTES = 1024 * 1024;

/** Slack's ssl_check (form-encoded, unsigned): answered 200 and nothing else read from it. */
function isSslCheck(req: IncomingMessage, text: string): boolean {
  return (
    req.headers['content-type'] === 'application/x-www-form-urlencoded' &&
    /(?:^|&)ssl_check=1(?:&|$)/.test(text)
  );
}

/**
 * Bolt's receiver for HTTP mode, built from Bolt's own request functions (body limit, body parsing,
 * ssl_check and url_verification responses) and the signature check above, with one difference: a request that needs no
 * answer from a listener (events, button clicks, slash commands, shortcuts) is acknowledged with an
 * empty 200 as soon as its signature checks out and, with an `intake`, its job is written
 * (`durable-deliveries.ts`: acknowledged means recorded), and reaches the listeners a turn later. So a burst
 * of hundreds of requests is acknowledged before any of their work starts, instead of each ack
 * waiting behind the listener middleware of the requests before it. Listeners still call `ack()`
 * (a no-op here; the same code runs in Socket Mode) and send what they have to say with `respond()`
 * or the Web API.
 */
export function createHttpReceiver(deps: HttpReceiverDeps): HttpReceiver {
  const { signingSecret, logger, turns, inflight, intake } = deps;
  const answerTimeoutMs = deps.answerTimeoutMs ?? 2_500;
  let app: App | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse, seen: Seen): Promise<void> {
    let buffered: Awaited<ReturnType<typeof http.bufferIncomingMessage>>;
    try {
      buffered = await http.bufferIncomingMessage(req, BODY_LIMIT_BYTES);
    } catch (error) {
      if (http.isRawBodyError(error) && (error.type === 'entity.too.large' || error.statusCode === 413)) {
        logger.warn({ limit: BODY_LIMIT_BYTES }, 'Slack request refused: body too large');
        seen.outcome = 'too_large';
        return http.buildNoBodyResponse(res, 413);
      }
      logger.warn({ reason: (error as Error).message }, 'Slack request refused: body could not be read');
      seen.outcome = 'malformed';
      return http.buildNoBodyResponse(res, 400);
    }
    const text = buffered.rawBody.toString();
    if (isSslCheck(req, text)) {
      seen.kind = 'ssl_check';
      seen.outcome = 'answered';
      return http.buildSSLCheckResponse(res);
    }
    const problem = signatureProblem(signingSecret, req.headers, text);
    if (problem !== null) {
      logger.warn({ reason: problem }, 'Slack request refused: signature check failed');
      seen.outcome = 'refused_signature';
      return http.buildNoBodyResponse(res, 401);
    }
    let body: Record<string, unknown>;
    try {
      body = http.parseHTTPRequestBody(buffered) as Record<string, unknown>;
      if (typeof body !== 'object' || body === null) throw new SyntaxError('not an object');
    } catch (error) {
      logger.warn({ reason: (error as Error).message }, 'Slack request refused: malformed body');
      seen.outcome = 'malformed';
      return http.buildNoBodyResponse(res, 400);
    }
    seen.kind = requestKind(body);
    if (body.type === 'url_verification') {
      seen.outcome = 'answered';
      return http.buildUrlVerificationResponse(res, body);
    }
    const missing = envelopeProblem(body);
    if (missing !== null) {
      logger.warn({ requestType: body.type, missing }, 'Slack request refused: malformed payload');
      seen.outcome = 'malformed';
      return http.buildNoBodyResponse(res, 400);
    }
    if (app === undefined) {
      logger.error('Slack request arrived before the receiver was initialised');
      seen.outcome = 'unavailable';
      return http.buildNoBodyResponse(res, 503);
    }
    const target = app;
    const context = { requestId: randomUUID(), ...requestLogFields(body) };
    return withLogContext(context, () => dispatch(req, res, { body, text, target }, seen));
  }

  /** A request Slack has its 200 for, handed to the listeners a turn later (tracked for a graceful stop). */
  function runAcknowledged(
    target: App,
    body: Record<string, unknown>,
    retry: { retryNum?: number | undefined; retryReason?: string | undefined },
  ): Promise<void> {
    const ack: AckFn<unknown> = async (response) => {
      if (response !== undefined && response !== '')
        logger.warn(
          { requestType: body.type },
          'a listener answered a request that was acknowledged on arrival: use respond() instead',
        );
    };
    return inflight.track(turns.next().then(() => target.processEvent({ body, ack, ...retry })));
  }

  /** A checked request from here on: written and acknowledged, or handed to its listener. */
  async function dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    { body, text, target }: { body: Record<string, unknown>; text: string; target: App },
    seen: Seen,
  ): Promise<void> {
    const retry = {
      retryNum: http.extractRetryNumFromHTTPRequest(req),
      retryReason: http.extractRetryReasonFromHTTPRequest(req),
    };
    // Not recorded, so not acknowledged: Slack re-delivers an event (up to three times, with
    // backoff) and shows the member of a click or command that it failed.
    const written = await writeThenAcknowledge(
      intake,
      { body, raw: text, contentType: req.headers['content-type'] },
      retry,
      { logger, inflight },
      {
        acknowledge: (outcome) => {
          seen.outcome = outcome;
          http.buildNoBodyResponse(res, 200);
        },
        refuse: () => {
          seen.outcome = 'not_recorded';
          http.buildNoBodyResponse(res, 503);
        },
      },
    );
    if (written !== null) return;
    if (!needsListenerAnswer(body)) {
      seen.outcome = 'acknowledged';
      http.buildNoBodyResponse(res, 200);
      return runAcknowledged(target, body, retry);
    }

    let answered = false;
    const answer = (response: unknown) => {
      if (answered) return false;
      answered = true;
      seen.outcome = 'answered';
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
    runAcknowledged(body, retry, requestId) {
      if (app === undefined) {
        logger.error('Slack request arrived before the receiver was initialised');
        return Promise.resolve();
      }
      const target = app;
      return withLogContext({ requestId, ...requestLogFields(body) }, () =>
        runAcknowledged(target, body, retry),
      );
    },
    requestListener(req, res) {
      const seen: Seen = { kind: 'unknown', outcome: 'error' };
      const observe = deps.observe;
      if (observe !== undefined) {
        const arrived = performance.now();
        let told = false;
        const tell = () => {
          if (told) return;
          told = true;
          observe(seen.kind, seen.outcome, (performance.now() - arrived) / 1000);
        };
        res.once('finish', tell);
        res.once('close', tell);
      }
      handle(req, res, seen).catch((error: unknown) => {
        // app.error has seen listener errors already; this is what escaped Bolt itself.
        logger.error({ err: error }, 'Slack request failed outside the listeners');
        if (!res.headersSent) http.buildNoBodyResponse(res, 500);
      });
    },
  };
}
