import {
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface WebApiFetchOptions {
  /** Whole request, connect to last byte; the call fails after it (the Web API client retries). */
  timeoutMs: number;
  /** Open connections per host, kept alive between calls. */
  maxSockets?: number;
  /** Told of every call: its Web API method (or `response_url`), what Slack said, how long it took. */
  observe?: (method: string, outcome: string, seconds: number) => void;
}

/** The Web API method of a call (`chat.postMessage`), `response_url` for an answer to one, else `other`. */
export function webApiMethod(url: URL): string {
  const at = url.pathname.lastIndexOf('/api/');
  if (at >= 0) return url.pathname.slice(at + 5);
  return /\/(actions|commands|response_url)\//.test(url.pathname) ? 'response_url' : 'other';
}

/**
 * What Slack said: `ok`, the error code of an `{ok: false}` answer, `rate_limited` (429), `http_5xx`.
 * Slack's JSON starts with its `ok` field, so only a refusal's (small) body is parsed.
 */
export function webApiOutcome(status: number, bytes: Buffer): string {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'http_5xx';
  if (status < 200 || status >= 300) return `http_${status}`;
  if (!bytes.subarray(0, 24).toString('latin1').replace(/\s/g, '').startsWith('{"ok":false')) return 'ok';
  try {
    const error = (JSON.parse(bytes.toString('utf8')) as { error?: unknown }).error;
    return typeof error === 'string' ? error : 'error';
  } catch {
    return 'error';
  }
}

/**
 * The `fetch` the Slack Web API client and Bolt's `respond()` call, on node:http with keep-alive
 * agents. Node's built-in fetch costs several times more CPU per call (web streams, an AbortSignal
 * and its timer per request): with a card refresh, a DM and a modal per click, that was a fifth of the
 * app's time under load (bench/findings.md). It implements what those two callers use: POST/GET with
 * a string, URLSearchParams or byte body; status, headers, text(), json(), arrayBuffer(); `signal`;
 * `redirect: 'error'`. Redirects are not followed (Slack's API and response_url do not redirect). Any
 * other body (file uploads' FormData or streams) goes to the built-in fetch.
 * What would let it go: a Web API client whose default transport keeps connections alive at that
 * cost (see README.md; bench/findings.md, round 3).
 */
export function createWebApiFetch(options: WebApiFetchOptions): typeof fetch {
  const maxSockets = options.maxSockets ?? 64;
  const agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets }),
    https: new HttpsAgent({ keepAlive: true, maxSockets }),
  };

  const observe = options.observe;
  const webApiFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const body = bodyBytes(init.body);
    if (input instanceof Request || body === unsupported) return fetch(input, init);
    const url = typeof input === 'string' ? new URL(input) : input;
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return Promise.reject(new TypeError(`fetch failed: unsupported protocol ${url.protocol}`));

    return new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? undefined;
      if (signal?.aborted) {
        reject(signal.reason ?? new DOMException('This operation was aborted', 'AbortError'));
        return;
      }
      const headers = plainHeaders(init.headers);
      if (body !== undefined) {
        headers['content-length'] = String(body.byteLength);
        if (headers['content-type'] === undefined && typeof init.body === 'string')
          headers['content-type'] = 'text/plain;charset=UTF-8';
        if (headers['content-type'] === undefined && init.body instanceof URLSearchParams)
          headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const started = performance.now();
      const seen = (outcome: string) =>
        observe?.(webApiMethod(url), outcome, (performance.now() - started) / 1000);
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        seen('network');
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        reject(error instanceof DOMException ? error : new TypeError('fetch failed', { cause: error }));
      };
      const req = send(
        url,
        {
          method: init.method ?? (body === undefined ? 'GET' : 'POST'),
          headers,
          agent: url.protocol === 'https:' ? agents.https : agents.http,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          if (init.redirect === 'error' && status >= 300 && status < 400) {
            res.resume();
            fail(new Error(`unexpected redirect (${status})`));
            return;
          }
          readAll(res).then((bytes) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            if (observe !== undefined) seen(webApiOutcome(res.statusCode ?? 0, bytes));
            resolve(toResponse(url.href, res, bytes));
          }, fail);
        },
      );
      const timer = setTimeout(() => {
        req.destroy(new Error(`no complete response within ${options.timeoutMs} ms`));
      }, options.timeoutMs);
      const onAbort = () => {
        req.destroy();
        fail(signal?.reason ?? new DOMException('This operation was aborted', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', fail);
      req.end(body);
    });
  };
  return webApiFetch as typeof fetch;
}

const unsupported = Symbol('unsupported body');

function bodyBytes(body: RequestInit['body']): Buffer | undefined | typeof unsupported {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof URLSearchParams) return Buffer.from(body.toString());
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  return unsupported;
}

function plainHeaders(init: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (init === undefined) return out;
  const pairs: Iterable<[string, string]> =
    init instanceof Headers || Array.isArray(init)
      ? (init as Iterable<[string, string]>)
      : Object.entries(init as Record<string, string>);
  for (const [name, value] of pairs) if (value !== undefined) out[name.toLowerCase()] = String(value);
  return out;
}

function readAll(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    res.on('error', reject);
    res.on('aborted', () => reject(new Error('response aborted')));
  });
}

/** The parts of a fetch Response that the Web API client and `respond()` read. */
function toResponse(url: string, res: IncomingMessage, bytes: Buffer): Response {
  const status = res.statusCode ?? 0;
  const headers = headersOf(res.headers);
  let used = false;
  const consume = () => {
    if (used) throw new TypeError('Body is unusable: Body has already been read');
    used = true;
    return bytes;
  };
  const response = {
    ok: status >= 200 && status < 300,
    status,
    statusText: res.statusMessage ?? '',
    url,
    redirected: false,
    type: 'basic',
    headers,
    get bodyUsed() {
      return used;
    },
    text: async () => consume().toString('utf8'),
    json: async () => JSON.parse(consume().toString('utf8')) as unknown,
    arrayBuffer: async () => {
      const view = consume();
      return view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength);
    },
  };
  return response as unknown as Response;
}

function headersOf(raw: IncomingHttpHeaders): Headers {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    map.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const headers = {
    get: (name: string) => map.get(name.toLowerCase()) ?? null,
    has: (name: string) => map.has(name.toLowerCase()),
    entries: () => map.entries(),
    keys: () => map.keys(),
    values: () => map.values(),
    forEach: (fn: (value: string, key: string) => void) => {
      for (const [key, value] of map) fn(value, key);
    },
    [Symbol.iterator]: () => map.entries(),
  };
  return headers as unknown as Headers;
}
