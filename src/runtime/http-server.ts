import { timingSafeEqual } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';
import type { AckGauge } from './ack-gauge.js';

export interface HttpServerDeps {
  logger: Logger;
  /** Bolt's request listener in HTTP mode; absent in Socket Mode (only health routes are served). */
  slackListener?: RequestListener;
  /** Null when ready to work (the database answers, Slack accepted the token); else why not. */
  notReadyBecause: () => Promise<string | null>;
  /** Becomes false when shutdown starts: health turns 503 so load balancers stop sending work. */
  isServing: () => boolean;
  /** Resolves when a Slack request may be handed to Bolt (admission control); immediate if absent. */
  admit?: () => Promise<void>;
  /** Counts Slack requests from arrival to answer (the work queue yields to them). */
  acks?: AckGauge;
  /** The work queue's backlog, reported on /readyz (a backlog alone does not make Vouch unready). */
  workStats?: () => Promise<{ backlog: number; oldestAgeMs: number; failed: number }>;
  /** GET /metrics in Prometheus' text format (src/metrics/). */
  metrics?: { render(): Promise<string>; readonly contentType: string };
  /** When set, /metrics answers only `Authorization: Bearer <metricsToken>` (401 otherwise). */
  metricsToken?: string | undefined;
  /** More GET pages by path: the "Add to Slack" install pages with several workspaces (src/installations/). */
  pages?: Record<string, RequestListener>;
}

const SLACK_PATH = '/slack/events';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * One HTTP server in both modes: `GET /healthz`, `GET /readyz`, and in HTTP mode `POST /slack/events`
 * (events, interactivity and slash commands). Replaces Bolt's built-in server, which could neither
 * acknowledge on arrival nor hold a burst at the door (bench/findings.md, rounds 1 and 2); small
 * enough to keep even if Bolt could, since health routes and admission would still be needed.
 */
export function createHttpServer(deps: HttpServerDeps): Server {
  const { logger, slackListener, notReadyBecause, isServing, admit, workStats, acks, metrics } = deps;
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      sendJson(res, isServing() ? 200 : 503, { status: isServing() ? 'ok' : 'stopping' });
      return;
    }
    if (req.method === 'GET' && path === '/readyz') {
      if (!isServing()) {
        sendJson(res, 503, { status: 'stopping' });
        return;
      }
      readiness(notReadyBecause, workStats).then(
        ({ problem, work }) =>
          sendJson(res, problem === null ? 200 : 503, {
            status: problem ?? 'ready',
            ...(work !== undefined ? { work } : {}),
          }),
        (error: unknown) => {
          logger.warn({ err: error }, 'readiness check failed');
          sendJson(res, 503, { status: 'database unavailable' });
        },
      );
      return;
    }
    if (req.method === 'GET' && path === '/metrics' && metrics !== undefined) {
      if (!bearerMatches(req.headers.authorization, deps.metricsToken)) {
        res.writeHead(401, { 'www-authenticate': 'Bearer realm="vouch metrics"' });
        res.end();
        return;
      }
      metrics.render().then(
        (text) => {
          res.writeHead(200, { 'content-type': metrics.contentType });
          res.end(text);
        },
        (error: unknown) => {
          logger.warn({ err: error }, 'metrics could not be collected');
          sendJson(res, 503, { error: 'metrics unavailable' });
        },
      );
      return;
    }
    if (slackListener !== undefined && path === SLACK_PATH) {
      if (!isServing()) {
        // Slack retries refused deliveries; another replica (or this one after restart) will take it.
        sendJson(res, 503, { error: 'shutting down' });
        return;
      }
      acks?.arrived(res);
      if (admit === undefined) slackListener(req, res);
      else void admit().then(() => slackListener(req, res));
      return;
    }
    const page = req.method === 'GET' && path !== undefined ? deps.pages?.[path] : undefined;
    if (page !== undefined) {
      page(req, res);
      return;
    }
    sendJson(res, 404, { error: 'not found' });
  });
}

/** No token configured, or the request's bearer token is it (compared in constant time). */
function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const given = Buffer.from(/^Bearer (.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** The readiness answer: why not ready (or null), and the queue's backlog when it can be read. */
async function readiness(
  notReadyBecause: HttpServerDeps['notReadyBecause'],
  workStats: HttpServerDeps['workStats'],
): Promise<{ problem: string | null; work?: { backlog: number; oldestAgeSeconds: number; failed: number } }> {
  const problem = await notReadyBecause();
  if (problem !== null || workStats === undefined) return { problem };
  const stats = await workStats();
  return {
    problem,
    work: {
      backlog: stats.backlog,
      oldestAgeSeconds: Math.round(stats.oldestAgeMs / 1000),
      failed: stats.failed,
    },
  };
}

/** Listens (on every interface, or on `host`) and resolves with the bound port (useful with port 0). */
export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting connections; resolves when open ones are closed (idle keep-alive ones at once). */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
