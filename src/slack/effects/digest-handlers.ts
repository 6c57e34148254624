import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { DIGEST_JOBS, digestPeriodSchema } from '../../digests/digest-jobs.js';
import type { DigestStore } from '../../digests/digest-store.js';
import type { Logger } from '../../logger.js';
import type { JobHandler, WorkQueue } from '../../work/work-queue.js';
import { type DigestPosting, digestMessage } from '../blocks/digest-blocks.js';
import { slackErrorCode } from '../slack-error.js';
import type { CardPublisher } from '../support/card-publisher.js';
import { findOwnMessage, markedMetadata } from '../support/own-message.js';

/** The metadata event type that marks a digest with the job (channel and period) it was posted for. */
export const DIGEST_METADATA_EVENT = 'vouch_digest';

/** Postings a digest reads in full; past them it counts (the message lists fewer still: Slack's limits). */
const MAX_READ = 20;

/**
 * Slack's answers that mean Vouch can no longer post in the channel: the digest is turned off
 * rather than retried for ever (a member turns it on again after inviting Vouch back).
 */
const GONE = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

const permalinkSchema = z.object({ permalink: z.string().optional() });

export interface DigestHandlerDeps {
  client: WebClient;
  digests: Pick<DigestStore, 'contents' | 'isOn' | 'turnOff'>;
  cards: Pick<CardPublisher, 'cardInput'>;
  logger: Pick<Logger, 'info' | 'debug'>;
}

/**
 * Posts one channel's digest for one period: the postings shared there in it that are still open,
 * with their counts (never who). Nothing when there is none, or when the digest was turned off
 * since. Posted at least once and shown once: the message carries its job's key in metadata, and a
 * run after an interrupted one looks for it in the channel before posting.
 * @see https://api.slack.com/methods/chat.getPermalink
 */
export function postDigest(deps: DigestHandlerDeps): JobHandler {
  const { client, digests, cards, logger } = deps;

  async function permalink(channel: string, messageTs: string): Promise<string | null> {
    try {
      return (
        permalinkSchema.parse(await client.chat.getPermalink({ channel, message_ts: messageTs })).permalink ??
        null
      );
    } catch (error) {
      logger.debug({ channel, slackError: slackErrorCode(error) }, 'no permalink for a digest entry');
      return null;
    }
  }

  return async (payload, job) => {
    const period = digestPeriodSchema.parse(payload);
    const { workspaceId, channelId } = period;
    if (!(await digests.isOn(workspaceId, channelId))) return;
    const { shares } = await digests.contents(period);
    const postings: DigestPosting[] = [];
    let total = shares.length;
    for (const share of shares.slice(0, MAX_READ)) {
      const card = await cards.cardInput(share.postingId);
      if (card === null || card.closed) {
        total -= 1;
        continue;
      }
      postings.push({
        postingId: card.postingId,
        summary: card.summary,
        counts: card.counts,
        shareLink: await permalink(channelId, share.messageTs),
      });
    }
    if (total === 0) return;
    const message = digestMessage({ channelId, frequency: period.frequency, postings, total });
    const mark = { eventType: DIGEST_METADATA_EVENT, field: 'job', value: job.key };
    if (job.attempts > 1) {
      const earlier = await findOwnMessage(client, { channel: channelId }, mark).catch((error: unknown) => {
        // Not readable (a public channel Vouch posts in without being in it): twice beats never.
        logger.info(
          { channel: channelId, slackError: slackErrorCode(error) },
          'could not look for an earlier digest',
        );
        return null;
      });
      if (earlier !== null) return;
    }
    try {
      await client.chat.postMessage({
        channel: channelId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        metadata: markedMetadata(mark),
      });
    } catch (error) {
      const slackError = slackErrorCode(error);
      if (slackError === null || !GONE.has(slackError)) throw error;
      await digests.turnOff(workspaceId, channelId);
      logger.info({ channel: channelId, slackError }, 'cannot post in the channel: its digest is turned off');
    }
  };
}

/** Registers the job of digests (`src/digests/digest-jobs.ts`). */
export function registerDigestHandlers(queue: Pick<WorkQueue, 'handle'>, deps: DigestHandlerDeps): void {
  queue.handle(DIGEST_JOBS.post, postDigest(deps));
}
