import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError, type FetchErrorCode } from '../../../src/postings/fetched-resource.js';
import {
  createSafeFetch,
  type ResolvedAddress,
  type SafeFetchOptions,
} from '../../../src/postings/safe-fetch.js';

// Test-only key pair for "jobs.example.test" (self-signed, valid 2020-2120). It protects nothing.
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg8WQc4bT6SJUxHnWV
Kl20aA8TmdSmI5c1Fps8tZ+6aOyhRANCAARyXekMUZbqVrqJXZW72UasERWqajYA
ReiMl9EErhnpJ7ooLazHLuoutpWh65T+QVGmHb/1BlVdmW6aR/wp5uA9
-----END PRIVATE KEY-----
`;
const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBejCCAR+gAwIBAgIBATAKBggqhkjOPQQDAjAcMRowGAYDVQQDDBFqb2JzLmV4
YW1wbGUudGVzdDAgFw0yMDAxMDEwMDAwMDBaGA8yMTIwMDEwMTAwMDAwMFowHDEa
MBgGA1UEAwwRam9icy5leGFtcGxlLnRlc3QwWTATBgcqhkjOPQIBBggqhkjOPQMB
BwNCAARyXekMUZbqVrqJXZW72UasERWqajYAReiMl9EErhnpJ7ooLazHLuoutpWh
65T+QVGmHb/1BlVdmW6aR/wp5uA9o1AwTjAcBgNVHREEFTATghFqb2JzLmV4YW1w
bGUudGVzdDAPBgNVHRMBAf8EBTADAQH/MB0GA1UdDgQWBBRt+OUdyYiQJO4QOhtD
+d7CL4ajwTAKBggqhkjOPQQDAgNJADBGAiEAwtEGVF+XvaI0ty/oR8Dax/ouwEPP
M1eHGTn5qGrTF8cCIQCIY1FlPHmOsBFv0FYvDR3DuSRONPZkC7k0QBRLrBZ2Fw==
-----END CERTIFICATE-----
`;

const USER_AGENT = 'VouchBot/0.1 (+https://github.com/vouch/vouch; self-hosted Slack referral bot)';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface TestServer {
  port: number;
  host: string;
  /** Every request the server saw, in order. */
  requests: IncomingMessage[];
  url(path?: string): string;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function track(server: Server | TcpServer): void {
  cleanups.push(async () => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
}

async function startServer(handler: Handler, host = '127.0.0.1', port = 0): Promise<TestServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  server.listen(port, host);
  await once(server, 'listening');
  track(server);
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : 0;
  return { port: actualPort, host, requests, url: (path = '/') => `http://${host}:${actualPort}${path}` };
}

function html(body = '<html><body><h1>Senior Engineer</h1></body></html>'): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  };
}

/** A resolver that answers from a table and records every question it was asked. */
function fakeDns(table: Record<string, string[] | ((call: number) => string[])>) {
  const calls: string[] = [];
  const resolve = async (host: string): Promise<ResolvedAddress[]> => {
    calls.push(host);
    const entry = table[host];
    if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    const addresses = typeof entry === 'function' ? entry(calls.filter((h) => h === host).length) : entry;
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, calls };
}

