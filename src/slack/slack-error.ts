import { z } from 'zod';

/** The part of a Web API failure that names Slack's reason: `{ data: { error: "channel_not_found" } }`. */
const platformErrorSchema = z.object({ data: z.object({ error: z.string() }) });

/**
 * Slack's error code of a failed Web API call ("not_in_channel", "invalid_auth"), or null when the
 * failure did not come from Slack (a network error, a bug).
 * @see https://api.slack.com/web#errors
 */
export function slackErrorCode(error: unknown): string | null {
  const parsed = platformErrorSchema.safeParse(error);
  return parsed.success ? parsed.data.data.error : null;
}

/** What to log about a failed Web API call: Slack's error code, else the error's message. */
export function describeSlackError(error: unknown): string {
  return slackErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
}
