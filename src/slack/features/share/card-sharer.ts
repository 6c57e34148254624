import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../../logger.js';
import { FetchError } from '../../../postings/fetched-resource.js';
import { isJobLike, type PostingStore, type ResolvedPosting } from '../../../postings/posting-store.js';
import type { ReferralService } from '../../../referrals/referral-service.js';
import type { ShareStore } from '../../../shares/share-store.js';
import { slackErrorCode } from '../../slack-error.js';
import type { CardPublisher } from '../../support/card-publisher.js';
import { findOwnMessage, markedMetadata } from '../../support/own-message.js';

/** The metadata event type that marks a shared card with the claim (share row) it was posted for. */
export const CARD_METADATA_EVENT = 'vouch_card';

export interface ShareRequest {
  teamId: string;
  channel: string;
  /** The member sharing. */
  userId: string;
  url: string;
  note: string | null;
  source: 'command' | 'shortcut' | 'thread';
  /** Post as a reply in this thread. */
  threadTs?: string;
  /** What makes this share unique (message ts, or the command's trigger id). */
  anchor: string;
  /**
   * This delivery ran before and its process died (a job run again): a claim it left without a card
   * is taken over instead of counting as "already shared", and the card that run may have posted
   * before it died is looked for before posting one.
   */
  resumeClaim?: boolean;
}

export type ShareOutcome =
  | { kind: 'posted'; postingId: string; ts: string; resolved: ResolvedPosting }
  | { kind: 'not_a_job'; resolved: ResolvedPosting }
  /** This message (or command) already has its card: nothing was posted a second time. */
  | { kind: 'already_shared'; postingId: string; resolved: ResolvedPosting }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'cannot_post'; reason: string; slackError: string };

export interface CardSharerDeps {
  shares: Pick<ShareStore, 'claimCard' | 'releaseClaim' | 'cardPosted'>;
  referrals: Pick<ReferralService, 'ensureMember'>;
  postings: Pick<PostingStore, 'resolve'>;
  cards: Pick<CardPublisher, 'render'>;
  logger: Logger;
}

const CANNOT_POST: Record<string, string> = {
  not_in_channel: 'Vouch is not in this channel. Invite it with `/invite @Vouch` and try again.',
  channel_not_found: 'Vouch cannot see this channel. Invite it with `/invite @Vouch` and try again.',
  is_archived: 'This channel is archived.',
  restricted_action: 'This workspace does not let apps post in this channel.',
  msg_too_long: 'That card is too long for Slack.',
};

/**
 * Posts a posting's card into a channel (or thread) on someone's behalf and records the share, so the
 * card can be refreshed when counts change. Used by `/vouch <url>`, the message shortcut and thread cards.
 */
export function createCardSharer(client: WebClient, deps: CardSharerDeps) {
  const { shares, referrals, postings, cards, logger } = deps;
  return async function shareCard(request: ShareRequest): Promise<ShareOutcome> {
    let resolved: ResolvedPosting;
    try {
      resolved = await postings.resolve(request.teamId, request.url);
    } catch (error) {
      if (error instanceof FetchError) return { kind: 'unreadable', reason: error.message };
      throw error;
    }
    if (!isJobLike(resolved.summary)) {
      return { kind: 'not_a_job', resolved };
    }
    const member = await referrals.ensureMember(request.teamId, request.userId);
    // Claim the share before posting: a re-delivered event, the same message under a second event id
    // or a double-clicked shortcut all meet the share store's de-duplication rule, and only the
    // winner posts.
    const claimId = await shares.claimCard(
      {
        postingId: resolved.posting.id,
        channelId: request.channel,
        anchor: request.anchor,
        source: request.source,
        threadTs: request.threadTs ?? null,
        url: request.url,
        sharedById: member.id,
        note: request.note,
      },
      { takeOverUnposted: request.resumeClaim === true },
    );
    if (claimId === null) {
      logger.info(
        { channel: request.channel, postingId: resolved.posting.id },
        'card already shared for this message',
      );
      return { kind: 'already_shared', postingId: resolved.posting.id, resolved };
    }
    // The card carries its claim in its metadata: a run again after a crash between the post and
    // `cardPosted` finds it there instead of posting a second card.
    const mark = { eventType: CARD_METADATA_EVENT, field: 'claim', value: claimId };
    if (request.resumeClaim === true) {
      const place = {
        channel: request.channel,
        ...(request.threadTs !== undefined ? { threadTs: request.threadTs } : {}),
      };
      const earlier = await findOwnMessage(client, place, mark).catch((error: unknown) => {
        // Not readable (a conversation Vouch may post in but not read): a card twice beats none.
        logger.warn({ slackError: slackErrorCode(error) }, 'could not look for an earlier run’s card');
        return null;
      });
      if (earlier !== null) {
        await shares.cardPosted(claimId, earlier);
        return { kind: 'posted', postingId: resolved.posting.id, ts: earlier, resolved };
      }
    }
    const message = await cards.render(resolved.posting.id, {
      note: request.note,
      sharedBy: request.userId,
      removableShareId: claimId,
    });
    let ts: string;
    try {
      const posted = await client.chat.postMessage({
        channel: request.channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(request.threadTs !== undefined ? { thread_ts: request.threadTs } : {}),
        metadata: markedMetadata(mark),
      });
      ts = posted.ts ?? '';
    } catch (error) {
      // Nothing was shared: drop the claim so the share can be tried again (after /invite, say).
      await shares
        .releaseClaim(claimId)
        .catch((cause: unknown) => logger.warn({ err: cause }, 'could not drop a share claim'));
      const slackError = slackErrorCode(error) ?? 'unknown_error';
      logger.info({ channel: request.channel, slackError }, 'could not post a card');
      return {
        kind: 'cannot_post',
        slackError,
        reason:
          CANNOT_POST[slackError] ?? `Slack refused the card (${slackError}). Please try again in a moment.`,
      };
    }
    await shares.cardPosted(claimId, ts);
    return { kind: 'posted', postingId: resolved.posting.id, ts, resolved };
  };
}

export type CardSharer = ReturnType<typeof createCardSharer>;
