import { randomUUID } from 'node:crypto';
import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import pg from 'pg';
import { deliveryJob, needsListenerAnswer } from '../slack/transport/delivery-job.js';
import { envelopeProblem, requestKind } from '../slack/transport/envelope.js';
import { parseSlackBody, slackRetryOf } from '../slack/transport/slack-body.js';
import { signatureProblem } from '../slack/transport/slack-signature.js';
import { createBatchedJobInsert, type NewJobRow, type RawQueryRunner } from '../work/job-insert.js';
import { storedJobKey } from '../work/work-queue.js';
import {
  type AcceptorMessage,
  type AcceptorSettings,
  acceptorSettingsSchema,
  mainMessageSchema,
} from './acceptor-protocol.js';

/*
 * The acceptor thread (README in this folder; started by `acceptor.ts`). It owns the public port in
 * HTTP mode and answers the requests Slack sends most, on a thread of its own and through a database
 * connection of its own: for an event, a click or a slash command it checks the signature, writes the
 * delivery as a job (the same row the main thread's receiver would write, `delivery-job.ts`) and
 * answers 200, so an acknowledgement never waits for the main thread's work (bench/findings.md,
 * round 11). Everything else (modal submissions, whose answer is the listener's; health, readiness,
 * metrics; anything it cannot read) goes unchanged to the main thread's own server on 127.0.0.1,
 * which answers it as it would without this thread.
 */

if (parentPort === null) throw new Error('acceptor-thread.ts runs as a worker thread (see acceptor.ts)');
const port = parentPort;
const settings: AcceptorSettings = acceptorSettingsSchema.parse(workerData);

function tell(message: AcceptorMessage): void {
  port.postMessage(message);
}
function log(level: 'info' | 'warn' | 'error', fields: Record<string, unknown>, message: string): void {
  tell({ type: 'log', level, fields, message });
}

/** The acceptor's own connection, with only what the delivery insert needs. */
function openDatabase(database: AcceptorSettings['database']): {
  runner: RawQueryRunner;
  close(): Promise<void>;
} {
  if (database.provider === 'sqlite') {
    const sqlite = new Database(database.filePath);
    // The main thread writes too: wait for its transactions instead of failing (SQLITE_BUSY).
    sqlite.pragma('busy_timeout = 5000');
    // As the app's connection (src/db/sqlite-pragmas.ts): a commit survives the process, not a power loss.
    sqlite.pragma('synchronous = NORMAL');
    // Checkpoints (copying the log into the file, with an fsync) stay with the main thread's
    // connection: an acknowledgement never waits for one.
    sqlite.pragma('wal_autocheckpoint = 0');
    const statements = new Map<string, Database.Statement>();
    return {
      runner: {
        async $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> {
          let statement = statements.get(sql);
          if (statement === undefined) {
            statement = sqlite.prepare(sql);
            // One statement per batch size; a burst's odd sizes are not worth keeping.
            if (statements.size < 32) statements.set(sql, statement);
          }
          return statement.all(...values) as T;
        },
      },
      close: async () => {
        sqlite.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: database.connectionString, max: 4 });
  const schema = `"${database.schema.replaceAll('"', '""')}"`;
  pool.on('connect', (client) => {
    // Queued ahead of the client's first query.
    void client.query(`SET search_path TO ${schema}`);
  });
  pool.on('error', (error) =>
    log('warn', { reason: error.message }, 'acceptor: idle database connection lost'),
  );
  return {
    runner: {
      async $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> {
        return (await pool.query(sql, values)).rows as T;
      },
    },
    close: () => pool.end(),
  };
}

const database = openDatabase(settings.database);
const credits = new Int32Array(settings.runCredits);
/** Slots of `credits`: deliveries the main thread runs at once; clicks it is handed at once. */
const RUN = 0;
const CLICK = 1;
/** Set by `listen`. */
let upstreamPort = 0;

/** Takes one credit of `slot`; false when none is left. */
function takeCredit(slot: number): boolean {
  for (;;) {
    const left = Atomics.load(credits, slot);
    if (left <= 0) return false;
    if (Atomics.compareExchange(credits, slot, left, left - 1) === left) return true;
  }
}
function giveBackRunCredit(): void {
  Atomics.add(credits, RUN, 1);
}

/** Clicks not handed over because the main thread had enough waiting: counted, logged once a second. */
let shedClicks = 0;
function shedClick(): void {
  shedClicks += 1;
  if (shedClicks > 1) return;
  setTimeout(() => {
    log(
      'warn',
      { clicks: shedClicks },
      'clicks that open a form acknowledged but not run: the main thread is behind (the member clicks again)',
    );
    shedClicks = 0;
  }, 1_000).unref();
}
const provider = settings.database.provider;

/** Rows of one turn, written with one INSERT (as the main thread's `accept` batches them). */
const writeJob = createBatchedJobInsert(database.runner, provider);

/** Tells the main thread, once per turn, that waiting jobs were written. */
let wakeScheduled = false;
function wakeMainThread(): void {
  if (wakeScheduled) return;
  wakeScheduled = true;
  setImmediate(() => {
    wakeScheduled = false;
    tell({ type: 'written' });
  });
}

const upstream = new Agent({ keepAlive: true, maxSockets: 64 });
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

/** Hands a request to the main thread's server as it came (its body already read, or still to stream). */
function forward(req: IncomingMessage, res: ServerResponse, body?: Buffer): void {
  const headers = { ...req.headers };
  delete headers.connection;
  const outgoing = request(
    {
      host: '127.0.0.1',
      port: upstreamPort,
      method: req.method,
      path: req.url,
      headers,
      agent: upstream,
    },
    (answer) => {
      const kept = Object.fromEntries(
        Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())),
      );
      res.writeHead(answer.statusCode ?? 502, kept);
      answer.pipe(res);
    },
  );
  outgoing.on('error', (error) => {
    log('warn', { reason: error.message, path: req.url }, 'acceptor: the main thread did not answer');
    if (!res.headersSent) {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"error":"unavailable"}');
    } else res.destroy();
  });
  if (body !== undefined) outgoing.end(body);
  else req.pipe(outgoing);
}

function answerEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-length': '0' });
  res.end();
}

let serving = true;

/** The body, or null once the request was answered 413 (too large). */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > settings.bodyLimitBytes) {
        refused = true;
        log('warn', { limit: settings.bodyLimitBytes }, 'Slack request refused: body too large');
        res.once('finish', () =>
          tell({ type: 'answered', kind: 'unknown', outcome: 'too_large', seconds: 0 }),
        );
        res.writeHead(413, { connection: 'close', 'content-length': '0' });
        res.end();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/**
 * POST /slack/events: a delivery written and acknowledged here, a click that only opens a form
 * acknowledged and handed to the main thread, anything else forwarded to the main thread.
 */
async function slackRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!serving) {
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end('{"error":"shutting down"}');
    return;
  }
  const arrived = performance.now();
  const raw = await readBody(req, res);
  if (raw === null) return;
  const text = raw.toString();
  const contentType = req.headers['content-type'];
  // The main thread refuses what is not Slack's, and logs it: one place for those answers.
  if (signatureProblem(settings.signingSecret, req.headers, text) !== null) return forward(req, res, raw);
  let body: Record<string, unknown>;
  try {
    const parsed = parseSlackBody(text, contentType);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return forward(req, res, raw);
    body = parsed as Record<string, unknown>;
  } catch {
    return forward(req, res, raw);
  }
  if (body.type === 'url_verification' || needsListenerAnswer(body) || envelopeProblem(body) !== null)
    return forward(req, res, raw);

  const kind = requestKind(body);
  const answered = (outcome: Extract<AcceptorMessage, { type: 'answered' }>['outcome']) =>
    res.once('finish', () =>
      tell({ type: 'answered', kind, outcome, seconds: (performance.now() - arrived) / 1000 }),
    );
  const retry = slackRetryOf(req.headers);
  const job = deliveryJob({ body, raw: text, contentType }, retry);
  if (job === null) {
    answered('acknowledged');
    answerEmpty(res, 200);
    // Held clicks cost the main thread's memory and would open their forms too late: past its
    // slots a click is acknowledged and left (nothing changes; the member sees no form and clicks again).
    if (takeCredit(CLICK))
      tell({ type: 'click', body, requestId: randomUUID(), arrivedAt: Date.now(), ...retry });
    else shedClick();
    return;
  }
  const runHere = takeCredit(RUN);
  const now = new Date();
  const row: NewJobRow = {
    kind: job.kind,
    key: storedJobKey(job.key),
    payloadJson: JSON.stringify(job.payload),
    runAfter: now,
    ...(runHere
      ? {
          state: 'running',
          attempts: 1,
          holder: settings.holder,
          leaseUntil: new Date(now.getTime() + settings.leaseMs),
        }
      : { state: 'pending', attempts: 0, holder: null, leaseUntil: null }),
  };
  let id: string | null;
  try {
    id = await writeJob(row);
  } catch (error) {
    if (runHere) giveBackRunCredit();
    // Not recorded, so not acknowledged: Slack re-delivers an event and shows a member their click failed.
    log(
      'warn',
      { reason: (error as Error).message, requestType: body.type },
      'delivery not recorded: not acknowledged',
    );
    answered('not_recorded');
    answerEmpty(res, 503);
    return;
  }
  if (id !== null && !runHere) wakeMainThread();
  if (runHere) {
    if (id !== null) tell({ type: 'run', id, key: row.key, kind: row.kind, payload: job.payload });
    else giveBackRunCredit();
  }
  const written = id !== null;
  if (!written)
    log('info', { requestType: body.type, eventId: body.event_id, ...retry }, 'repeated delivery ignored');
  answered(written ? 'acknowledged' : 'repeat');
  answerEmpty(res, 200);
}

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'POST' && path === '/slack/events') {
    slackRequest(req, res).catch((error: unknown) => {
      log('error', { reason: (error as Error).message }, 'acceptor: Slack request failed');
      if (!res.headersSent) answerEmpty(res, 500);
    });
    return;
  }
  forward(req, res);
});

port.on('message', (value: unknown) => {
  const message = mainMessageSchema.parse(value);
  switch (message.type) {
    case 'listen':
      upstreamPort = message.upstreamPort;
      server.listen(message.port, () => {
        const address = server.address();
        tell({
          type: 'listening',
          port: typeof address === 'object' && address !== null ? address.port : message.port,
        });
      });
      return;
    case 'stopping':
      serving = false;
      return;
    case 'close':
      if (!server.listening) {
        void database.close().finally(() => tell({ type: 'closed' }));
        return;
      }
      server.close(() => {
        upstream.destroy();
        void database.close().finally(() => tell({ type: 'closed' }));
      });
      server.closeIdleConnections();
      return;
  }
});