function safeFetchWith(overrides: Partial<SafeFetchOptions> = {}) {
  return createSafeFetch({
    allowPrivateHosts: [],
    userAgent: USER_AGENT,
    resolve: fakeDns({}).resolve,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
}

async function expectFailure(promise: Promise<unknown>, code: FetchErrorCode): Promise<FetchError> {
  const error = await failure(promise);
  expect(error.code, error.message).toBe(code);
  expect(error.message).not.toContain('\n');
  return error;
}

describe('safe fetch: an ordinary page', () => {
  it('returns status, lower-cased headers, media type and body, sending an honest User-Agent', async () => {
    const server = await startServer(html());
    const fetch = safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] });

    const result = await fetch(server.url('/jobs/42?x=1'));

    expect(result.status).toBe(200);
    expect(result.url).toBe(server.url('/jobs/42?x=1'));
    expect(result.contentType).toBe('text/html');
    expect(result.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(result.body.toString()).toContain('Senior Engineer');
    const seen = server.requests[0]!;
    expect(seen.url).toBe('/jobs/42?x=1');
    expect(seen.headers['user-agent']).toBe(USER_AGENT);
    expect(seen.headers.accept).toContain('text/html');
    expect(seen.headers.host).toBe(`127.0.0.1:${server.port}`);
  });

  it('sends the Accept header and revalidation headers the caller asks for, but not its own User-Agent', async () => {
    const server = await startServer((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      html()(req, res);
    });
    const fetch = safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] });

    const result = await fetch(server.url('/job'), {
      accept: 'application/json',
      headers: { 'If-None-Match': '"v1"', 'User-Agent': 'Mozilla/5.0 pretending' },
    });

    expect(result.status).toBe(304);
    expect(result.body.length).toBe(0);
    expect(server.requests[0]!.headers.accept).toBe('application/json');
    expect(server.requests[0]!.headers['user-agent']).toBe(USER_AGENT);
  });

  it.each([404, 410, 500])('returns a %i with its body instead of failing', async (status) => {
    const server = await startServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end('<h1>This job is no longer available</h1>');
    });
    const result = await safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(server.url('/gone'));
    expect(result.status).toBe(status);
    expect(result.body.toString()).toContain('no longer available');
  });

  it('matches allow-listed host names case-insensitively', async () => {
    const server = await startServer(html());
    const dns = fakeDns({ 'careers.internal.test': ['127.0.0.1'] });
    const fetch = safeFetchWith({ allowPrivateHosts: ['Careers.Internal.Test'], resolve: dns.resolve });
    const result = await fetch(`http://CAREERS.internal.test:${server.port}/job`);
    expect(result.status).toBe(200);
    expect(server.requests[0]!.headers.host).toBe(`careers.internal.test:${server.port}`);
  });
});

describe('safe fetch: scheme and port policy', () => {
  it.each([
    ['ftp://jobs.example.com/job.txt', 'unsupported_protocol'],
    ['file:///etc/passwd', 'unsupported_protocol'],
    ['data:text/html,<h1>job</h1>', 'unsupported_protocol'],
    ['javascript:alert(1)', 'unsupported_protocol'],
    ['not a url', 'invalid_url'],
    ['', 'invalid_url'],
  ] as const)('%j is refused with %s', async (url, code) => {
    await expectFailure(safeFetchWith()(url), code);
  });

  it.each([
    'http://jobs.example.com:8080/job',
    'https://jobs.example.com:8443/job',
    'http://jobs.example.com:22/',
    'http://jobs.example.com:6379/',
  ])('%s is refused before any lookup: only ports 80 and 443', async (url) => {
    const dns = fakeDns({ 'jobs.example.com': ['93.184.216.34'] });
    const error = await expectFailure(safeFetchWith({ resolve: dns.resolve })(url), 'forbidden_port');
    expect(error.message).toMatch(/^refused: port \d+ on jobs\.example\.com is not allowed/);
    expect(dns.calls).toEqual([]);
  });

  it('lets an allow-listed host use any port', async () => {
    const server = await startServer(html());
    const result = await safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(server.url('/'));
    expect(result.status).toBe(200);
  });

  it('refuses a non-standard port on a loopback address that is not allow-listed', async () => {
    const server = await startServer(html());
    await expectFailure(safeFetchWith()(server.url('/')), 'forbidden_port');
    expect(server.requests).toHaveLength(0);
  });
});

