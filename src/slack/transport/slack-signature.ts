import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Slack's limit on the age of a request: older ones are refused as possible replays. */
const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Why a request is not from Slack, or null when its `v0` signature (HMAC-SHA256 of
 * `v0:{timestamp}:{body}` with the signing secret) checks out and its timestamp is within five
 * minutes. Compared in constant time with `timingSafeEqual`.
 * @see https://api.slack.com/authentication/verifying-requests-from-slack
 */
export function signatureProblem(
  signingSecret: string,
  headers: IncomingHttpHeaders,
  body: string,
  nowMs = Date.now(),
): string | null {
  const signature = headers['x-slack-signature'];
  const timestamp = headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return 'missing signature headers';
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds)) return 'malformed timestamp';
  if (Math.abs(nowMs / 1000 - seconds) > MAX_SKEW_SECONDS) return 'timestamp older than five minutes';
  const expected = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const given = Buffer.from(signature);
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'signature mismatch';
  return null;
}
