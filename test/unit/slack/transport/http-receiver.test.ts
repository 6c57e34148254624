import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { needsListenerAnswer } from '../../../../src/slack/transport/delivery-job.js';
import { signatureProblem } from '../../../../src/slack/transport/slack-signature.js';

const SECRET = 'signing-secret-for-tests';
const NOW_MS = 1_800_000_000_000;
const sign = (body: string, timestamp: number, secret = SECRET) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
const headers = (body: string, timestamp: number, secret = SECRET) => ({
  'x-slack-signature': sign(body, timestamp, secret),
  'x-slack-request-timestamp': String(timestamp),
});

describe('signature check', () => {
  const now = NOW_MS / 1000;
  const body = 'token=x&command=%2Fvouch&text=help';

  it('accepts a request Slack signed within the last five minutes', () => {
    expect(signatureProblem(SECRET, headers(body, now - 10), body, NOW_MS)).toBeNull();
  });

  it('refuses a changed body, another secret, a missing header', () => {
    expect(signatureProblem(SECRET, headers(body, now), `${body}&x=1`, NOW_MS)).toBe('signature mismatch');
    expect(signatureProblem(SECRET, headers(body, now, 'other'), body, NOW_MS)).toBe('signature mismatch');
    expect(signatureProblem(SECRET, { 'x-slack-request-timestamp': String(now) }, body, NOW_MS)).toBe(
      'missing signature headers',
    );
    expect(
      signatureProblem(SECRET, { ...headers(body, now), 'x-slack-signature': 'v0=short' }, body, NOW_MS),
    ).toBe('signature mismatch');
  });

  it('refuses replays older than five minutes and timestamps from the far future', () => {
    expect(signatureProblem(SECRET, headers(body, now - 301), body, NOW_MS)).toMatch(/five minutes/);
    expect(signatureProblem(SECRET, headers(body, now + 301), body, NOW_MS)).toMatch(/five minutes/);
    expect(
      signatureProblem(SECRET, { ...headers(body, now), 'x-slack-request-timestamp': 'soon' }, body, NOW_MS),
    ).toBe('malformed timestamp');
  });
});

describe('which requests only a listener can answer', () => {
  it('modal submissions, select options, legacy dialogs and function_executed events', () => {
    expect(needsListenerAnswer({ type: 'view_submission' })).toBe(true);
    expect(needsListenerAnswer({ type: 'block_suggestion' })).toBe(true);
    expect(needsListenerAnswer({ type: 'dialog_submission' })).toBe(true);
    expect(needsListenerAnswer({ type: 'event_callback', event: { type: 'function_executed' } })).toBe(true);
  });

  it('not events, button clicks, shortcuts, slash commands or closed modals', () => {
    expect(needsListenerAnswer({ type: 'event_callback', event: { type: 'link_shared' } })).toBe(false);
    expect(needsListenerAnswer({ type: 'block_actions' })).toBe(false);
    expect(needsListenerAnswer({ type: 'message_action' })).toBe(false);
    expect(needsListenerAnswer({ type: 'view_closed' })).toBe(false);
    expect(needsListenerAnswer({ command: '/vouch', text: 'help' })).toBe(false);
  });
});