describe('safe fetch: address policy (nothing is contacted)', () => {
  it.each([
    'http://127.0.0.1/',
    'http://localhost.localdomain.invalid/', // resolves via the fake DNS below
    'http://2130706433/', // decimal 127.0.0.1
    'http://0177.0.0.1/', // octal
    'http://127.1/', // short form
    'http://0x7f.0.0.1/', // hex
    'http://0x7f000001/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[64:ff9b::7f00:1]/',
    'http://[2002:7f00:1::]/',
    'http://0.0.0.0/',
    'http://0/',
    'http://[::]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://[fe80::1]/',
    'http://10.0.0.5/',
    'http://172.16.0.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://198.18.0.1/',
    'http://[fc00::1]/',
  ])('%s is refused as forbidden_address', async (url) => {
    const dns = fakeDns({ 'localhost.localdomain.invalid': ['127.0.0.1'] });
    const error = await expectFailure(safeFetchWith({ resolve: dns.resolve })(url), 'forbidden_address');
    expect(error.message).toMatch(/^refused: /);
  });

  it('names the host and the offending address', async () => {
    const dns = fakeDns({ 'jobs.example.com': ['10.0.0.5'] });
    const error = await expectFailure(
      safeFetchWith({ resolve: dns.resolve })('https://jobs.example.com/job/1'),
      'forbidden_address',
    );
    expect(error.message).toBe('refused: jobs.example.com resolves to a private address (10.0.0.5)');
  });

  it('checks every resolved address, not just the first', async () => {
    const dns = fakeDns({ 'jobs.example.com': ['93.184.216.34', '2606:2800:220:1::1', '169.254.169.254'] });
    const error = await expectFailure(
      safeFetchWith({ resolve: dns.resolve })('http://jobs.example.com/'),
      'forbidden_address',
    );
    expect(error.message).toContain('169.254.169.254');
  });

  it('refuses a name that resolves to an IPv4-mapped loopback address', async () => {
    const dns = fakeDns({ 'jobs.example.com': ['::ffff:7f00:1'] });
    await expectFailure(
      safeFetchWith({ resolve: dns.resolve })('http://jobs.example.com/'),
      'forbidden_address',
    );
  });

  it('reports unknown names and empty answers as dns_failure', async () => {
    const dns = fakeDns({ 'empty.example.com': [] });
    const fetch = safeFetchWith({ resolve: dns.resolve });
    const unknown = await expectFailure(fetch('http://nowhere.example.com/'), 'dns_failure');
    expect(unknown.message).toBe('could not resolve nowhere.example.com (ENOTFOUND)');
    await expectFailure(fetch('http://empty.example.com/'), 'dns_failure');
  });

  it('does not extend an allow-listed IP literal to other spellings of the same machine', async () => {
    const server = await startServer(html());
    const fetch = safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] });
    await expectFailure(fetch(`http://[::ffff:127.0.0.1]:${server.port}/`), 'forbidden_port');
    await expectFailure(fetch('http://[::ffff:127.0.0.1]/'), 'forbidden_address');
    expect(server.requests).toHaveLength(0);
  });
});

describe('safe fetch: the connection is pinned to the checked address', () => {
  it('connects to the address that was checked, never re-resolving the name', async () => {
    const checked = await startServer(html('<p>checked server</p>'), '127.0.0.1');
    // Same port on another loopback address: where a second lookup would send the request.
    const other = await startServer(html('<p>rebound server</p>'), '127.0.0.2', checked.port);
    const dns = fakeDns({ 'jobs.example.test': (call) => (call === 1 ? ['127.0.0.1'] : ['127.0.0.2']) });
    const fetch = safeFetchWith({ allowPrivateHosts: ['jobs.example.test'], resolve: dns.resolve });

    const result = await fetch(`http://jobs.example.test:${checked.port}/job`);

    expect(result.body.toString()).toContain('checked server');
    expect(dns.calls).toEqual(['jobs.example.test']);
    expect(other.requests).toHaveLength(0);
    expect(checked.requests[0]!.headers.host).toBe(`jobs.example.test:${checked.port}`);
  });

  it('refuses when the first answer is already private (DNS rebinding) and contacts nobody', async () => {
    const dns = fakeDns({ 'jobs.example.com': (call) => (call === 1 ? ['127.0.0.1'] : ['93.184.216.34']) });
    await expectFailure(
      safeFetchWith({ resolve: dns.resolve })('http://jobs.example.com/'),
      'forbidden_address',
    );
    expect(dns.calls).toEqual(['jobs.example.com']);
  });
});

