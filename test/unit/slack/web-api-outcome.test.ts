import { describe, expect, it } from 'vitest';
import { webApiMethod, webApiOutcome } from '../../../src/slack/transport/web-api-fetch.js';

describe("a Web API call's method and outcome (metrics)", () => {
  it('names the method of a call, a response_url answer, or other', () => {
    expect(webApiMethod(new URL('https://slack.com/api/chat.postMessage'))).toBe('chat.postMessage');
    expect(webApiMethod(new URL('http://127.0.0.1:4000/api/views.open'))).toBe('views.open');
    expect(webApiMethod(new URL('https://hooks.slack.com/actions/T1/123/abc'))).toBe('response_url');
    expect(webApiMethod(new URL('https://hooks.slack.com/commands/T1/123/abc'))).toBe('response_url');
    expect(webApiMethod(new URL('https://files.slack.com/upload/v1/abc'))).toBe('other');
  });

  it("reads Slack's error code from a refusal, and rate limits and server errors from the status", () => {
    const body = (value: unknown) => Buffer.from(JSON.stringify(value));
    expect(webApiOutcome(200, body({ ok: true, channel: 'C1' }))).toBe('ok');
    expect(webApiOutcome(200, body({ ok: false, error: 'channel_not_found' }))).toBe('channel_not_found');
    expect(webApiOutcome(200, Buffer.from('{ "ok" : false, "error": "not_in_channel" }'))).toBe(
      'not_in_channel',
    );
    expect(webApiOutcome(429, body({ ok: false, error: 'ratelimited' }))).toBe('rate_limited');
    expect(webApiOutcome(503, Buffer.from('upstream down'))).toBe('http_5xx');
    expect(webApiOutcome(404, Buffer.from('no'))).toBe('http_404');
    // response_url answers are plain text "ok".
    expect(webApiOutcome(200, Buffer.from('ok'))).toBe('ok');
  });
});
