/**
 * A local stand-in for the Slack Web API: a real HTTP server that records every call and answers
 * like Slack does. Point the app's SLACK_API_URL at `url`. Plain JS so the benchmark (Node without a
 * TypeScript loader) runs the same fake as the tests; under load it can count calls without keeping
 * them (`recordCalls: false`). Types: ./fake-slack-api.d.mts.
 *
 * Every message, unfurl and view it receives is checked as Slack checks it (./block-kit-rules.mjs) and
 * refused the way Slack refuses it (`invalid_blocks`, `invalid_arguments`…); refused calls are kept for
 * `takeRejections`, which the Slack suites check after each test. The check runs only on bodies the
 * fake parses anyway, so the benchmark's unparsed fast path stays as fast.
 */
import { createServer } from 'node:http';
import { isCheckedMethod, slackRejection } from './block-kit-rules.mjs';

export const FAKE_TEAM_ID = 'T0VOUCH01';
export const FAKE_BOT_USER_ID = 'U0VOUCHBOT';
export const FAKE_BOT_ID = 'B0VOUCHBOT';

/**
 * Methods whose default answer does not read the arguments: when calls are not recorded and nobody
 * waits for them, their bodies are not parsed (the bulk of the benchmark's traffic).
 */
const ARGLESS_DEFAULTS = new Set([
  'response_url',
  'auth.test',
  'chat.postEphemeral',
  'chat.unfurl',
  'conversations.members',
  'conversations.history',
  'conversations.replies',
]);

/** A default answer's refusal, sent as `{ ok: false, error: code }`, as Slack answers. */
class SlackRefusal extends Error {
  /** @param {string} code */
  constructor(code) {
    super(code);
    this.code = code;
  }
}

/** @param {string} code */
function slackRefusal(code) {
  return new SlackRefusal(code);
}

/** @param {string} value */
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

