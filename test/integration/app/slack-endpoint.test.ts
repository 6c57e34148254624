import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('reports health and readiness', async () => {
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect((await fetch(`${app.baseUrl}/nope`)).status).toBe(404);
  });

  it('checked the bot token with auth.test at start, through SLACK_API_URL', () => {
    const [call] = app.slack.calls('auth.test');
    expect(call?.token).toBe('xoxb-test-0000-vouch');
  });
});
