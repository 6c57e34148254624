import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../../helpers/slack-blocks.js';
import { blockAction, linkSharedEvent, viewSubmission } from '../../helpers/slack-payloads.mjs';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';

describe('the Slack endpoint of the running app (HTTP mode)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('answers a signed url_verification with its challenge', async () => {
    const response = await app.requests.event({
      type: 'url_verification',
      challenge: 'abc-challenge',
      token: 't',
    });
    expect(response.status).toBe(200);
    expect(response.text).toContain('abc-challenge');
  });

  it('rejects an unsigned request', async () => {
    const response = await app.requests.event(
      { type: 'url_verification', challenge: 'x', token: 't' },
      { unsigned: true },
    );
    expect(response.status).toBe(401);
  });

  it('rejects a request signed with another secret', async () => {
    const response = await app.requests.event(
      { type: 'url_verification', challenge: 'x', token: 't' },
      { signingSecret: 'not-the-secret' },
    );
    expect(response.status).toBe(401);
  });

  it('rejects a replayed request older than five minutes', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await app.requests.event(
      { type: 'url_verification', challenge: 'x', token: 't' },
      { timestamp: sixMinutesAgo },
    );
    expect(response.status).toBe(401);
  });

  it('survives malformed payloads and keeps serving', async () => {
    const garbage = [
      app.requests.raw('{"type": "event_callback", "event": ', 'application/json'),
      app.requests.raw('payload=%7Bnot-json', 'application/x-www-form-urlencoded'),
      app.requests.raw(
        `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions' }))}`,
        'application/x-www-form-urlencoded',
      ),
      app.requests.raw(JSON.stringify({ type: 'event_callback', event: null }), 'application/json'),
      app.requests.raw(JSON.stringify([1, 2, 3]), 'application/json'),
      app.requests.raw('\u0000\u0001binary', 'application/octet-stream'),
    ];
    for (const response of await Promise.all(garbage)) {
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(600);
    }
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    const verification = await app.requests.event({
      type: 'url_verification',
      challenge: 'still-here',
      token: 't',
    });
    expect(verification.text).toContain('still-here');
  });

  it('answers ssl_check without a signature, and nothing else gets in with it', async () => {
    const response = await app.requests.raw(
      `ssl_check=1&payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions' }))}`,
      'application/x-www-form-urlencoded',
      { unsigned: true },
    );
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
  });

  it('refuses a body over 1 MB with 413 and keeps serving', async () => {
    const response = await app.requests.event({
      type: 'event_callback',
      event: { type: 'app_mention', text: 'x'.repeat(1_100_000) },
    });
    expect(response.status).toBe(413);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });

  it('acknowledges events, clicks and commands on arrival with an empty 200', async () => {
    const event = await app.requests.eventCallback(
      linkSharedEvent({ channel: 'C0ACK', user: 'U0ACK', urls: ['https://example.invalid/jobs/1'] }),
    );
    const click = await app.requests.interaction(
      blockAction({
        user: 'U0ACK',
        actionId: 'details',
        value: 'no-such-posting',
        responseUrl: app.slack.responseUrl('ack-click'),
      }),
    );
    const command = await app.requests.command({ text: 'help' });
    for (const response of [event, click, command]) {
      expect(response.status).toBe(200);
      expect(response.text).toBe('');
    }
    // The command's answer arrives through its response_url.
    const answer = await app.slack.waitFor('response_url', (c) => String(c.args.path).includes('command-'));
    expect(textOf(answer.args.blocks)).toContain('refer-at <company>');
  });

  it("returns a modal's validation errors in the HTTP response (only a listener can answer those)", async () => {
    const response = await app.requests.interaction(
      viewSubmission({
        user: 'U0FORM',
        view: { callback_id: 'interest_submit', private_metadata: 'not json' },
        values: {},
      }),
    );
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      response_action: 'errors',
      errors: { interest_note: expect.stringMatching(/could not read this form/i) },
    });
  });

  it("acknowledges a burst of 200 concurrent requests within Slack's 3 s, every one", async () => {
    const sends = Array.from({ length: 200 }, (_, i) => {
      if (i % 3 === 0)
        return app.requests.eventCallback(
          linkSharedEvent({ channel: 'C0BURST', user: `U0B${i}`, urls: [`https://example.invalid/b/${i}`] }),
        );
      if (i % 3 === 1)
        return app.requests.interaction(
          blockAction({
            user: `U0B${i}`,
            actionId: 'i_can_refer',
            value: 'no-such-posting',
            responseUrl: app.slack.responseUrl(`burst-${i}`),
          }),
        );
      return app.requests.command({ text: 'stats', user_id: `U0B${i}` });
    });
    const responses = await Promise.all(sends);
    expect(responses.filter((r) => r.status !== 200)).toEqual([]);
    // A hang detector with Slack's own limit, not a benchmark (npm run bench measures latency).
    expect(Math.max(...responses.map((r) => r.elapsedMs))).toBeLessThan(3_000);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });

  it('reports health and readiness, with the work queue backlog', async () => {
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      work: { backlog: expect.any(Number), oldestAgeSeconds: expect.any(Number), failed: 0 },
    });
    expect((await fetch(`${app.baseUrl}/nope`)).status).toBe(404);
  });

  it('checked the bot token with auth.test at start, through SLACK_API_URL', () => {
    const [call] = app.slack.calls('auth.test');
    expect(call?.token).toBe('xoxb-test-0000-vouch');
  });
});