/** @param {import('node:http').IncomingMessage} req */
async function readBytes(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** @param {import('node:http').IncomingMessage} req */
async function readBody(req) {
  return (await readBytes(req)).toString('utf8');
}

/**
 * The file in an upload to an upload_url: the Web API client sends it as multipart/form-data (one
 * file part), or as the raw body.
 * @param {Buffer} body
 * @param {string | undefined} contentType
 * @returns {Promise<Buffer>}
 */
async function uploadedBytes(body, contentType) {
  if (!contentType?.startsWith('multipart/form-data')) return body;
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  for (const [, value] of form) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  return Buffer.alloc(0);
}

/**
 * @param {string} body
 * @param {string | undefined} contentType
 * @returns {Record<string, unknown>}
 */
function parseArgs(body, contentType) {
  if (body.length === 0) return {};
  if (contentType?.includes('application/json')) return JSON.parse(body);
  /** @type {Record<string, unknown>} */
  const args = {};
  for (const [key, value] of new URLSearchParams(body)) args[key] = decodeValue(value);
  return args;
}

/** @param {import('./fake-slack-api.d.mts').FakeSlackApiOptions} [options] */
export async function startFakeSlackApi(options = {}) {
  const { recordCalls = true, keepAliveTimeoutMs, validateBlocks = true } = options;
  /** @typedef {import('./fake-slack-api.d.mts').RecordedCall} RecordedCall */
  /** @typedef {import('./fake-slack-api.d.mts').Failure} Failure */
  /** @typedef {import('./fake-slack-api.d.mts').Responder} Responder */
  /** @type {RecordedCall[]} */
  let calls = [];
  /** @type {Map<string, Failure[]>} */
  let failures = new Map();
  /** @type {Map<string, Responder>} */
  let responders = new Map();
  /** @type {Array<{ method: string; predicate: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }>} */
  let waiters = [];
  /** @type {Map<string, import('./fake-slack-api.d.mts').FakeUser>} */
  const users = new Map();
  /** @type {Map<string, number>} */
  const counts = new Map();
  /** @type {Map<string, import('./fake-slack-api.d.mts').UploadedFile>} */
  let files = new Map();
  /** @type {Map<string, import('./fake-slack-api.d.mts').MemberFile>} files members uploaded (`addFile`) */
  let memberFiles = new Map();
  /** @type {Map<string, Array<Record<string, unknown>>>} messages chat.postMessage put in each channel */
  let history = new Map();
  /** @type {Map<string, number>} how long each method's answers are held back */
  let holds = new Map();
  /** @type {RecordedCall[]} calls refused as Slack would refuse them, until taken */
  let rejections = [];
  let port = 0;
  let total = 0;
  let rejectedTotal = 0;
  let lastCallAt = 0;
  let tsCounter = 0;
  /** @type {Map<string, import('./fake-slack-api.d.mts').FakeWorkspace>} workspaces "Add to Slack" can install into, by team id */
  const workspaces = new Map();
  /** @type {Map<string, import('./fake-slack-api.d.mts').FakeWorkspace>} bot tokens handed out by oauth.v2.access → their workspace */
  const tokens = new Map();
  /** @type {Map<string, { workspace: import('./fake-slack-api.d.mts').FakeWorkspace; redirectUri: string | undefined }>} authorization codes not yet exchanged */
  const codes = new Map();
  /** @type {import('./fake-slack-api.d.mts').OAuthApp} the app's credentials and redirect URL, as in its Slack settings */
  const oauthApp = { clientId: '', clientSecret: '', redirectUrl: '', appId: 'A0VOUCHAPP' };
  let installs = 0;
  const nextTs = () => {
    tsCounter += 1;
    return `${1_700_000_000 + tsCounter}.${String(tsCounter).padStart(6, '0')}`;
  };

  /** A message as history and replies show it: with its metadata only when the call asked for it. */
  const shownMessage = ({ metadata, ...rest }, args) => {
    const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
    return withMetadata && metadata ? { ...rest, metadata } : rest;
  };

  /** auth.test for SLACK_BOT_TOKEN and any token not handed out by oauth.v2.access: the one test team. */
  const testTeamAuth = () => ({
    url: 'https://vouch-test.slack.com/',
    team: 'Vouch Test',
    user: 'vouch',
    team_id: FAKE_TEAM_ID,
    user_id: FAKE_BOT_USER_ID,
    bot_id: FAKE_BOT_ID,
  });

  /** @type {Record<string, Responder>} */
  const defaults = {
    response_url: () => ({}),
    // A token "Add to Slack" handed out answers for its own workspace; any other as the one test team.
    'auth.test': (_args, call) => {
      const workspace = call.token !== undefined ? tokens.get(call.token) : undefined;
      if (workspace !== undefined)
        return {
          url: `https://${workspace.teamId.toLowerCase()}.slack.com/`,
          team: workspace.teamName,
          user: 'vouch',
          team_id: workspace.orgWide ? undefined : workspace.teamId,
          enterprise_id: workspace.enterpriseId,
          user_id: workspace.botUserId,
          bot_id: workspace.botId,
          ...(workspace.orgWide ? { is_enterprise_install: true } : {}),
        };
      return testTeamAuth();
    },
    // The code the authorize page gave, exchanged for the workspace's bot token, as Slack answers.
    'oauth.v2.access': (args) => {
      if (String(args.client_id ?? '') !== oauthApp.clientId) throw slackRefusal('invalid_client_id');
      if (String(args.client_secret ?? '') !== oauthApp.clientSecret) throw slackRefusal('bad_client_secret');
      const granted = codes.get(String(args.code ?? ''));
      if (granted === undefined) throw slackRefusal('invalid_code');
      codes.delete(String(args.code));
      const { workspace } = granted;
      if (
        granted.redirectUri !== undefined &&
        args.redirect_uri !== undefined &&
        args.redirect_uri !== granted.redirectUri
      )
        throw slackRefusal('bad_redirect_uri');
      installs += 1;
      const token = `xoxb-${workspace.teamId}-${installs}-${Math.random().toString(36).slice(2, 10)}`;
      tokens.set(token, workspace);
      workspace.tokens.push(token);
      return {
        app_id: oauthApp.appId,
        authed_user: { id: workspace.installerUserId },
        scope: workspace.scopes.join(','),
        token_type: 'bot',
        access_token: token,
        bot_user_id: workspace.botUserId,
        team: workspace.orgWide ? null : { id: workspace.teamId, name: workspace.teamName },
        enterprise:
          workspace.enterpriseId !== undefined
            ? { id: workspace.enterpriseId, name: workspace.enterpriseName ?? workspace.enterpriseId }
            : null,
        is_enterprise_install: workspace.orgWide === true,
      };
    },
    'chat.postMessage': (args) => {
      const ts = nextTs();
      const message = { ...args, ts, type: 'message', bot_id: FAKE_BOT_ID };
      if (recordCalls) {
        const channel = String(args.channel);
        history.set(channel, [...(history.get(channel) ?? []), message]);
      }
      return { channel: args.channel, ts, message };
    },
    'chat.postEphemeral': () => ({ message_ts: nextTs() }),
    'chat.update': (args) => ({ channel: args.channel, ts: args.ts, text: args.text }),
    // The message leaves the channel's history, as in Slack; one already gone is Slack's refusal.
    'chat.delete': (args) => {
      const channel = String(args.channel);
      const posted = history.get(channel) ?? [];
      if (recordCalls && !posted.some((m) => m.ts === String(args.ts)))
        throw slackRefusal('message_not_found');
      history.set(
        channel,
        posted.filter((m) => m.ts !== String(args.ts)),
      );
      return { channel: args.channel, ts: args.ts };
    },
    'chat.unfurl': () => ({}),
    'chat.getPermalink': (args) => ({
      channel: args.channel,
      permalink: `https://vouch-test.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
    }),
    'views.open': (args) => ({ view: { id: `V${nextTs().replace('.', '')}`, ...args.view } }),
    'views.push': (args) => ({ view: { id: `V${nextTs().replace('.', '')}`, ...args.view } }),
    'views.update': (args) => ({ view: { id: args.view_id ?? 'VUPDATED', ...args.view } }),
    'views.publish': (args) => ({ view: { id: `VHOME${String(args.user_id)}`, ...args.view } }),
    'conversations.open': (args) => {
      const members = String(args.users ?? args.user ?? '');
      return { channel: { id: `D${members.replace(/[^A-Z0-9]/g, '').slice(0, 12)}` } };
    },
    'conversations.info': (args) => ({
      channel: { id: args.channel, name: 'general', is_channel: true, is_member: true },
    }),
    'conversations.join': (args) => ({ channel: { id: args.channel } }),
    'conversations.members': () => ({ members: [], response_metadata: { next_cursor: '' } }),
    // What the bot posted in the channel, newest first, thread replies left out; metadata only when
    // asked for, as Slack does.
    'conversations.history': (args) => {
      const limit = Number(args.limit ?? 100);
      const posted = [...(history.get(String(args.channel)) ?? [])]
        .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts)
        .reverse()
        .slice(0, limit);
      return { messages: posted.map((m) => shownMessage(m, args)), has_more: false };
    },
    // What the bot posted in the thread `ts` of the channel, oldest first (the same rules as history).
    'conversations.replies': (args) => {
      const limit = Number(args.limit ?? 100);
      const posted = (history.get(String(args.channel)) ?? [])
        .filter((m) => m.ts === String(args.ts) || m.thread_ts === String(args.ts))
        .slice(0, limit);
      return { messages: posted.map((m) => shownMessage(m, args)), has_more: false };
    },
    // files.uploadV2, step 1: an upload URL on this fake for each file.
    'files.getUploadURLExternal': (args) => {
      const id = `F${nextTs().replace('.', '')}`;
      files.set(id, { id, filename: String(args.filename), length: Number(args.length), bytes: null });
      return { file_id: id, upload_url: `http://127.0.0.1:${port}/upload/${id}` };
    },
    // Step 3: the uploaded files are shared (in `channel_id`, with `initial_comment`).
    'files.completeUploadExternal': (args) => {
      const listed = /** @type {Array<{ id: string; title?: string }>} */ (
        Array.isArray(args.files) ? args.files : []
      );
      return {
        files: listed.map((file) => ({ id: file.id, title: file.title, name: files.get(file.id)?.filename })),
      };
    },
    // A file a member uploaded (`addFile`): its private download URL is served by this fake.
    'files.info': (args) => {
      const file = memberFiles.get(String(args.file));
      if (file === undefined) return { ok: false, error: 'file_not_found' };
      const path = `/files-pri/${FAKE_TEAM_ID}-${file.id}/${encodeURIComponent(file.name)}`;
      return {
        file: {
          id: file.id,
          name: file.name,
          title: file.name,
          mimetype: file.mimetype ?? 'application/pdf',
          size: file.bytes.length,
          url_private: `http://127.0.0.1:${port}${path}`,
          url_private_download: `http://127.0.0.1:${port}${path}?download=1`,
          permalink: `https://vouch-test.slack.com/files/U0OWNER/${file.id}/${encodeURIComponent(file.name)}`,
        },
      };
    },
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
          ...(user.isAdmin !== undefined ? { is_admin: user.isAdmin } : {}),
          ...(user.isOwner !== undefined ? { is_owner: user.isOwner } : {}),
          profile: {
            real_name: user.realName ?? `User ${id}`,
            display_name: user.name ?? '',
            // Present when the app has users:read.email and the member has one.
            ...(user.email !== undefined ? { email: user.email } : {}),
          },
        },
      };
    },
  };

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  const handle = async (req, res) => {
    const path = req.url ?? '';
    // Slack's authorize page (what "Add to Slack" opens): a workspace to pick and an Allow button.
    if (path.startsWith('/oauth/v2/authorize')) {
      authorizePage(req, res);
      return;
    }
    // files.uploadV2, step 2: the bytes, sent to the upload_url of step 1.
    const upload = /^\/upload\/([^/?]+)/.exec(path);
    if (upload !== null) {
      const file = files.get(decodeURIComponent(upload[1] ?? ''));
      const bytes = await uploadedBytes(await readBytes(req), req.headers['content-type']);
      if (file === undefined) {
        res.writeHead(404).end();
        return;
      }
      file.bytes = bytes;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`OK - ${bytes.length}`);
      return;
    }
    // A member's file, downloaded as Slack serves url_private: with a token, else its sign-in page.
    // Recorded as method "file_download" (with the token it was asked with).
    const download = /^\/files-pri\/[^-/]+-([^/?]+)\//.exec(path);
    if (download !== null) {
      const file = memberFiles.get(decodeURIComponent(download[1] ?? ''));
      const token = req.headers.authorization?.replace(/^Bearer /, '');
      if (recordCalls) calls.push({ method: 'file_download', args: { path }, token, at: performance.now() });
      if (file === undefined || !token) {
        res.writeHead(token ? 404 : 200, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
        return;
      }
      res.writeHead(200, { 'content-type': file.mimetype ?? 'application/pdf' });
      res.end(file.bytes);
      return;
    }
    // Anything outside /api/ is a response_url (see `responseUrl`): recorded as method "response_url".
    const method = path.startsWith('/api/') ? (path.slice(5).split('?')[0] ?? '') : 'response_url';
    const body = await readBody(req);
    const at = performance.now();
    total += 1;
    lastCallAt = at;
    counts.set(method, (counts.get(method) ?? 0) + 1);
    const responder = responders.get(method) ?? defaults[method];
    const waiting = waiters.some((w) => w.method === method);
    const needsArgs =
      recordCalls ||
      waiting ||
      failures.has(method) ||
      responders.has(method) ||
      !ARGLESS_DEFAULTS.has(method);
    /** @type {Record<string, unknown>} */
    let args = {};
    if (needsArgs) {
      try {
        args = parseArgs(body, req.headers['content-type']);
      } catch {
        res.writeHead(400).end();
        return;
      }
    }
    const authorization = req.headers.authorization;
    if (method === 'response_url') args.path = path;
    const failure = failures.get(method)?.shift();
    // Checked only when the body was parsed anyway (see ARGLESS_DEFAULTS), and not when a failure was
    // asked for: Slack answers that one whatever the arguments.
    const rejection =
      validateBlocks && needsArgs && failure === undefined && isCheckedMethod(method)
        ? slackRejection(method, args)
        : undefined;
    /** @type {RecordedCall} */
    const call = {
      method,
      args,
      token:
        authorization?.replace(/^Bearer /, '') ?? (typeof args.token === 'string' ? args.token : undefined),
      at,
      ...(failure !== undefined
        ? { failed: failure.kind === 'slack_error' ? failure.error : failure.kind }
        : {}),
      ...(rejection !== undefined ? { failed: rejection.error, rejected: rejection.messages } : {}),
    };
    if (recordCalls) calls.push(call);
    if (rejection !== undefined) {
      rejectedTotal += 1;
      if (recordCalls) rejections.push(call);
    }
    if (waiting) {
      for (const waiter of [...waiters]) {
        if (waiter.method === method && waiter.predicate(call)) {
          waiters = waiters.filter((w) => w !== waiter);
          waiter.resolve(call);
        }
      }
    }

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

    if (rejection !== undefined) {
      if (rejection.status !== 200) {
        // A response_url answers like an incoming webhook: the bare error code, HTTP 400.
        res.writeHead(rejection.status, { 'content-type': 'text/plain' });
        res.end(rejection.error);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ok: false,
          error: rejection.error,
          ...(rejection.messages.length > 0
            ? {
                errors: rejection.messages.map((m) => m.replace(/^\[ERROR\] /, '')),
                response_metadata: { messages: rejection.messages },
              }
            : {}),
        }),
      );
      return;
    }

    /** @type {Record<string, unknown>} */
    let answer;
    try {
      answer =
        responder !== undefined
          ? { ok: true, ...responder(args, call) }
          : { ok: false, error: 'unknown_method' };
    } catch (error) {
      if (!(error instanceof SlackRefusal)) throw error;
      answer = { ok: false, error: error.code };
      call.failed = error.code;
    }
    // Not enumerable: a test that searches the calls (JSON) looks at what the app sent, not at what
    // the fake answered (users.info carries e-mails the app must never pass on).
    Object.defineProperty(call, 'answer', { value: answer, enumerable: false });
    // Done on Slack's side, the answer still on its way (a slow network, or a caller about to die).
    const hold = holds.get(method);
    if (hold !== undefined) await new Promise((resolve) => setTimeout(resolve, hold));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  };

  /**
   * GET /oauth/v2/authorize?client_id&scope&state[&redirect_uri]: the page; GET …/allow?team&…: the
   * member allowed, redirected to the app's redirect URL with a one-time code and the state.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function authorizePage(req, res) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = url.searchParams;
    const html = (/** @type {number} */ status, /** @type {string} */ body) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><title>Slack</title></head><body>${body}</body></html>`);
    };
    const escapeHtml = (/** @type {string} */ text) =>
      text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
    if (query.get('client_id') !== oauthApp.clientId)
      return html(400, '<h1>Invalid client_id parameter</h1>');
    const redirectUri = query.get('redirect_uri') ?? undefined;
    const target = redirectUri ?? oauthApp.redirectUrl;
    if (!target) return html(400, '<h1>No redirect URL set for this app</h1>');
    if (url.pathname.endsWith('/allow')) {
      const workspace = workspaces.get(query.get('team') ?? '');
      if (workspace === undefined) return html(400, '<h1>Unknown workspace</h1>');
      workspace.scopes = (query.get('scope') ?? '').split(',').filter(Boolean);
      const code = `code-${workspace.teamId}-${Math.random().toString(36).slice(2, 10)}`;
      codes.set(code, { workspace, redirectUri });
      const back = new URL(target);
      back.searchParams.set('code', code);
      back.searchParams.set('state', query.get('state') ?? '');
      res.writeHead(302, { location: back.href });
      res.end();
      return;
    }
    const options = [...workspaces.values()]
      .map(
        (w) =>
          `<option value="${escapeHtml(w.teamId)}">${escapeHtml(w.orgWide ? `${w.enterpriseName ?? w.enterpriseId} (organisation)` : w.teamName)}</option>`,
      )
      .join('');
    const hidden = [...query.entries()]
      .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
      .join('');
    html(
      200,
      `<h1>Vouch is requesting permission to access a Slack workspace</h1>
