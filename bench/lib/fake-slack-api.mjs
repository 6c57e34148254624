// A local stand-in for the Slack Web API for the benchmark: a real HTTP server on 127.0.0.1 that
// answers like Slack and records what the bot called. Adapted from test/helpers/fake-slack-api.ts,
// trimmed to what the bench needs and cheap under load: every call is counted, but its arguments are
// only parsed when someone waits for that method (link → card) or it needs an answer built from them.
import { createServer } from 'node:http';

export const FAKE_TEAM_ID = 'T0VOUCH01';
const BOT_USER_ID = 'U0VOUCHBOT';
const BOT_ID = 'B0VOUCHBOT';

function decodeValue(value) {
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

function parseArgs(body, contentType) {
  if (body.length === 0) return {};
  if (contentType?.includes('application/json')) return JSON.parse(body);
  const args = {};
  for (const [key, value] of new URLSearchParams(body)) args[key] = decodeValue(value);
  return args;
}

export async function startFakeSlackApi() {
  const counts = new Map();
  let total = 0;
  let lastCallAt = 0;
  let waiters = [];
  let ts = 0;
  const nextTs = () => {
    ts += 1;
    return `${1_700_000_000 + ts}.${String(ts).padStart(6, '0')}`;
  };

  /** Answers that need the arguments; everything else is `{ ok: true }` plus a fixed shape. */
  const answers = {
    'auth.test': () => ({
      url: 'https://vouch-bench.slack.com/',
      team: 'Vouch Bench',
      user: 'vouch',
      team_id: FAKE_TEAM_ID,
      user_id: BOT_USER_ID,
      bot_id: BOT_ID,
    }),
    'chat.postMessage': (args) => {
      const at = nextTs();
      return { channel: args.channel, ts: at, message: { ts: at, type: 'message', bot_id: BOT_ID } };
    },
    'chat.postEphemeral': () => ({ message_ts: nextTs() }),
    'chat.update': (args) => ({ channel: args.channel, ts: args.ts }),
    'chat.getPermalink': (args) => ({
      channel: args.channel,
      permalink: `https://vouch-bench.slack.com/archives/${args.channel}/p${String(args.message_ts).replace('.', '')}`,
    }),
    'views.open': () => ({ view: { id: `V${nextTs().replace('.', '')}` } }),
    'views.push': () => ({ view: { id: `V${nextTs().replace('.', '')}` } }),
    'views.update': (args) => ({ view: { id: args.view_id ?? 'VUPDATED' } }),
    'views.publish': (args) => ({ view: { id: `VHOME${args.user_id}` } }),
    'conversations.open': (args) => ({
      channel: {
        id: `D${String(args.users ?? args.user ?? '')
          .replace(/[^A-Z0-9]/g, '')
          .slice(0, 12)}`,
      },
    }),
    'conversations.info': (args) => ({
      channel: { id: args.channel, name: 'general', is_channel: true, is_member: true },
    }),
    'conversations.join': (args) => ({ channel: { id: args.channel } }),
    'conversations.members': () => ({ members: [], response_metadata: { next_cursor: '' } }),
    'conversations.history': () => ({ messages: [], has_more: false }),
    'conversations.replies': () => ({ messages: [], has_more: false }),
    'users.info': (args) => {
      const id = String(args.user);
      return {
        user: {
          id,
          team_id: FAKE_TEAM_ID,
          name: id.toLowerCase(),
          real_name: `User ${id}`,
          is_bot: false,
          profile: { real_name: `User ${id}`, display_name: '' },
        },
      };
    },
  };
  const plain = new Set(['chat.unfurl', 'chat.delete', 'response_url']);

  const server = createServer((req, res) => {
    const path = req.url ?? '';
    const method = path.startsWith('/api/') ? (path.slice(5).split('?')[0] ?? '') : 'response_url';
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      total += 1;
      lastCallAt = at;
      counts.set(method, (counts.get(method) ?? 0) + 1);
      const answer = answers[method];
      const waiting = waiters.some((w) => w.method === method);
      let args = {};
      if (answer !== undefined || waiting) {
        try {
          args = parseArgs(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
        } catch {
          res.writeHead(400).end();
          return;
        }
      }
      if (waiting) {
        const call = { method, args, at };
        for (const waiter of waiters) {
          if (waiter.method === method && waiter.predicate(call)) waiter.resolve(call);
        }
        waiters = waiters.filter((w) => !w.done);
      }
      const body =
        answer !== undefined
          ? { ok: true, ...answer(args) }
          : plain.has(method)
            ? { ok: true }
            : { ok: false, error: 'unknown_method' };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();

  return {
    url: `http://127.0.0.1:${port}/api/`,
    responseUrl: (id) => `http://127.0.0.1:${port}/response/${encodeURIComponent(id)}`,
    /** Calls so far, per method and in total, and performance.now() of the last one. */
    stats: () => ({ total, lastCallAt, byMethod: Object.fromEntries(counts) }),
    /**
     * Resolves with the next call of `method` matching `predicate`, with `at` = performance.now() when
     * its request had fully arrived; rejects after `timeoutMs`.
     */
    waitFor(method, predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const waiter = { method, predicate, done: false, resolve: undefined };
        const timer = setTimeout(() => {
          waiter.done = true;
          waiters = waiters.filter((w) => w !== waiter);
          reject(new Error(`fake Slack API: no matching ${method} call within ${timeoutMs} ms`));
        }, timeoutMs);
        waiter.resolve = (call) => {
          waiter.done = true;
          clearTimeout(timer);
          resolve(call);
        };
        waiters.push(waiter);
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
