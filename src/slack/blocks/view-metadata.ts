import { z } from 'zod';
import { parseJson } from './action-values.js';
import { slackLimits } from './limits.js';

/**
 * `private_metadata` of Vouch's modals: the posting, plus an opaque `context` the listener wants
 * back on submit (e.g. the channel and message ts of the card to refresh).
 */
export const viewMetadataSchema = z.object({
  postingId: z.string().min(1),
  context: z.unknown().optional(),
});
export type ViewMetadata = z.infer<typeof viewMetadataSchema>;

/**
 * JSON for `private_metadata`. If `context` would push it past Slack's 3,000 characters it is
 * dropped (the card then simply is not refreshed) rather than sending JSON Slack would reject.
 */
export function encodeViewMetadata(postingId: string, context?: unknown): string {
  const full = JSON.stringify(context === undefined ? { postingId } : { postingId, context });
  if (full.length <= slackLimits.privateMetadata) return full;
  return JSON.stringify({ postingId });
}

/** The metadata we wrote, or null for anything else. */
export function parseViewMetadata(raw: string | undefined | null): ViewMetadata | null {
  return parseJson(viewMetadataSchema, raw);
}
