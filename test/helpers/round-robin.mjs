/**
 * A round-robin load balancer in front of several Vouch processes, as the tests and the benchmark
 * need one: a real HTTP server on 127.0.0.1 that sends each request to the next upstream in turn,
 * with its method, path, headers and body unchanged (so Slack's signature still verifies), and
 * answers with the upstream's status, headers and body, plus `x-round-robin-upstream` naming the
 * upstream (its index) that answered.
 *
 * Like nginx's `proxy_next_upstream error`, a request whose upstream refuses the connection (a
 * process that died) goes to the next one; a request that reached an upstream is never sent twice
 * (a POST is not idempotent): if that upstream fails before answering, the client gets a 502.
 * Plain JS so the benchmark (Node without a TypeScript loader) uses the same balancer as the tests.
 * Types: ./round-robin.d.mts.
 */
import { Agent, createServer, request } from 'node:http';

/** Headers that belong to one connection (RFC 9110 §7.6.1), not to the request a proxy passes on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

/** @param {import('node:http').IncomingHttpHeaders} headers */
function endToEnd(headers) {
  /** @type {Record<string, string | string[]>} */
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}

/** @param {import('./round-robin.d.mts').RoundRobinOptions} options */
export async function startRoundRobin(options) {
  const upstreams = options.upstreams.map((url) => new URL(url));
  if (upstreams.length === 0) throw new Error('round robin: no upstreams');
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSocketsPerUpstream ?? 256 });
  const forwarded = upstreams.map(() => 0);
  const refused = upstreams.map(() => 0);
  let failed = 0;
  let next = 0;

  /**
   * Sends `body` to upstream `index`; resolves with its response, or with `refused` when the
   * connection was refused (nothing reached it).
   * @returns {Promise<{ response: import('node:http').IncomingMessage } | { refused: true } | { error: Error }>}
   */
  function attempt(index, incoming, body) {
    const target = upstreams[index];
    return new Promise((done) => {
      const outgoing = request(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...endToEnd(incoming.headers), 'content-length': String(body.length) },
          agent,
        },
        (response) => done({ response }),
      );
      outgoing.on('error', (/** @type {NodeJS.ErrnoException} */ error) =>
        done(error.code === 'ECONNREFUSED' ? { refused: true } : { error }),
      );
      outgoing.end(body);
    });
  }

  const server = createServer((incoming, reply) => {
    /** @type {Buffer[]} */
    const chunks = [];
    incoming.on('data', (chunk) => chunks.push(chunk));
    incoming.on('end', async () => {
      const body = Buffer.concat(chunks);
      const first = next;
      next = (next + 1) % upstreams.length;
      for (let tried = 0; tried < upstreams.length; tried += 1) {
        const index = (first + tried) % upstreams.length;
        const outcome = await attempt(index, incoming, body);
        if ('refused' in outcome) {
          refused[index] += 1;
          continue;
        }
        if ('error' in outcome) break;
        forwarded[index] += 1;
        const { response } = outcome;
        reply.writeHead(response.statusCode ?? 502, {
          ...endToEnd(response.headers),
          'x-round-robin-upstream': String(index),
        });
        response.pipe(reply);
        return;
      }
      failed += 1;
      reply.writeHead(502, { 'content-type': 'text/plain' });
      reply.end('bad gateway: no upstream answered');
    });
  });
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => ({ forwarded: [...forwarded], refused: [...refused], failed }),
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
