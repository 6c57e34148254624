import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { JobHandler, WorkQueue } from '../../work/work-queue.js';
import { slackUserIdSchema } from '../slack-ids.js';
import type { CardPublisher } from '../support/card-publisher.js';
import type { HomePublisher } from '../support/home-publisher.js';
import { findOwnMessage, markedMetadata } from '../support/own-message.js';
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
export function sendDmOnce(client: WebClient): JobHandler {
  return async (payload, job) => {
    const { userId, message } = dmPayloadSchema.parse(payload);
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (channel === undefined) throw new Error('conversations.open gave no channel');
    const mark = { eventType: DM_METADATA_EVENT, field: 'job', value: job.key };
    if (job.attempts > 1 && (await findOwnMessage(client, { channel }, mark)) !== null) return;
    await client.chat.postMessage({
      channel,
      text: message.text,
      ...(message.blocks !== undefined ? { blocks: message.blocks as unknown as KnownBlock[] } : {}),
      unfurl_links: false,
      metadata: markedMetadata(mark),
    });
  };
}

export interface EffectHandlerDeps {
  client: WebClient;
  home: Pick<HomePublisher, 'publish'>;
  cards: Pick<CardPublisher, 'refresh'>;
}

/** Registers the handlers of the Slack side-effect jobs (`effect-jobs.ts`). */
export function registerEffectHandlers(queue: Pick<WorkQueue, 'handle'>, deps: EffectHandlerDeps): void {
  queue.handle(EFFECT_JOBS.dm, sendDmOnce(deps.client));
  queue.handle(EFFECT_JOBS.home, async (payload) => {
    const { teamId, userId } = homePayloadSchema.parse(payload);
    await deps.home.publish(teamId, userId);
  });
  queue.handle(EFFECT_JOBS.cardRefresh, async (payload) => {
    await deps.cards.refresh({ id: cardRefreshPayloadSchema.parse(payload).postingId });
  });
}
