import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import { describeSlackError } from '../slack-error.js';

export interface Message {
  text: string;
  blocks?: KnownBlock[];
}

export interface Notifier {
  /** Sends a DM; returns the DM channel and ts, or null when Slack refused (logged, never thrown). */
  dm(userId: string, message: Message): Promise<{ channel: string; ts: string } | null>;
  /** A message only `userId` sees in `channel`; falls back to a DM when the channel refuses. */
  ephemeral(channel: string | undefined, userId: string, message: Message, threadTs?: string): Promise<void>;
}

/**
 * DMs and ephemeral messages. Rate limits and 5xx are retried by the Web API client (Retry-After
 * honoured); what still fails is logged with Slack's error code so nobody's flow crashes on it.
 * @see https://api.slack.com/methods/conversations.open
 */
export function createNotifier(client: WebClient, logger: Logger): Notifier {
  const dm: Notifier['dm'] = async (userId, message) => {
    try {
      const opened = await client.conversations.open({ users: userId });
      const channel = opened.channel?.id;
      if (channel === undefined) return null;
      const posted = await client.chat.postMessage({
        channel,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
        unfurl_links: false,
      });
      return posted.ts !== undefined ? { channel, ts: posted.ts } : null;
    } catch (error) {
      logger.warn({ userId, slackError: describeSlackError(error) }, 'could not send a direct message');
      return null;
    }
  };
  return {
    dm,
    async ephemeral(channel, userId, message, threadTs) {
      if (channel !== undefined) {
        try {
          await client.chat.postEphemeral({
            channel,
            user: userId,
            text: message.text,
            ...(message.blocks ? { blocks: message.blocks } : {}),
            ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
          });
          return;
        } catch (error) {
          logger.info(
            { channel, userId, slackError: describeSlackError(error) },
            'ephemeral refused; sending a DM instead',
          );
        }
      }
      await dm(userId, message);
    },
  };
}
