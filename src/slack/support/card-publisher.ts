import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import { isJobLike } from '../../postings/posting-store.js';
import type { PostingSummary } from '../../postings/posting-summary.js';
import type { Posting } from '../../referrals/records.js';
import type { CardState, ReferralService } from '../../referrals/referral-service.js';
import type { ShareStore } from '../../shares/share-store.js';
import type { SlackMessage } from '../blocks/block-kit.js';
import {
  CARD_NAMES_SHOWN,
  type CardButtons,
  type PostingCardInput,
  plainLinkCard,
  postingCard,
  postingCardBlocks,
} from '../blocks/posting-card.js';
import { isLimitedSource } from '../blocks/posting-format.js';
import { describeSlackError } from '../slack-error.js';
import { coalesceByKey } from './coalesce-by-key.js';

export interface CardPublisherDeps {
  shares: Pick<ShareStore, 'recentFor'>;
  referrals: Pick<ReferralService, 'cardState' | 'membersIn'>;
  logger: Logger;
}

export interface ShareContext {
  note?: string | null;
  sharedBy?: string | null;
  /** The share of a card Vouch posted itself: the card gets its "…" menu with "Remove card". */
  removableShareId?: string | null;
}

/**
 * Renders a posting's card from the database (counts and people are always current) and keeps every
 * copy of it in Slack current: `chat.update` for the bot's own card messages, `chat.unfurl` again for
 * unfurls in conversation history.
 * @see https://api.slack.com/methods/chat.unfurl
 */
export function createCardPublisher(client: WebClient, deps: CardPublisherDeps) {
  const { shares: shareStore, referrals, logger } = deps;

  /** The card's data from one read of the card state, or null when the posting is not a job. */
  function inputFrom(state: CardState, share: ShareContext): PostingCardInput | null {
    const summary = state.summary;
    if (summary === null || !isJobLike(summary)) return null;
    return {
      summary,
      postingId: state.posting.id,
      sharerNote: share.note ?? null,
      sharedBy: share.sharedBy ?? null,
      counts: state.counts,
      referrers: state.referrers.map((m) => ({ userId: m.slackUserId, verified: m.verified })),
      namedCandidates: state.namedCandidates.map((m) => ({ userId: m.slackUserId })),
      companyReferrers: state.companyReferrers.map((m) => ({ userId: m.slackUserId, verified: m.verified })),
      totals: state.totals,
      closed: state.posting.status === 'closed',
      limitedSource: isLimitedSource(summary),
      removableShareId: share.removableShareId ?? null,
    };
  }

  function messageFrom(state: CardState, share: ShareContext, which: CardButtons = 'channel'): SlackMessage {
    const input = inputFrom(state, share);
    if (input === null) {
      return plainLinkCard({
        url: state.posting.url,
        title: state.summary?.title ?? null,
        description: state.summary?.summary ?? null,
      });
    }
    return which === 'channel'
      ? postingCard(input)
      : { text: postingCard(input).text, blocks: postingCardBlocks(input, which) };
  }

  async function cardInput(postingId: string, share: ShareContext = {}): Promise<PostingCardInput | null> {
    return inputFrom(await referrals.cardState(postingId, CARD_NAMES_SHOWN), share);
  }

  async function render(
    postingId: string,
    share: ShareContext = {},
    which: CardButtons = 'channel',
  ): Promise<SlackMessage> {
    return messageFrom(await referrals.cardState(postingId, CARD_NAMES_SHOWN), share, which);
  }

  /** One pass over every copy of the card: the state is read once, each copy keeps its own note. */
  async function refreshOnce(postingId: string): Promise<void> {
    const [state, shares] = await Promise.all([
      referrals.cardState(postingId, CARD_NAMES_SHOWN),
      shareStore.recentFor(postingId),
    ]);
    // Sharers come from the recent member rows (a Prisma include would query them on every refresh).
    const sharerIds = shares.flatMap((share) => (share.sharedById === null ? [] : [share.sharedById]));
    const sharers = new Map((await referrals.membersIn(sharerIds)).map((m) => [m.id, m.slackUserId]));
    await Promise.all(
      shares.map(async (share) => {
        const message = messageFrom(state, {
          note: share.note,
          sharedBy: share.sharedById === null ? null : (sharers.get(share.sharedById) ?? null),
          // Vouch's own card messages can be removed; an unfurl is the member's message.
          removableShareId: share.cardTs !== null ? share.id : null,
        });
        try {
          if (share.cardTs !== null) {
            await client.chat.update({
              channel: share.channelId,
              ts: share.cardTs,
              text: message.text,
              blocks: message.blocks,
            });
          } else if (share.source === 'unfurl' && share.messageTs !== null && share.url !== null) {
            await client.chat.unfurl({
              channel: share.channelId,
              ts: share.messageTs,
              unfurls: { [share.url]: { blocks: message.blocks } },
            });
          }
        } catch (error) {
          logger.info(
            { postingId, channel: share.channelId, slackError: describeSlackError(error) },
            'card refresh failed',
          );
        }
      }),
    );
  }

  /** A click during a refresh of the same posting asks for one more pass, not one per click. */
  const refreshCoalesced = coalesceByKey(refreshOnce);

  return {
    render,
    cardInput,

    /** A plain card for a summary that is not stored (a link that is not a job). */
    plain(summary: PostingSummary): SlackMessage {
      return plainLinkCard({ url: summary.url, title: summary.title, description: summary.summary });
    },

    /** A plain card for a link that could not be read at all. */
    plainLink(input: { url: string; title?: string | null; description?: string | null }): SlackMessage {
      return plainLinkCard(input);
    },

    /**
     * Re-renders every copy of the card in Slack; resolves once a pass that saw the caller's change
     * has finished. Failures are logged: a stale count is not worth a crash.
     */
    refresh(posting: Pick<Posting, 'id'>): Promise<void> {
      return refreshCoalesced(posting.id);
    },
  };
}

export type CardPublisher = ReturnType<typeof createCardPublisher>;
