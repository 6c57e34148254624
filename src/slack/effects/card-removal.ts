import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import type { JobHandler, JobSpec, WorkQueue } from '../../work/work-queue.js';
import { slackErrorCode } from '../slack-error.js';
import { slackChannelIdSchema } from '../slack-ids.js';

/** The job that deletes a removed card's message (written with the removal, `share-store.removeCard`). */
export const CARD_DELETE_JOB = 'slack-card-delete';

const cardDeletePayloadSchema = z.object({ channel: slackChannelIdSchema, ts: z.string().min(1) });

/** Deletes the card message of share `shareId` (at `channel`, `ts`): one job per share, ever. */
export function cardDeleteJob(shareId: string, card: { channel: string; ts: string }): JobSpec {
  return {
    kind: CARD_DELETE_JOB,
    key: `card-delete:${shareId}`,
    payload: { channel: card.channel, ts: card.ts },
  };
}

/**
 * `chat.delete` of Vouch's own card message. A message already gone (`message_not_found`: an earlier
 * run got there before its worker died, or someone deleted it in Slack) is done, not failed; other
 * refusals fail the job at once and rate limits are retried (the queue's policy).
 * @see https://api.slack.com/methods/chat.delete
 */
export function deleteCardMessage(client: WebClient, logger: Pick<Logger, 'info'>): JobHandler {
  return async (payload) => {
    const card = cardDeletePayloadSchema.parse(payload);
    try {
      await client.chat.delete({ channel: card.channel, ts: card.ts });
    } catch (error) {
      if (slackErrorCode(error) !== 'message_not_found') throw error;
      logger.info({ channel: card.channel }, 'removed card was already gone');
    }
  };
}

/** Registers the job of moderation (a removed card's message deleted). */
export function registerCardRemovalHandler(
  queue: Pick<WorkQueue, 'handle'>,
  deps: { client: WebClient; logger: Pick<Logger, 'info'> },
): void {
  queue.handle(CARD_DELETE_JOB, deleteCardMessage(deps.client, deps.logger));
}
