import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call the bot made, with its arguments parsed (JSON-looking form fields decoded). */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  at: number;
}

export type Failure =
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'server_error'; status?: number }
  | { kind: 'slack_error'; error: string };

type Responder = (args: Record<string, unknown>, call: RecordedCall) => Record<string, unknown>;

/**
 * A local stand-in for the Slack Web API: a real HTTP server that records every call and answers
 * like Slack does. Point the app's SLACK_API_URL at `url`.
 */
export interface FakeSlackApi {
  url: string;
  /** A response_url that lands on this fake (recorded as method "response_url", with `path` in args). */
  responseUrl(id: string): string;
  calls(method?: string): RecordedCall[];
  /** Resolves with the first call (already made or future) of `method` that matches `predicate`. */
  waitFor(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /** Makes the next `times` calls of `method` fail this way. */
  fail(method: string, failure: Failure, times?: number): void;
  /** Overrides the answer of `method`. */
  respond(method: string, responder: Responder): void;
  /** Users that users.info knows (id → profile fields). */
  addUser(user: { id: string; name?: string; realName?: string; isBot?: boolean; teamId?: string }): void;
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_TEAM_ID = 'T0VOUCH01';
export const FAKE_BOT_USER_ID = 'U0VOUCHBOT';
export const FAKE_BOT_ID = 'B0VOUCHBOT';

function decodeValue(value: string): unknown {
  const first = value.trimStart()[0];
  if (first === '[' || first === '{') {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (body.length === 0) return {};
  if (contentType?.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) args[key] = decodeValue(value);
  return args;
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  let calls: RecordedCall[] = [];
  let failures = new Map<string, Array<Failure>>();
  let responders = new Map<string, Responder>();
  let waiters: Array<{
    method: string;
    predicate: (call: RecordedCall) => boolean;
    resolve: (c: RecordedCall) => void;
  }> = [];
  const users = new Map<
    string,
    { id: string; name?: string; realName?: string; isBot?: boolean; teamId?: string }
  >();
  let tsCounter = 0;
  const nextTs = () => {
    tsCounter += 1;
    return `${1_700_000_000 + tsCounter}.${String(tsCounter).padStart(6, '0')}`;
  };

  const defaults: Record<string, Responder> = {
    response_url: () => ({}),
    'auth.test': () => ({
      url: 'https://vouch-test.slack.com/',
      team: 'Vouch Test',
      user: 'vouch',
      team_id: FAKE_TEAM_ID,
      user_id: FAKE_BOT_USER_ID,
      bot_id: FAKE_BOT_ID,
    }),
    'chat.postMessage': (args) => {
      const ts = nextTs();
      return { channel: args.channel, ts, message: { ...args, ts, type: 'message', bot_id: FAKE_BOT_ID } };
    },
    'chat.postEphemeral': () => ({ message_ts: nextTs() }),
    'chat.update': (args) => ({ channel: args.channel, ts: args.ts, text: args.text }),
    'chat.delete': (args) => ({ channel: args.channel, ts: args.ts }),
    'chat.unfurl': () => ({}),
    'chat.getPermalink': (args) => ({
      channel: args.channel,
      permalink: `https://vouch-test.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
    }),
    'views.open': (args) => ({ view: { id: `V${nextTs().replace('.', '')}`, ...(args.view as object) } }),
    'views.push': (args) => ({ view: { id: `V${nextTs().replace('.', '')}`, ...(args.view as object) } }),
    'views.update': (args) => ({ view: { id: args.view_id ?? 'VUPDATED', ...(args.view as object) } }),
    'views.publish': (args) => ({ view: { id: `VHOME${String(args.user_id)}`, ...(args.view as object) } }),
    'conversations.open': (args) => {
      const users = String(args.users ?? args.user ?? '');
      return { channel: { id: `D${users.replace(/[^A-Z0-9]/g, '').slice(0, 12)}` } };
    },
    'conversations.info': (args) => ({
      channel: { id: args.channel, name: 'general', is_channel: true, is_member: true },
    }),
    'conversations.join': (args) => ({ channel: { id: args.channel } }),
    'conversations.members': () => ({ members: [], response_metadata: { next_cursor: '' } }),
    'conversations.history': () => ({ messages: [], has_more: false }),
    'conversations.replies': () => ({ messages: [], has_more: false }),
    'users.info': (args) => {
      const id = String(args.user);
      const user = users.get(id) ?? { id };
      return {
        user: {
          id,
          team_id: user.teamId ?? FAKE_TEAM_ID,
          name: user.name ?? id.toLowerCase(),
          real_name: user.realName ?? `User ${id}`,
          is_bot: user.isBot ?? false,
          profile: { real_name: user.realName ?? `User ${id}`, display_name: user.name ?? '' },
        },
      };
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '';
    // Anything outside /api/ is a response_url (see `responseUrl`): recorded as method "response_url".
    const method = path.startsWith('/api/') ? (path.slice(5).split('?')[0] ?? '') : 'response_url';
    const body = await readBody(req);
    let args: Record<string, unknown>;
    try {
      args = parseArgs(body, req.headers['content-type']);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const authorization = req.headers.authorization;
    if (method === 'response_url') args.path = path;
    const call: RecordedCall = {
      method,
      args,
      token:
        authorization?.replace(/^Bearer /, '') ?? (typeof args.token === 'string' ? args.token : undefined),
      at: Date.now(),
    };
    calls.push(call);
    for (const waiter of [...waiters]) {
      if (waiter.method === method && waiter.predicate(call)) {
        waiters = waiters.filter((w) => w !== waiter);
        waiter.resolve(call);
      }
    }

    const queued = failures.get(method);
    const failure = queued?.shift();
    if (failure !== undefined) {
      if (failure.kind === 'rate_limited') {
        res.writeHead(429, {
          'retry-after': String(failure.retryAfterSeconds),
          'content-type': 'application/json',
        });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      } else if (failure.kind === 'server_error') {
        res.writeHead(failure.status ?? 500, { 'content-type': 'text/plain' });
        res.end('Internal Server Error');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: failure.error }));
      }
      return;
    }

    const responder = responders.get(method) ?? defaults[method];
    const answer =
      responder !== undefined
        ? { ok: true, ...responder(args, call) }
        : { ok: false, error: 'unknown_method' };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    responseUrl: (id) => `http://127.0.0.1:${port}/response/${encodeURIComponent(id)}`,
    calls: (method) => (method === undefined ? [...calls] : calls.filter((c) => c.method === method)),
    waitFor(method, predicate = () => true, timeoutMs = 5_000) {
      const existing = calls.find((c) => c.method === method && predicate(c));
      if (existing !== undefined) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w.resolve !== done);
          const seen = calls.map((c) => c.method).join(', ') || 'none';
          reject(
            new Error(
              `fake Slack API: no matching ${method} call within ${timeoutMs} ms (calls seen: ${seen})`,
            ),
          );
        }, timeoutMs);
        const done = (call: RecordedCall) => {
          clearTimeout(timer);
          resolve(call);
        };
        waiters.push({ method, predicate, resolve: done });
      });
    },
    fail(method, failure, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(failure);
      failures.set(method, queue);
    },
    respond(method, responder) {
      responders.set(method, responder);
    },
    addUser(user) {
      users.set(user.id, user);
    },
    reset() {
      calls = [];
      failures = new Map();
      responders = new Map();
      waiters = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
