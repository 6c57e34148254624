import type { WebClient } from '@slack/web-api';
import { z } from 'zod';

/** How far back a run again looks for what it posted: its earlier attempts are close together. */
const LOOK_BACK_MESSAGES = 30;

/** Where a message Vouch posted stands: a conversation (a channel or a DM), or one thread of it. */
export interface MessagePlace {
  channel: string;
  /** The thread's parent: look among its replies instead of the conversation's history. */
  threadTs?: string;
}

/** What marks a message as Vouch's own: its metadata's event type and one field of its payload. */
export interface MessageMark {
  eventType: string;
  field: string;
  value: string;
}

const messagesSchema = z.object({
  messages: z
    .array(
      z.object({
        ts: z.string().optional(),
        metadata: z
          .object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() })
          .optional(),
      }),
    )
    .optional(),
});

/** Message metadata carrying `mark`, for `chat.postMessage`. */
export function markedMetadata(mark: MessageMark): {
  event_type: string;
  event_payload: Record<string, string>;
} {
  return { event_type: mark.eventType, event_payload: { [mark.field]: mark.value } };
}

/**
 * The ts of a recent message in `place` that carries `mark` in its metadata, or null: how a job or a
 * delivery run again after a crash finds what its earlier run posted before it died (the post may
 * have reached Slack after all), instead of posting it a second time. A thread is read with
 * `conversations.replies` (its replies are not in the channel's history). Slack's errors are thrown.
 * @see https://api.slack.com/metadata/using
 * @see https://api.slack.com/methods/conversations.replies
 */
export async function findOwnMessage(
  client: WebClient,
  place: MessagePlace,
  mark: MessageMark,
): Promise<string | null> {
  const answer =
    place.threadTs === undefined
      ? await client.conversations.history({
          channel: place.channel,
          limit: LOOK_BACK_MESSAGES,
          include_all_metadata: true,
        })
      : await client.conversations.replies({
          channel: place.channel,
          ts: place.threadTs,
          limit: LOOK_BACK_MESSAGES,
          include_all_metadata: true,
        });
  const own = messagesSchema
    .parse(answer)
    .messages?.find(
      (m) =>
        m.metadata?.event_type === mark.eventType && m.metadata.event_payload?.[mark.field] === mark.value,
    );
  return own === undefined ? null : (own.ts ?? '');
}
