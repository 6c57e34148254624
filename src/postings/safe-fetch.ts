import { lookup as dnsLookup } from 'node:dns/promises';
import {
  type ClientRequest,
  request as httpRequest,
  type IncomingMessage,
  type RequestOptions,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { rootCertificates } from 'node:tls';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { z } from 'zod';
import { classifyAddress } from './address-policy.js';
import { FetchError, type FetchedResource, type FetchOptions, type SafeFetch } from './fetched-resource.js';

/** One address a host name resolves to, as `dns.promises.lookup(host, { all: true })` returns it. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has. Injectable so tests can play DNS. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

/** The slice of a pino logger safe-fetch uses. */
export interface SafeFetchLogger {
  debug(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface SafeFetchOptions {
  /**
   * Host names or IP literals (FETCH_ALLOW_PRIVATE_HOSTS) that may resolve to private addresses
   * and use any port: exact, case-insensitive matches of the URL's host.
   */
  allowPrivateHosts: readonly string[];
  /** Sent as User-Agent on every request: say who we are, e.g. "VouchBot/0.1 (+https://…)". */
  userAgent: string;
  /** Until the connection (TLS included) is up; default 2000. */
  connectTimeoutMs?: number;
  /** Whole fetch: DNS, every redirect hop and the body; default and maximum 5000. */
  totalTimeoutMs?: number;
  /** Body cap after decompression; default 3 MB. */
  maxBodyBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** PEM certificates trusted in addition to Node's bundled roots (e.g. a corporate CA). */
  extraCaCertificates?: readonly string[];
  resolve?: Resolver;
  logger?: SafeFetchLogger;
}

const DEFAULT_MAX_BODY_BYTES = 3 * 1024 * 1024;
const DEFAULT_ACCEPT =
  'text/html,application/xhtml+xml,application/json;q=0.9,application/ld+json;q=0.9,*/*;q=0.1';
const ALLOWED_PORTS = new Set([80, 443]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const READABLE_CONTENT_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'application/json',
  'application/ld+json',
  'text/plain',
  'application/xml',
  'text/xml',
]);
/** Caller headers that would let a caller undo a safety rule or confuse the framing. */
const RESERVED_HEADERS = new Set([
  'host',
  'user-agent',
  'accept-encoding',
  'connection',
  'content-length',
  'transfer-encoding',
  'te',
  'upgrade',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
]);

const configSchema = z.object({
  allowPrivateHosts: z.array(
    z
      .string()
      .refine((entry) => normalizeHostEntry(entry) !== null, { message: 'not a host name or IP literal' }),
  ),
  userAgent: z.string().trim().min(1),
  connectTimeoutMs: z.number().int().positive().max(5000).default(2000),
  totalTimeoutMs: z.number().int().positive().max(5000).default(5000),
  maxBodyBytes: z.number().int().positive().default(DEFAULT_MAX_BODY_BYTES),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  extraCaCertificates: z.array(z.string().min(1)).default([]),
});

const resolvedSchema = z.array(z.object({ address: z.string(), family: z.number() }));

/**
 * Builds the only way Vouch fetches a URL a user pasted. The rules, each one there because the URL
 * is attacker-chosen:
 * - http/https only, ports 80/443 only (any port for allow-listed hosts);
 * - every address the host resolves to must be public (see address-policy.ts) unless the host is
 *   allow-listed, and the socket connects to the address that was checked (no second lookup, so
 *   DNS rebinding cannot swap it);
 * - redirects are followed by hand, each hop checked again from scratch;
 * - connect and total timeouts, body capped after decompression, only text/JSON/XML bodies read.
 * Any HTTP status resolves (404/410 mean the posting closed); every refusal is a FetchError.
 *
 * @throws ZodError when the options are invalid (a configuration mistake: fail at startup).
 */
export function createSafeFetch(options: SafeFetchOptions): SafeFetch {
  const config = configSchema.parse({ ...options, allowPrivateHosts: [...options.allowPrivateHosts] });
  const allowed = new Set(config.allowPrivateHosts.map((entry) => normalizeHostEntry(entry) as string));
  const resolve = options.resolve ?? defaultResolve;
  const ca =
    config.extraCaCertificates.length > 0 ? [...rootCertificates, ...config.extraCaCertificates] : undefined;
  const logger = options.logger;

  return async function safeFetch(input: string, fetchOptions: FetchOptions = {}): Promise<FetchedResource> {
    const controller = new AbortController();
    const signal = controller.signal;
    let currentHost = hostForMessage(input);
    const timer = setTimeout(() => {
      controller.abort(
        new FetchError(
          'timeout',
          `timeout: ${currentHost} did not answer within ${config.totalTimeoutMs} ms`,
        ),
      );
    }, config.totalTimeoutMs);
    const callerSignal = fetchOptions.signal;
    const onCallerAbort = (): void => {
      const reason: unknown = callerSignal?.reason;
      const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
      controller.abort(
        timedOut
          ? new FetchError('timeout', `timeout: fetch of ${currentHost} was cut short by the caller`)
          : new FetchError('network', `fetch of ${currentHost} was aborted`),
      );
    };
    if (callerSignal?.aborted) onCallerAbort();
    else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

    try {
      let url = parseUrl(input);
      const startOrigin = url.origin;
      for (let hop = 0; ; hop++) {
        currentHost = url.host;
        const target = await checkTarget(url, signal);
        const sameOrigin = url.origin === startOrigin;
        const headers = requestHeaders(url, config.userAgent, fetchOptions, sameOrigin);
        const response = await send(url, target, headers, signal);
        logger?.debug(
          { host: url.host, address: target.address, status: response.statusCode },
          'safe-fetch hop',
        );

        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (REDIRECT_STATUSES.has(status) && location) {
          response.destroy();
          if (hop >= config.maxRedirects) {
            throw new FetchError(
              'too_many_redirects',
              `too many redirects (more than ${config.maxRedirects}) starting at ${hostForMessage(input)}`,
            );
          }
          url = parseUrl(location, url);
          continue;
        }
        return await finish(url, response, signal);
      }
    } catch (error) {
      const failure =
        signal.aborted && signal.reason instanceof FetchError ? signal.reason : toFetchError(error);
      logger?.warn({ code: failure.code, host: currentHost }, failure.message);
      throw failure;
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  };

  /** Scheme, port and every resolved address; returns the one address the socket may use. */
  async function checkTarget(url: URL, signal: AbortSignal): Promise<ResolvedAddress> {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchError(
        'unsupported_protocol',
        `refused: ${url.protocol.replace(/:$/, '')} links are not fetched (only http and https)`,
      );
    }
    const host = bareHost(url.hostname);
    const isAllowedPrivate = allowed.has(host);
    const port = effectivePort(url);
    if (!isAllowedPrivate && !ALLOWED_PORTS.has(port)) {
      throw new FetchError(
        'forbidden_port',
        `refused: port ${port} on ${host} is not allowed (only 80 and 443)`,
      );
    }

    const literalFamily = isIP(host);
    const addresses =
      literalFamily !== 0 ? [{ address: host, family: literalFamily }] : await resolveHost(host, signal);
    if (!isAllowedPrivate) {
      for (const { address } of addresses) {
        const { category, description } = classifyAddress(address);
        if (category === 'public') continue;
        throw new FetchError(
          'forbidden_address',
          literalFamily !== 0
            ? `refused: ${host} is ${description}`
            : `refused: ${host} resolves to ${description} (${address})`,
        );
      }
    }
    return addresses[0] as ResolvedAddress;
  }

  async function resolveHost(host: string, signal: AbortSignal): Promise<ResolvedAddress[]> {
    let raw: unknown;
    try {
      raw = await abortable(resolve(host), signal);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'lookup failed';
      throw new FetchError('dns_failure', `could not resolve ${host} (${code})`, { cause: error });
    }
    const parsed = resolvedSchema.safeParse(raw);
    if (!parsed.success || parsed.data.length === 0) {
      throw new FetchError('dns_failure', `could not resolve ${host} (no addresses)`);
    }
    return parsed.data;
  }

  /** Opens a connection to exactly `target` and resolves with the response head. */
  function send(
    url: URL,
    target: ResolvedAddress,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<IncomingMessage> {
    const isHttps = url.protocol === 'https:';
    const host = bareHost(url.hostname);
    const requestOptions: RequestOptions & {
      servername?: string;
      ca?: string[];
      rejectUnauthorized?: boolean;
    } = {
      // Pinning: the socket connects to the checked IP; the name only travels in Host and SNI.
      host: target.address,
      family: target.family === 6 ? 6 : 4,
      port: effectivePort(url),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers,
      agent: false,
      setHost: false,
    };
    if (isHttps) {
      // Certificate checked against the URL's host name; an IP literal must not be sent as SNI.
      requestOptions.servername = isIP(host) === 0 ? host : '';
      requestOptions.rejectUnauthorized = true;
      if (ca) requestOptions.ca = ca;
    }

    return new Promise<IncomingMessage>((resolvePromise, reject) => {
      let request: ClientRequest;
      const onAbort = (): void => {
        request.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      const connectTimer = setTimeout(() => {
        request.destroy(
          new FetchError(
            'timeout',
            `timeout: could not connect to ${host} within ${config.connectTimeoutMs} ms`,
          ),
        );
      }, config.connectTimeoutMs);
      const settle = (): void => {
        clearTimeout(connectTimer);
        signal.removeEventListener('abort', onAbort);
      };

      request = (isHttps ? httpsRequest : httpRequest)(requestOptions, (response) => {
        settle();
        // From here the body reader owns the abort wiring.
        resolvePromise(response);
      });
      request.on('socket', (socket: Socket) => {
        socket.once(isHttps ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
      });
      request.on('error', (error) => {
        settle();
        reject(error instanceof FetchError ? error : networkError(host, error));
      });
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      request.end();
    });
  }

  async function finish(url: URL, response: IncomingMessage, signal: AbortSignal): Promise<FetchedResource> {
    const status = response.statusCode ?? 0;
    const headers = flattenHeaders(response);
    const contentType = mediaType(headers['content-type']);
    const base = { url: url.toString(), status, headers, contentType };
    const host = bareHost(url.hostname);

    const hasNoBody = status === 204 || status === 304 || (status >= 100 && status < 200);
    const readable = contentType === null || READABLE_CONTENT_TYPES.has(contentType);
    if (!readable && status >= 200 && status < 300) {
      response.destroy();
      throw new FetchError(
        'unsupported_content_type',
        `refused: ${host} sent ${contentType}, not a web page or JSON`,
      );
    }
    // An error page in an odd format still tells the status (e.g. 404: posting closed); skip its body.
    if (hasNoBody || !readable) {
      response.destroy();
      return { ...base, body: Buffer.alloc(0) };
    }
    const body = await readBody(response, host, headers['content-encoding'], signal);
    return { ...base, body };
  }

  async function readBody(
    response: IncomingMessage,
    host: string,
    contentEncoding: string | undefined,
    signal: AbortSignal,
  ): Promise<Buffer> {
    const limit = config.maxBodyBytes;
    const tooLarge = (): FetchError =>
      new FetchError('too_large', `refused: response from ${host} is larger than ${limit} bytes`);
    const encodings = (contentEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part !== '' && part !== 'identity');
    const decoders = encodings.reverse().map((encoding) => {
      if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
      if (encoding === 'deflate') return createInflate();
      if (encoding === 'br') return createBrotliDecompress();
      response.destroy();
      throw new FetchError(
        'unsupported_content_type',
        `refused: ${host} sent an unsupported encoding (${encoding})`,
      );
    });
    const declared = Number(response.headers['content-length']);
    if (decoders.length === 0 && Number.isFinite(declared) && declared > limit) {
      response.destroy();
      throw tooLarge();
    }

    const chunks: Buffer[] = [];
    let size = 0;
    // pipeline() may report the teardown (an AbortError) rather than why we stopped: keep our reason.
    let stopped: FetchError | undefined;
    try {
      // Chain the decoders (rarely more than one); each inner pipeline tears down the whole chain on error.
      const decoded = decoders.reduce<Readable>((stream, decoder) => {
        pipeline(stream, decoder).catch(() => {
          // The error surfaces through the outer pipeline below.
        });
        return decoder;
      }, response);
      await pipeline(
        decoded,
        async (source: AsyncIterable<Buffer>) => {
          for await (const chunk of source) {
            size += chunk.length;
            // Stop at the cap, whatever the compression ratio: this is what defuses gzip bombs.
            if (size > limit) {
              stopped = tooLarge();
              throw stopped;
            }
            chunks.push(chunk);
          }
        },
        { signal },
      );
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (stopped) throw stopped;
      if (error instanceof FetchError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code?.startsWith('Z_') || code?.startsWith('ERR_BROTLI') || code === 'ERR__ERROR') {
        throw new FetchError('network', `could not decompress the response from ${host} (${code})`, {
          cause: error,
        });
      }
      throw networkError(host, error);
    }
    return Buffer.concat(chunks, size);
  }
}

/** Normalises one FETCH_ALLOW_PRIVATE_HOSTS entry the way the URL parser writes hosts; null if invalid. */
function normalizeHostEntry(entry: string): string | null {
  const trimmed = entry.trim();
  if (trimmed === '' || /[/?#@\s]/.test(trimmed)) return null;
  const literal =
    isIP(trimmed.replace(/^\[|\]$/g, '')) === 6 ? `[${trimmed.replace(/^\[|\]$/g, '')}]` : trimmed;
  try {
    const url = new URL(`http://${literal}/`);
    if (url.port !== '') return null;
    return bareHost(url.hostname);
  } catch {
    return null;
  }
}

/** Host as compared and reported: lower-case, no IPv6 brackets, no trailing root dot. */
function bareHost(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

function parseUrl(input: string, base?: URL): URL {
  try {
    return new URL(input.trim(), base);
  } catch (error) {
    const what = base ? `redirect to an invalid URL from ${base.host}` : 'invalid URL';
    throw new FetchError('invalid_url', `${what}: ${input.slice(0, 80)}`, { cause: error });
  }
}

function hostForMessage(input: string): string {
  try {
    return new URL(input.trim()).host || input.slice(0, 80);
  } catch {
    return input.slice(0, 80);
  }
}

function requestHeaders(
  url: URL,
  userAgent: string,
  options: FetchOptions,
  sameOrigin: boolean,
): Record<string, string> {
  const headers: Record<string, string> = {};
  // Revalidation headers belong to the URL they were saved for; another origin does not get them.
  if (sameOrigin) {
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (!RESERVED_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
    }
  }
  headers.host = url.host;
  headers['user-agent'] = userAgent;
  headers.accept = options.accept ?? DEFAULT_ACCEPT;
  headers['accept-encoding'] = 'gzip, deflate, br';
  return headers;
}

function flattenHeaders(response: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function mediaType(header: string | undefined): string | null {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}

function networkError(host: string, error: unknown): FetchError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = code ?? (error instanceof Error ? error.message.split('\n')[0] : 'unknown error');
  return new FetchError('network', `network error talking to ${host} (${detail})`, { cause: error });
}

function toFetchError(error: unknown): FetchError {
  if (error instanceof FetchError) return error;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new FetchError('network', `fetch failed: ${message}`, { cause: error });
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolvePromise, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolvePromise(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

async function defaultResolve(host: string): Promise<ResolvedAddress[]> {
  return dnsLookup(host, { all: true, verbatim: true });
}