describe('safe fetch: redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    'follows a %i, re-resolving and re-checking the new host',
    async (status) => {
      const target = await startServer(html('<p>final</p>'));
      const start = await startServer((_req, res) => {
        res.writeHead(status, { location: `http://careers.internal.test:${target.port}/final` });
        res.end();
      });
      const dns = fakeDns({ 'careers.internal.test': ['127.0.0.1'] });
      const fetch = safeFetchWith({
        allowPrivateHosts: ['127.0.0.1', 'careers.internal.test'],
        resolve: dns.resolve,
      });

      const result = await fetch(start.url('/start'));

      expect(result.status).toBe(200);
      expect(result.url).toBe(`http://careers.internal.test:${target.port}/final`);
      expect(result.body.toString()).toContain('final');
      expect(dns.calls).toEqual(['careers.internal.test']);
    },
  );

  it('resolves relative Location headers against the current URL', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/a/start') {
        res.writeHead(302, { location: '../b/final?x=1' });
        res.end();
        return;
      }
      html()(req, res);
    });
    const result = await safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(server.url('/a/start'));
    expect(result.url).toBe(server.url('/b/final?x=1'));
    expect(server.requests.map((r) => r.url)).toEqual(['/a/start', '/b/final?x=1']);
  });

  it('refuses a redirect from an allowed host to 127.0.0.1 when 127.0.0.1 is not allowed', async () => {
    const secret = await startServer(html('<p>admin panel</p>'));
    const allowed = await startServer((req, res) => {
      const location =
        req.url === '/to-port-80' ? 'http://127.0.0.1/admin' : `http://127.0.0.1:${secret.port}/admin`;
      res.writeHead(302, { location });
      res.end();
    });
    const dns = fakeDns({ 'careers.internal.test': ['127.0.0.1'] });
    const fetch = safeFetchWith({ allowPrivateHosts: ['careers.internal.test'], resolve: dns.resolve });
    const base = `http://careers.internal.test:${allowed.port}`;

    await expectFailure(fetch(`${base}/to-port-80`), 'forbidden_address');
    await expectFailure(fetch(`${base}/to-other-port`), 'forbidden_port');
    expect(allowed.requests).toHaveLength(2);
    expect(secret.requests).toHaveLength(0);
  });

  it('refuses a redirect to a name that resolves to the cloud metadata address', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(301, { location: 'http://metadata.example.com/latest/meta-data/' });
      res.end();
    });
    const dns = fakeDns({ 'metadata.example.com': ['169.254.169.254'] });
    const error = await expectFailure(
      safeFetchWith({ allowPrivateHosts: ['127.0.0.1'], resolve: dns.resolve })(server.url('/')),
      'forbidden_address',
    );
    expect(error.message).toBe(
      'refused: metadata.example.com resolves to a link-local address (169.254.169.254)',
    );
  });

  it.each([
    ['file:///etc/passwd', 'unsupported_protocol'],
    ['gopher://127.0.0.1:6379/_INFO', 'unsupported_protocol'],
    ['http://[::1]/', 'forbidden_address'],
    ['http://2130706433/', 'forbidden_address'],
    ['http://0177.0.0.1/', 'forbidden_address'],
    ['http://127.1/', 'forbidden_address'],
    ['http://[::ffff:7f00:1]/', 'forbidden_address'],
    ['http://169.254.169.254/latest/meta-data/', 'forbidden_address'],
  ] as const)('refuses a redirect to %s', async (location, code) => {
    const server = await startServer((_req, res) => {
      res.writeHead(302, { location });
      res.end();
    });
    const dns = fakeDns({ 'careers.internal.test': ['127.0.0.1'] });
    const fetch = safeFetchWith({ allowPrivateHosts: ['careers.internal.test'], resolve: dns.resolve });
    await expectFailure(fetch(`http://careers.internal.test:${server.port}/`), code);
  });

  it('treats odd spellings of an allow-listed IP literal as that literal (the URL parser normalises them)', async () => {
    const server = await startServer(html());
    const fetch = safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] });
    const result = await fetch(`http://2130706433:${server.port}/job`);
    expect(result.url).toBe(server.url('/job'));
  });

  it('stops a redirect loop with too_many_redirects after 5 redirects', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(302, { location: '/loop' });
      res.end();
    });
    const error = await expectFailure(
      safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(server.url('/loop')),
      'too_many_redirects',
    );
    expect(error.message).toContain('more than 5');
    expect(server.requests).toHaveLength(6);
  });

  it('follows exactly maxRedirects redirects', async () => {
    const server = await startServer((req, res) => {
      const step = Number(req.url?.slice(1));
      if (step < 5) {
        res.writeHead(302, { location: `/${step + 1}` });
        res.end();
        return;
      }
      html()(req, res);
    });
    const result = await safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(server.url('/0'));
    expect(result.status).toBe(200);
    expect(result.url).toBe(server.url('/5'));
  });

  it('returns a 3xx without Location as it is', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(300, { 'content-type': 'text/html' });
      res.end('<a href="/a">a</a> <a href="/b">b</a>');
    });
    const result = await safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(server.url('/'));
    expect(result.status).toBe(300);
  });

  it('does not carry the caller headers to another origin', async () => {
    const target = await startServer(html());
    const start = await startServer((_req, res) => {
      res.writeHead(302, { location: target.url('/final') });
      res.end();
    });
    await safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(start.url('/'), {
      headers: { 'if-none-match': '"abc"' },
    });
    expect(start.requests[0]!.headers['if-none-match']).toBe('"abc"');
    expect(target.requests[0]!.headers['if-none-match']).toBeUndefined();
  });
});