<p>Scopes: ${escapeHtml(query.get('scope') ?? '')}</p>
<form method="get" action="/oauth/v2/authorize/allow">${hidden}
<label>Workspace <select name="team">${options}</select></label>
<button type="submit">Allow</button></form>`,
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  if (keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = keepAliveTimeoutMs;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    responseUrl: (/** @type {string} */ id) => `http://127.0.0.1:${port}/response/${encodeURIComponent(id)}`,
    calls: (/** @type {string | undefined} */ method) =>
      method === undefined ? [...calls] : calls.filter((c) => c.method === method),
    stats: () => ({ total, lastCallAt, byMethod: Object.fromEntries(counts), rejected: rejectedTotal }),
    /**
     * @param {string} method
     * @param {(call: RecordedCall) => boolean} [predicate]
     * @returns {Promise<RecordedCall>}
     */
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
        /** @param {RecordedCall} call */
        const done = (call) => {
          clearTimeout(timer);
          resolve(call);
        };
        waiters.push({ method, predicate, resolve: done });
      });
    },
    fail(/** @type {string} */ method, /** @type {Failure} */ failure, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(failure);
      failures.set(method, queue);
    },
    respond(/** @type {string} */ method, /** @type {Responder} */ responder) {
      responders.set(method, responder);
    },
    hold(/** @type {string} */ method, /** @type {number} */ ms) {
      if (ms > 0) holds.set(method, ms);
      else holds.delete(method);
    },
    uploads: () => [...files.values()].filter((file) => file.bytes !== null),
    takeRejections() {
      const taken = rejections;
      rejections = [];
      return taken;
    },
    addFile(/** @type {import('./fake-slack-api.d.mts').MemberFile} */ file) {
      memberFiles.set(file.id, file);
    },
    addUser(/** @type {import('./fake-slack-api.d.mts').FakeUser} */ user) {
      users.set(user.id, user);
    },
    oauthApp,
    addWorkspace(/** @type {import('./fake-slack-api.d.mts').NewFakeWorkspace} */ spec) {
      const known = workspaces.get(spec.teamId);
      if (known !== undefined) return known;
      const suffix = spec.teamId.replace(/[^A-Z0-9]/g, '').slice(-6);
      /** @type {import('./fake-slack-api.d.mts').FakeWorkspace} */
      const workspace = {
        teamName: spec.teamId,
        botUserId: `U0BOT${suffix}`,
        botId: `B0BOT${suffix}`,
        installerUserId: `U0ADMIN${suffix}`,
        ...spec,
        scopes: [],
        tokens: [],
      };
      workspaces.set(workspace.teamId, workspace);
      return workspace;
    },
    workspaceOfToken: (/** @type {string | undefined} */ token) =>
      token === undefined ? undefined : tokens.get(token),
    reset() {
      calls = [];
      failures = new Map();
      responders = new Map();
      waiters = [];
      files = new Map();
      memberFiles = new Map();
      history = new Map();
      holds = new Map();
      rejections = [];
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}
