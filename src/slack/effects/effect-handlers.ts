import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import type { JobHandler, WorkQueue } from '../../work/work-queue.js';
import { slackErrorCode } from '../slack-error.js';
import { slackUserIdSchema } from '../slack-ids.js';
import type { CardPublisher } from '../support/card-publisher.js';
import type { HomePublisher } from '../support/home-publisher.js';
import { findOwnMessage, type MessageMark, markedMetadata } from '../support/own-message.js';
import { EFFECT_JOBS } from './effect-jobs.js';

/** The metadata event type that marks a DM with the job that sent it. */
export const DM_METADATA_EVENT = 'vouch_dm';

const dmPayloadSchema = z.object({
  userId: slackUserIdSchema,
  message: z.object({ text: z.string(), blocks: z.array(z.record(z.string(), z.unknown())).optional() }),
});
const homePayloadSchema = z.object({ teamId: z.string(), userId: slackUserIdSchema });
const cardRefreshPayloadSchema = z.object({ postingId: z.string() });

/**
 * A DM sent at least once and shown once: it carries its job's key in message metadata, and a run
 * after a failed or interrupted one first looks for that key in the DM's recent history (the post
 * may have reached Slack before its worker died). Errors are thrown: the queue retries what can pass.
 * @see https://api.slack.com/metadata/using
 */
export function sendDmOnce(client: WebClient, logger?: Pick<Logger, 'warn'>): JobHandler {
  return async (payload, job) => {
    const { userId, message } = dmPayloadSchema.parse(payload);
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (channel === undefined) throw new Error('conversations.open gave no channel');
    const mark = { eventType: DM_METADATA_EVENT, field: 'job', value: job.key };
    if (job.attempts > 1 && (await alreadySent(client, channel, mark, logger)) !== null) return;
    await client.chat.postMessage({
      channel,
      text: message.text,
      ...(message.blocks !== undefined ? { blocks: message.blocks as unknown as KnownBlock[] } : {}),
      unfurl_links: false,
      metadata: markedMetadata(mark),
    });
  };
}

/**
 * The ts of the DM an earlier run posted, or null. An install from before `im:history` was asked for
 * cannot read the DM's history (`missing_scope`): the DM is then posted again, at worst twice,
 * rather than never (the refusal would fail the job for good). Other errors are thrown (retried).
 */
async function alreadySent(
  client: WebClient,
  channel: string,
  mark: MessageMark,
  logger: Pick<Logger, 'warn'> | undefined,
): Promise<string | null> {
  try {
    return await findOwnMessage(client, { channel }, mark);
  } catch (error) {
    if (slackErrorCode(error) !== 'missing_scope') throw error;
    logger?.warn(
      { channel },
      'cannot look for an earlier copy of a DM (reinstall the app to grant im:history): posting it',
    );
    return null;
  }
}

export interface EffectHandlerDeps {
  client: WebClient;
  logger?: Pick<Logger, 'warn'>;
  home: Pick<HomePublisher, 'refresh'>;
  cards: Pick<CardPublisher, 'refresh'>;
}

/** Registers the handlers of the Slack side-effect jobs (`effect-jobs.ts`). */
export function registerEffectHandlers(queue: Pick<WorkQueue, 'handle'>, deps: EffectHandlerDeps): void {
  queue.handle(EFFECT_JOBS.dm, sendDmOnce(deps.client, deps.logger));
  queue.handle(EFFECT_JOBS.home, async (payload) => {
    const { teamId, userId } = homePayloadSchema.parse(payload);
    await deps.home.refresh(teamId, userId);
  });
  queue.handle(EFFECT_JOBS.cardRefresh, async (payload) => {
    await deps.cards.refresh({ id: cardRefreshPayloadSchema.parse(payload).postingId });
  });
}
