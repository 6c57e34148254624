import type { Db } from '../db/client.js';
import { insertedOnce, isUniqueViolation } from '../db/unique-violation.js';
import { followMatchJob } from '../follows/follow-jobs.js';
import { addJob } from '../work/work-queue.js';
import { shareDedupeKey } from './share-dedupe-key.js';

/** How a posting reached a channel. */
export type ShareSource = 'unfurl' | 'command' | 'shortcut' | 'thread';

/** A share as the card refresh needs it: where the card is and what the sharer added. */
export interface ShareRecord {
  id: string;
  channelId: string;
  messageTs: string | null;
  cardTs: string | null;
  url: string | null;
  source: ShareSource;
  sharedById: string | null;
  note: string | null;
}

export interface CardShareClaim {
  postingId: string;
  channelId: string;
  /** The shared message's ts, or the slash command's trigger_id (no message yet). */
  anchor: string;
  source: Exclude<ShareSource, 'unfurl'>;
  threadTs: string | null;
  url: string;
  sharedById: string;
  note: string | null;
}

export interface UnfurlShare {
  postingId: string;
  channelId: string;
  messageTs: string;
  threadTs: string | null;
  url: string;
  sharedById: string | null;
}

/** How many copies of one card a refresh keeps current (the newest). */
const REFRESHED_SHARES = 20;

/**
 * The owner of share rows: every place in Slack a posting's card stands. The de-duplication rule
 * lives here: one share per posting, channel and delivery anchor (`share-dedupe-key.ts`), enforced by
 * the unique column, so a re-delivered event, a second event id for the same message or a double
 * click meets the row the first one wrote.
 */
export function createShareStore(db: Db) {
  return {
    /**
     * Claims a card's place before it is posted: the id of the new row, or null when this delivery
     * already has its card (only the winner of a race posts). `takeOverUnposted`: a delivery run
     * again after a crash (its job's key keeps any other run away) takes back its own claim when no
     * card was recorded for it.
     */
    async claimCard(
      claim: CardShareClaim,
      options: { takeOverUnposted?: boolean } = {},
    ): Promise<string | null> {
      try {
        const row = await db.share.create({
          data: {
            postingId: claim.postingId,
            channelId: claim.channelId,
            messageTs: claim.source === 'command' ? null : claim.anchor,
            threadTs: claim.threadTs,
            cardTs: null,
            url: claim.url,
            source: claim.source,
            sharedById: claim.sharedById,
            note: claim.note,
            dedupeKey: shareDedupeKey(claim),
          },
          select: { id: true },
        });
        return row.id;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (options.takeOverUnposted !== true) return null;
        // The same delivery run again after its process died: its claim has no card yet.
        const left = await db.share.findUnique({
          where: { dedupeKey: shareDedupeKey(claim) },
          select: { id: true, cardTs: true },
        });
        return left !== null && left.cardTs === null ? left.id : null;
      }
    },

    /** Drops a claim whose card could not be posted, so the share can be tried again. */
    async releaseClaim(claimId: string): Promise<void> {
      await db.share.delete({ where: { id: claimId } });
    },

    /**
     * Records the ts of the card message a claim led to, and (same transaction) the job that tells
     * the followers it matches (src/follows/).
     */
    async cardPosted(claimId: string, cardTs: string): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.share.update({ where: { id: claimId }, data: { cardTs } });
        await addJob(tx, followMatchJob(claimId));
      });
    },

    /**
     * Records an unfurl in conversation history, with the job that tells the followers it matches
     * (src/follows/); a repeat of the same delivery is a no-op.
     */
    async recordUnfurl(share: UnfurlShare): Promise<void> {
      await insertedOnce(() =>
        db.$transaction(async (tx) => {
          const row = await tx.share.create({
            select: { id: true },
            data: {
              postingId: share.postingId,
              channelId: share.channelId,
              messageTs: share.messageTs,
              threadTs: share.threadTs,
              source: 'unfurl',
              url: share.url,
              sharedById: share.sharedById,
              dedupeKey: shareDedupeKey({ ...share, anchor: share.messageTs }),
            },
          });
          await addJob(tx, followMatchJob(row.id));
        }),
      );
    },

    /** The newest places a posting's card stands, for a refresh. */
    async recentFor(postingId: string): Promise<ShareRecord[]> {
      return db.share.findMany({
        where: { postingId },
        orderBy: { createdAt: 'desc' },
        take: REFRESHED_SHARES,
        select: {
          id: true,
          channelId: true,
          messageTs: true,
          cardTs: true,
          url: true,
          source: true,
          sharedById: true,
          note: true,
        },
      });
    },
  };
}

export type ShareStore = ReturnType<typeof createShareStore>;