describe('safe fetch: timeouts', () => {
  it('gives up on a server that trickles its body past the total timeout', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('<p>still going</p>'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const error = await expectFailure(
      safeFetchWith({ allowPrivateHosts: ['127.0.0.1'], totalTimeoutMs: 300 })(server.url('/slow')),
      'timeout',
    );
    expect(error.message).toMatch(/^timeout: /);
    expect(Date.now() - started).toBeLessThan(4000); // hang detector, not a timing assertion
  });

  it('gives up on a server that never sends headers', async () => {
    const server = await startServer(() => {
      // never answers
    });
    await expectFailure(
      safeFetchWith({ allowPrivateHosts: ['127.0.0.1'], totalTimeoutMs: 300 })(server.url('/')),
      'timeout',
    );
  });

  it('counts DNS time in the total timeout', async () => {
    const fetch = safeFetchWith({ totalTimeoutMs: 200, resolve: () => new Promise(() => {}) });
    await expectFailure(fetch('http://jobs.example.com/'), 'timeout');
  });

  it('applies the connect timeout until the TLS handshake is done', async () => {
    // A TCP server that accepts and then says nothing: the TLS handshake never completes.
    const silent = createTcpServer(() => {});
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const sockets: import('node:net').Socket[] = [];
    silent.on('connection', (socket) => sockets.push(socket));
    track(silent);
    // Cleanups run in reverse: sockets go first so close() can finish.
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
    });
    const port = (silent.address() as { port: number }).port;

    const error = await expectFailure(
      safeFetchWith({ allowPrivateHosts: ['127.0.0.1'], connectTimeoutMs: 200, totalTimeoutMs: 3000 })(
        `https://127.0.0.1:${port}/`,
      ),
      'timeout',
    );
    expect(error.message).toBe('timeout: could not connect to 127.0.0.1 within 200 ms');
  });

  it('refuses a total timeout above 5 seconds at construction', () => {
    expect(() => safeFetchWith({ totalTimeoutMs: 10_000 })).toThrow();
  });

  it('stops when the caller aborts', async () => {
    const server = await startServer(() => {});
    const controller = new AbortController();
    const pending = safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(server.url('/'), {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await expectFailure(pending, 'network');
  });
});

