import type { Db } from '../db/client.js';
import { insertedOnce, isUniqueViolation } from '../db/unique-violation.js';
import type { WithinTransaction } from '../db/within-transaction.js';
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
 * The Prisma filter for a share whose card still stands: not removed by its sharer or an admin
 * ("Remove card"). Whatever says "shared in channel X" (a digest, a follow DM, browsing by channel)
 * counts only these; a removed share stays in the table so its delivery is never re-posted.
 */
export const standingShare = { removedAt: null } as const;

/**
 * The Prisma filter for postings that public lists show: shared where a card still stands, or never
 * recorded in a channel at all (an unfurl in the message composer). A posting whose every card was
 * removed is listed only to those engaged with it (their referrals, their Home).
 */
export const publiclyListedPosting = {
  OR: [{ shares: { none: {} } }, { shares: { some: standingShare } }],
};

/** Why a card was removed (`Share.removedReason`): shared by mistake, or spam (not a job). */
export const removalReasons = ['mistake', 'spam'] as const;
export type RemovalReason = (typeof removalReasons)[number];

/** A share as "Remove card" needs it: where its card stands, who shared it, whether it is gone. */
export interface RemovableShare {
  id: string;
  postingId: string;
  workspaceId: string;
  channelId: string;
  cardTs: string | null;
  /** The sharer's Slack user id; null when nobody (an erased member) is on record. */
  sharedBySlackUserId: string | null;
  removed: boolean;
}

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
          select: { id: true, cardTs: true, removedAt: true },
        });
        return left !== null && left.cardTs === null && left.removedAt === null ? left.id : null;
      }
    },

    /** Drops a claim whose card could not be posted, so the share can be tried again. */
    async releaseClaim(claimId: string): Promise<void> {
      await db.share.delete({ where: { id: claimId } });
    },

    /**
     * Records the ts of the card message a claim led to, and (same transaction) the job that tells
     * the followers it matches (src/follows/). A card removed meanwhile (its message clicked away
     * before a slow run got here) stays removed and tells nobody.
     */
    async cardPosted(claimId: string, cardTs: string): Promise<void> {
      await db.$transaction(async (tx) => {
        const { count } = await tx.share.updateMany({
          where: { id: claimId, ...standingShare },
          data: { cardTs },
        });
        if (count > 0) await addJob(tx, followMatchJob(claimId));
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

    /** The newest places a posting's card stands (removed cards left out), for a refresh. */
    async recentFor(postingId: string): Promise<ShareRecord[]> {
      return db.share.findMany({
        where: { postingId, ...standingShare },
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

    /** A share a "Remove card" click names; null when there is no such share. */
    async removable(shareId: string): Promise<RemovableShare | null> {
      const row = await db.share.findUnique({
        where: { id: shareId },
        select: {
          id: true,
          postingId: true,
          channelId: true,
          cardTs: true,
          removedAt: true,
          posting: { select: { workspaceId: true } },
          sharedBy: { select: { slackUserId: true } },
        },
      });
      if (row === null) return null;
      return {
        id: row.id,
        postingId: row.postingId,
        workspaceId: row.posting.workspaceId,
        channelId: row.channelId,
        cardTs: row.cardTs,
        sharedBySlackUserId: row.sharedBy?.slackUserId ?? null,
        removed: row.removedAt !== null,
      };
    },

    /**
     * Records that a card was removed (who, when) and, in the same transaction, `within` (the click
     * marked handled, the job that deletes the message). `cardTs` is the message clicked on, kept
     * when the share had none on record yet (a card whose run died between posting and recording):
     * a run again then finds the share posted and posts nothing. false, with nothing written, when
     * the card was already removed.
     */
    async removeCard(
      shareId: string,
      removal: { removedById: string; cardTs: string; reason: RemovalReason },
      within?: WithinTransaction,
    ): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const share = await tx.share.findUnique({ where: { id: shareId }, select: { cardTs: true } });
        const { count } = await tx.share.updateMany({
          where: { id: shareId, ...standingShare },
          data: {
            removedAt: new Date(),
            removedById: removal.removedById,
            removedReason: removal.reason,
            cardTs: share?.cardTs ?? removal.cardTs,
          },
        });
        if (count === 0) return false;
        await within?.(tx, undefined);
        return true;
      });
    },
  };
}

export type ShareStore = ReturnType<typeof createShareStore>;
