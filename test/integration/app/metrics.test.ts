import { describe, expect, it } from 'vitest';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import { FAKE_TEAM_ID } from '../../helpers/fake-slack-api.mjs';
import { expressInterest, shareJobPage } from '../../helpers/slack-flows.js';
import { linkSharedEvent } from '../../helpers/slack-payloads.mjs';
import type { TestApp } from '../../helpers/start-test-app.js';
import { useAppForSuite } from '../../helpers/suite-app.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

/** The value of one sample of Prometheus' text format, or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-z_:][a-z0-9_:]*)(?:\{(.*)\})? (\S+)$/i.exec(line);
    if (match === null || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/gi)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  let app: TestApp;
  let board: FakeJobBoard;
  useAppForSuite({ startBoard: startFakeJobBoard, env: { METRICS_TOKEN } }, (started) => {
    ({ app, board } = started);
  });

  const scrape = async (token: string | null = METRICS_TOKEN) =>
    fetch(`${app.baseUrl}/metrics`, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });
  const metrics = async () => {
    const response = await scrape();
    expect(response.status).toBe(200);
    return response.text();
  };
  const shareLink = async (path: string) => {
    const url = board.job(path, { title: 'Platform Engineer', company: 'Metrico' });
    const event = linkSharedEvent({ channel: 'C0JOBS', user: 'U0METRICS', urls: [url] });
    await app.requests.eventCallback(event);
    await app.slack.waitFor('chat.unfurl');
    return url;
  };

  it('asks for the configured bearer token', async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape('wrong-token-0123456789abcdef')).status).toBe(401);
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
  });

  it('counts a shared link at the door, its fetch, its card and its chat.unfurl', async () => {
    const before = await metrics();
    const acked = { kind: 'link_shared', outcome: 'acknowledged' };
    await shareLink('/jobs/metrics-one');
    const after = await metrics();

    expect(sample(after, 'vouch_slack_requests_total', acked)).toBe(
      (sample(before, 'vouch_slack_requests_total', acked) ?? 0) + 1,
    );
    expect(sample(after, 'vouch_slack_ack_seconds_count', { kind: 'link_shared' })).toBeGreaterThanOrEqual(1);
    expect(
      sample(after, 'vouch_fetches_total', { host: '127.0.0.1', outcome: 'http_2xx' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'vouch_cards_total', { source: 'other', result: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'vouch_slack_api_calls_total', { method: 'chat.unfurl', outcome: 'ok' })).toBe(
      (sample(before, 'vouch_slack_api_calls_total', { method: 'chat.unfurl', outcome: 'ok' }) ?? 0) + 1,
    );
    // The delivery's job is marked done just after its chat.unfurl.
    await expect
      .poll(async () => sample(await metrics(), 'vouch_jobs_total', { outcome: 'done' }) ?? 0)
      .toBeGreaterThanOrEqual(1);
  });

  it("counts Slack's rate limits and refusals by method and error code", async () => {
    app.slack.fail('chat.unfurl', { kind: 'rate_limited', retryAfterSeconds: 0 }, 1);
    await shareLink('/jobs/metrics-limited');
    const text = await metrics();
    expect(
      sample(text, 'vouch_slack_api_calls_total', { method: 'chat.unfurl', outcome: 'rate_limited' }),
    ).toBe(1);
  });

  it('counts a request whose signature does not check out', async () => {
    const refused = { kind: 'unknown', outcome: 'refused_signature' };
    const before = sample(await metrics(), 'vouch_slack_requests_total', refused) ?? 0;
    const response = await app.requests.raw('{"type":"event_callback"}', 'application/json', {
      signingSecret: 'not-the-signing-secret-0000000000',
    });
    expect(response.status).toBe(401);
    expect(sample(await metrics(), 'vouch_slack_requests_total', refused)).toBe(before + 1);
  });

  it("reports the work queue, referrals by status, the event loop's delay and memory", async () => {
    const referrals = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.startsWith('vouch_referrals{'))
        .map((line) => line.replace(/^vouch_referrals\{status="([a-z_]+)"\} (\d+)$/, '$1=$2'));
    expect(referrals(await metrics())).toEqual([]);
    const shared = await shareJobPage(app, board, {
      path: '/jobs/metrics-referral',
      title: 'Data Engineer',
      company: 'Metrico',
      channel: 'C0JOBS',
      sharer: 'U0METSHARE',
      referrers: ['U0METREF'],
    });
    await expressInterest(
      app,
      { postingId: shared.postingId, user: 'U0METCAND', channel: 'C0JOBS' },
      { note: 'hi', referrer: 'anyone' },
    );
    // One referral, asked of the company's referrer.
    await expect.poll(async () => referrals(await metrics())).toEqual(['requested=1']);
    const text = await metrics();
    expect(sample(text, 'vouch_work_backlog')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'vouch_work_oldest_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'vouch_work_failed')).toBe(0);
    expect(sample(text, 'vouch_nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'vouch_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('puts the request id, team, user and action on every line logged while a request is handled', async () => {
    const url = await shareLink('/jobs/metrics-logged');
    const hop = app.logs.find((line) => line.msg === 'safe-fetch hop' && String(line.host).length > 0);
    expect(hop).toBeDefined();
    const fetched = app.logs.filter(
      (line) => line.msg === 'safe-fetch hop' && line.userId === 'U0METRICS' && line.action === 'link_shared',
    );
    expect(fetched.length).toBeGreaterThanOrEqual(1);
    const last = fetched.at(-1) as Record<string, unknown>;
    expect(last.teamId).toBe(FAKE_TEAM_ID);
    expect(typeof last.requestId).toBe('string');
    // The same request id on the other lines of that request (e.g. the loader's debug lines).
    const sameRequest = app.logs.filter((line) => line.requestId === last.requestId);
    expect(sameRequest.length).toBeGreaterThanOrEqual(1);
    expect(url).toContain('/jobs/metrics-logged');
  });
});