describe('safe fetch: body size', () => {
  const limit = 64 * 1024;

  it('accepts a body of exactly the limit', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('a'.repeat(limit));
    });
    const result = await safeFetchWith({ allowPrivateHosts: ['127.0.0.1'], maxBodyBytes: limit })(
      server.url('/'),
    );
    expect(result.body.length).toBe(limit);
  });

  it('refuses a declared Content-Length above the limit', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(limit + 1) });
      res.end('a'.repeat(limit + 1));
    });
    await expectFailure(
      safeFetchWith({ allowPrivateHosts: ['127.0.0.1'], maxBodyBytes: limit })(server.url('/')),
      'too_large',
    );
  });

  it('stops reading an endless chunked body at the default 3 MB cap', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = (): void => {
        while (res.write(chunk)) {
          // fill the socket buffer, then wait for drain
        }
      };
      res.on('drain', pump);
      pump();
    });
    const error = await expectFailure(
      safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(server.url('/')),
      'too_large',
    );
    expect(error.message).toContain(String(3 * 1024 * 1024));
  });
});

describe('safe fetch: compression', () => {
  const page = `<html><body>${'<p>Build the referral pipeline.</p>'.repeat(200)}</body></html>`;

  it.each([
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('decodes %s bodies', async (encoding, compress) => {
    const server = await startServer((req, res) => {
      expect(req.headers['accept-encoding']).toBe('gzip, deflate, br');
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': encoding });
      res.end(compress(Buffer.from(page)));
    });
    const result = await safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(server.url('/'));
    expect(result.body.toString()).toBe(page);
  });

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
  ] as const)('refuses a %s bomb once the decompressed size passes the cap', async (encoding, compress) => {
    // 16 MB of zeros shrinks to a few KB; the cap is 3 MB.
    const bomb = compress(Buffer.alloc(16 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': encoding });
      res.end(bomb);
    });
    await expectFailure(safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(server.url('/')), 'too_large');
  });

  it('reports a corrupt gzip body as a network failure', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(Buffer.from('this is not gzip at all'));
    });
    const error = await expectFailure(
      safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(server.url('/')),
      'network',
    );
    expect(error.message).toMatch(/could not decompress/);
  });

  it('refuses an encoding it cannot decode', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'zstd' });
      res.end(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]));
    });
    await expectFailure(
      safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(server.url('/')),
      'unsupported_content_type',
    );
  });
});

describe('safe fetch: content types', () => {
  it.each([
    'text/html; charset=utf-8',
    'application/xhtml+xml',
    'application/json',
    'application/ld+json',
    'text/plain',
    'application/xml',
    'text/xml',
    'TEXT/HTML',
  ])('reads %s', async (type) => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': type });
      res.end('{}');
    });
    const result = await safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(server.url('/'));
    expect(result.contentType).toBe(type.split(';')[0]!.toLowerCase());
    expect(result.body.toString()).toBe('{}');
  });

  it.each(['image/png', 'application/pdf', 'application/octet-stream', 'video/mp4'])(
    'refuses %s without reading the body',
    async (type) => {
      const server = await startServer((_req, res) => {
        res.writeHead(200, { 'content-type': type });
        // An endless body: the fetch can only finish if it does not read it.
        const timer = setInterval(() => res.write(Buffer.alloc(1024)), 20);
        res.on('close', () => clearInterval(timer));
      });
      const error = await expectFailure(
        safeFetchWith({ allowPrivateHosts: ['127.0.0.1'], totalTimeoutMs: 3000 })(server.url('/file')),
        'unsupported_content_type',
      );
      expect(error.message).toBe(`refused: 127.0.0.1 sent ${type}, not a web page or JSON`);
    },
  );

  it('still returns the status of an error page in an unreadable format, without its body', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(100));
    });
    const result = await safeFetchWith({ allowPrivateHosts: ['127.0.0.1'] })(server.url('/'));
    expect(result.status).toBe(404);
    expect(result.body.length).toBe(0);
  });
});

