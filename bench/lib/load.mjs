// The load generator: a separate process (forked by bench/run.mjs, talking over IPC) that sends signed
// Slack requests to the app over real HTTP with real concurrency, so the app's event loop and the
// load's never share a thread. Every loop is bounded in count and in time.
import { Agent, request } from 'node:http';
import { mixedRequest } from './mix.mjs';
import { blockActionRequest, signedHeaders } from './slack-requests.mjs';

const REQUEST_TIMEOUT_MS = 10_000;

function post(agent, url, { body, contentType }) {
  return new Promise((resolve) => {
    const headers = signedHeaders(body, contentType);
    const started = performance.now();
    const req = request(url, { method: 'POST', agent, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) =>
      resolve({ status: 0, error: error.code ?? error.message, ms: performance.now() - started }),
    );
    req.end(body);
  });
}

/** Sends every request, at most `concurrency` at a time; latencies in request order. */
async function burst({ baseUrl, requests, concurrency }) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = `${baseUrl}/slack/events`;
  const results = new Array(requests.length);
  let nextIndex = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, requests.length) }, async () => {
      while (nextIndex < requests.length) {
        const index = nextIndex++;
        results[index] = await post(agent, url, requests[index]);
      }
    }),
  );
  agent.destroy();
  return { results, wallMs: performance.now() - started };
}

/**
 * Clicks for `seconds` (and at most `maxClicks`) with `concurrency` in flight: a mix of "I can refer"
 * toggles, Details and "I'm interested" opens and status updates, on the postings and referrals the
 * orchestrator set up. A (posting, member) toggle is never in flight twice at once, so the final
 * PostingReferrer rows can be checked against the parity of the toggles sent.
 */
async function clicks({ baseUrl, seconds, concurrency, maxClicks, plan, responseUrlBase }) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = `${baseUrl}/slack/events`;
  const { postings, togglers, viewers, referrals } = plan;
  const responseUrl = (id) => `${responseUrlBase}${id}`;
  const forward = ['referred', 'interviewing', 'offer', 'hired'];
  const referralStep = referrals.map(() => 0);
  const toggles = {};
  const busyPairs = new Set();
  const byKind = { i_can_refer: 0, details: 0, im_interested: 0, status_update: 0 };
  const latencies = [];
  const failures = {};
  let sent = 0;
  let seq = 0;
  const pick = (list) => list[Math.floor(Math.random() * list.length)];

  function nextClick() {
    seq += 1;
    const roll = Math.random();
    if (roll < 0.45) {
      // Pick a (posting, member) pair that is not in flight; give up after a few tries.
      for (let tries = 0; tries < 8; tries += 1) {
        const posting = pick(postings);
        const member = pick(togglers);
        const key = `${posting.id}|${member}`;
        if (busyPairs.has(key)) continue;
        busyPairs.add(key);
        return {
          kind: 'i_can_refer',
          key,
          request: blockActionRequest({
            user: member,
            actionId: 'i_can_refer',
            value: posting.id,
            channel: posting.channel,
            ts: posting.ts,
            responseUrl: responseUrl(`t${seq}`),
          }),
        };
      }
    }
    if (roll < 0.65) {
      const posting = pick(postings);
      return {
        kind: 'details',
        request: blockActionRequest({
          user: pick(viewers),
          actionId: 'details',
          value: posting.id,
          channel: posting.channel,
          ts: posting.ts,
          responseUrl: responseUrl(`d${seq}`),
        }),
      };
    }
    if (roll < 0.8 || referrals.length === 0) {
      const posting = pick(postings);
      return {
        kind: 'im_interested',
        request: blockActionRequest({
          user: pick(viewers),
          actionId: 'im_interested',
          value: posting.id,
          channel: posting.channel,
          ts: posting.ts,
          responseUrl: responseUrl(`i${seq}`),
        }),
      };
    }
    // The referrer moves a referral one step along; once hired, further clicks are refused politely.
    const index = Math.floor(Math.random() * referrals.length);
    const referral = referrals[index];
    const to = forward[Math.min(referralStep[index], forward.length - 1)];
    referralStep[index] += 1;
    return {
      kind: 'status_update',
      request: blockActionRequest({
        user: referral.referrer,
        actionId: `status_update:${to}`,
        value: JSON.stringify({ referralId: referral.id, to }),
        channel: `D${referral.referrer.replace(/[^A-Z0-9]/g, '').slice(0, 12)}`,
        responseUrl: responseUrl(`s${seq}`),
      }),
    };
  }

  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && sent < maxClicks) {
        sent += 1;
        const click = nextClick();
        const result = await post(agent, url, click.request);
        byKind[click.kind] += 1;
        latencies.push(result.ms);
        if (result.status !== 200) {
          const key = result.status === 0 ? `no response (${result.error})` : `HTTP ${result.status}`;
          failures[key] = (failures[key] ?? 0) + 1;
        }
        if (click.key !== undefined) {
          busyPairs.delete(click.key);
          if (result.status === 200) toggles[click.key] = (toggles[click.key] ?? 0) + 1;
        }
      }
    }),
  );
  const wallMs = performance.now() - started;
  agent.destroy();
  return { sent, wallMs, byKind, latencies, failures, toggles };
}

/**
 * A closed loop: `concurrency` requests of the shared mix (lib/mix.mjs) always outstanding, each one
 * sent as soon as one is answered, for `seconds` (and at most `maxRequests`). Per request: kind,
 * latency and when it ended (ms from the start); per event: its message ts and when its ack arrived
 * (wall-clock ms, performance.timeOrigin-based, comparable with the orchestrator's clock), so the
 * orchestrator can time ack → chat.unfurl.
 */
async function sustained({ baseUrl, seconds, concurrency, maxRequests, mix }) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = `${baseUrl}/slack/events`;
  const kinds = [];
  const latencies = [];
  const endedAt = [];
  const events = [];
  const failures = {};
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && next < maxRequests) {
        const index = next++;
        const { request, kind, ts } = mixedRequest(index, mix);
        const result = await post(agent, url, request);
        const end = performance.now();
        kinds.push(kind);
        latencies.push(result.ms);
        endedAt.push(end - started);
        if (result.status !== 200) {
          const key = result.status === 0 ? `no response (${result.error})` : `HTTP ${result.status}`;
          failures[key] = (failures[key] ?? 0) + 1;
        }
        if (ts !== undefined)
          events.push({ ts, ackedAt: performance.timeOrigin + end, ok: result.status === 200 });
      }
    }),
  );
  const wallMs = performance.now() - started;
  agent.destroy();
  return { sent: next, wallMs, kinds, latencies, endedAt, events, failures };
}

const handlers = { burst, clicks, sustained };

process.on('message', async (message) => {
  try {
    const result = await handlers[message.kind](message);
    process.send({ id: message.id, ok: true, result });
  } catch (error) {
    process.send({ id: message.id, ok: false, error: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
