import { slackErrorCode } from '../slack/slack-error.js';

/** Thrown by a job handler for a failure that another attempt cannot fix (the job fails at once). */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

/** Slack error codes that say "try later", not "this request is wrong". */
const TRANSIENT_SLACK_ERRORS = new Set([
  'ratelimited',
  'rate_limited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
]);

/** How long to wait before the next attempt, or null when the job should fail now. */
export type RetryDecision = { retryInMs: number } | null;

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s … capped at 5 minutes, ±20 % jitter) on anything
 * that can pass: Slack's rate limits (after its Retry-After), Slack 5xx and network failures, job
 * board fetch failures, a database that is away. Slack's own refusals (`channel_not_found`,
 * `not_in_channel`, `invalid_auth`…) and `PermanentJobError` fail the job at once: another attempt
 * would be refused the same way.
 */
export function retryDecision(
  error: unknown,
  attempts: number,
  maxAttempts: number,
  random: () => number = Math.random,
): RetryDecision {
  if (attempts >= maxAttempts || error instanceof PermanentJobError) return null;
  const code = slackErrorCode(error);
  if (code !== null && !TRANSIENT_SLACK_ERRORS.has(code)) return null;
  const retryAfterSeconds = (error as { retryAfter?: unknown } | null)?.retryAfter;
  if (typeof retryAfterSeconds === 'number' && retryAfterSeconds > 0) {
    return { retryInMs: retryAfterSeconds * 1000 };
  }
  const base = Math.min(300_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return { retryInMs: Math.round(base * (0.8 + 0.4 * random())) };
}

/** One line for the job row's `lastError`: Slack's code, else the message. Never a stack trace. */
export function describeJobError(error: unknown): string {
  const code = slackErrorCode(error);
  const message = code ?? (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  return message.slice(0, 500);
}