describe('safe fetch: HTTPS', () => {
  async function startHttpsServer(): Promise<{ port: number; serverNames: Array<string | undefined> }> {
    const serverNames: Array<string | undefined> = [];
    const server = createHttpsServer({ key: TEST_KEY, cert: TEST_CERT }, (req, res) => {
      serverNames.push((req.socket as import('node:tls').TLSSocket).servername || undefined);
      html('<p>over tls</p>')(req, res);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    track(server);
    return { port: (server.address() as { port: number }).port, serverNames };
  }

  it('connects to the pinned address with SNI and certificate checks for the host name', async () => {
    const server = await startHttpsServer();
    const dns = fakeDns({ 'jobs.example.test': ['127.0.0.1'] });
    const fetch = safeFetchWith({
      allowPrivateHosts: ['jobs.example.test'],
      resolve: dns.resolve,
      extraCaCertificates: [TEST_CERT],
    });

    const result = await fetch(`https://jobs.example.test:${server.port}/job`);

    expect(result.body.toString()).toContain('over tls');
    expect(server.serverNames).toEqual(['jobs.example.test']);
  });

  it('refuses a certificate it does not trust', async () => {
    const server = await startHttpsServer();
    const dns = fakeDns({ 'jobs.example.test': ['127.0.0.1'] });
    const fetch = safeFetchWith({ allowPrivateHosts: ['jobs.example.test'], resolve: dns.resolve });
    const error = await expectFailure(fetch(`https://jobs.example.test:${server.port}/job`), 'network');
    expect(error.message).toMatch(/CERT|SELF_SIGNED/);
  });

  it('refuses a certificate issued for another name', async () => {
    const server = await startHttpsServer();
    const dns = fakeDns({ 'other.example.test': ['127.0.0.1'] });
    const fetch = safeFetchWith({
      allowPrivateHosts: ['other.example.test'],
      resolve: dns.resolve,
      extraCaCertificates: [TEST_CERT],
    });
    const error = await expectFailure(fetch(`https://other.example.test:${server.port}/job`), 'network');
    expect(error.message).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
  });
});

describe('createSafeFetch: configuration', () => {
  it.each([[['http://127.0.0.1/']], [['127.0.0.1:8080']], [['']], [['a b']]])(
    'rejects allow-list entry %j',
    (allowPrivateHosts) => {
      expect(() => safeFetchWith({ allowPrivateHosts })).toThrow();
    },
  );

  it('accepts host names, IPv4 and IPv6 literals', () => {
    expect(() =>
      safeFetchWith({ allowPrivateHosts: ['careers.internal', '10.0.0.5', '::1', '[fd00::1]'] }),
    ).not.toThrow();
  });

  it('logs each refusal once, with its code and host', async () => {
    const warnings: Array<{ details: object; message: string }> = [];
    const logger = {
      debug: () => {},
      warn: (details: object, message: string) => warnings.push({ details, message }),
    };
    const dns = fakeDns({ 'jobs.example.com': ['10.0.0.5'] });
    await failure(safeFetchWith({ resolve: dns.resolve, logger })('http://jobs.example.com/job'));
    expect(warnings).toEqual([
      {
        details: { code: 'forbidden_address', host: 'jobs.example.com' },
        message: 'refused: jobs.example.com resolves to a private address (10.0.0.5)',
      },
    ]);
  });

  it('requires a User-Agent', () => {
    expect(() => safeFetchWith({ userAgent: ' ' })).toThrow();
  });
});
