import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { BURST_TRANSACTION_OPTIONS, type WithinTransaction } from '../db/within-transaction.js';
import {
  type PostingSummary,
  postingSummarySchema,
  workplaceTypeSchema,
} from '../postings/posting-summary.js';
import { standingShare } from '../shares/share-store.js';
import { addJob } from '../work/work-queue.js';
import { followBatchJob } from './follow-jobs.js';
import type { FollowCriteria, FollowInput } from './follow-matcher.js';
import { followCriteria } from './follow-matcher.js';

/** How many follows one member keeps (the App Home lists them all). */
export const MAX_FOLLOWS = 20;
/** At most one follow DM per member in this long. */
export const FOLLOW_DM_INTERVAL_MS = 60 * 60 * 1000;
/**
 * The first DM after a quiet hour waits this long, so that postings shared at once (a burst in a
 * channel, a list pasted in a thread) arrive as one DM.
 */
export const FOLLOW_GATHER_MS = 60 * 1000;

/** One of a member's follows, as lists show it (numbered by `position`, from 1). */
export interface FollowRow {
  id: string;
  position: number;
  label: string;
  criteria: FollowCriteria;
}

/** A follower in a workspace: who, and what they follow. */
export interface Follower {
  memberId: string;
  slackUserId: string;
  criteria: FollowCriteria;
}

/** A share as matching needs it: where, by whom, and the card. */
export interface SharedCard {
  postingId: string;
  workspaceId: string;
  channelId: string;
  sharedById: string | null;
  summary: PostingSummary;
}

export type AddFollowOutcome =
  | { kind: 'added'; label: string }
  | { kind: 'exists'; label: string }
  | { kind: 'full'; max: number }
  | { kind: 'empty' };

/** What a member's pending follow DM should do now. */
export type BatchPlan =
  | { kind: 'nothing' }
  /** The member's hour since their last follow DM is not over. */
  | { kind: 'wait'; until: Date }
  | { kind: 'send'; notices: Array<{ postingId: string; channelId: string; open: boolean }> };

export interface FollowStoreDeps {
  db: Db;
  now?: () => Date;
  gatherMs?: number;
  intervalMs?: number;
}

function criteriaOf(row: {
  words: string;
  workplaceType: string | null;
  place: string | null;
}): FollowCriteria {
  const type = workplaceTypeSchema.safeParse(row.workplaceType);
  return { words: row.words, workplaceType: type.success ? type.data : null, place: row.place };
}

/**
 * Follows (README in this folder): what members follow, who a shared card concerns, and the record
 * of what each follower was told (once per posting, at most one DM an hour).
 */
export function createFollowStore(deps: FollowStoreDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const gatherMs = deps.gatherMs ?? FOLLOW_GATHER_MS;
  const intervalMs = deps.intervalMs ?? FOLLOW_DM_INTERVAL_MS;

  async function list(memberId: string): Promise<FollowRow[]> {
    const rows = await db.follow.findMany({
      where: { memberId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((row, i) => ({
      id: row.id,
      position: i + 1,
      label: row.label,
      criteria: criteriaOf(row),
    }));
  }

  return {
    list,

    /** Adds a follow; the same follow twice is one. */
    async add(memberId: string, input: FollowInput): Promise<AddFollowOutcome> {
      const built = followCriteria(input);
      if (built === null) return { kind: 'empty' };
      const existing = await db.follow.findUnique({
        where: { memberId_dedupeKey: { memberId, dedupeKey: built.dedupeKey } },
        select: { label: true },
      });
      if (existing !== null) return { kind: 'exists', label: existing.label };
      if ((await db.follow.count({ where: { memberId } })) >= MAX_FOLLOWS) {
        return { kind: 'full', max: MAX_FOLLOWS };
      }
      try {
        await db.follow.create({
          data: { memberId, ...built.criteria, label: built.label, dedupeKey: built.dedupeKey },
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return { kind: 'exists', label: built.label };
      }
      return { kind: 'added', label: built.label };
    },

    /** Removes the follow at `position` (as `list` numbers them), or all: the labels removed. */
    async remove(memberId: string, which: number | 'all'): Promise<string[]> {
      const rows = await list(memberId);
      const gone = which === 'all' ? rows : rows.filter((row) => row.position === which);
      await db.follow.deleteMany({ where: { memberId, id: { in: gone.map((row) => row.id) } } });
      return gone.map((row) => row.label);
    },

    /** Removes one follow by id (an App Home button): its label, or null when it was not theirs. */
    async removeById(memberId: string, followId: string): Promise<string | null> {
      const row = await db.follow.findFirst({ where: { id: followId, memberId }, select: { label: true } });
      if (row === null) return null;
      await db.follow.deleteMany({ where: { id: followId, memberId } });
      return row.label;
    },

    /**
     * The share a match job is about, with its card; null when it is gone, its card was removed, or
     * it is not an open job.
     */
    async sharedCard(shareId: string): Promise<SharedCard | null> {
      const share = await db.share.findFirst({
        where: { id: shareId, ...standingShare },
        select: {
          channelId: true,
          sharedById: true,
          posting: { select: { id: true, workspaceId: true, summary: true, isJob: true, status: true } },
        },
      });
      if (share === null || !share.posting.isJob || share.posting.status !== 'open') return null;
      const summary = postingSummarySchema.safeParse(share.posting.summary);
      if (!summary.success) return null;
      return {
        postingId: share.posting.id,
        workspaceId: share.posting.workspaceId,
        channelId: share.channelId,
        sharedById: share.sharedById,
        summary: summary.data,
      };
    },

    /** Everyone in a workspace who follows something, with each follow. */
    async followersIn(workspaceId: string): Promise<Follower[]> {
      const rows = await db.follow.findMany({
        where: { member: { workspaceId } },
        select: {
          memberId: true,
          words: true,
          workplaceType: true,
          place: true,
          member: { select: { slackUserId: true } },
        },
      });
      return rows.map((row) => ({
        memberId: row.memberId,
        slackUserId: row.member.slackUserId,
        criteria: criteriaOf(row),
      }));
    },

    /**
     * Queues a posting for a follower's next follow DM: false when they were already told about it
     * (or it waits already). The first notice after a DM schedules the next DM (a job at the end of
     * the member's hour, or after the gathering minute); later ones join it.
     */
    async queueNotice(
      follower: { memberId: string; slackUserId: string },
      notice: { postingId: string; channelId: string },
    ): Promise<boolean> {
      const { memberId } = follower;
      const at = now();
      try {
        return await db.$transaction(async (tx) => {
          const known = await tx.followNotice.findUnique({
            where: { memberId_postingId: { memberId, postingId: notice.postingId } },
            select: { memberId: true },
          });
          if (known !== null) return false;
          const waiting = await tx.followNotice.findFirst({
            where: { memberId, sentAt: null },
            select: { batchKey: true },
          });
          if (waiting !== null) {
            await tx.followNotice.create({ data: { memberId, ...notice, batchKey: waiting.batchKey } });
            return true;
          }
          const last = await tx.followNotice.findFirst({
            where: { memberId, sentAt: { not: null } },
            orderBy: { sentAt: 'desc' },
            select: { sentAt: true },
          });
          const runAfter = new Date(
            Math.max(at.getTime() + gatherMs, (last?.sentAt?.getTime() ?? 0) + intervalMs),
          );
          const batchKey = `follow-batch:${memberId}:${notice.postingId}`;
          await tx.followNotice.create({ data: { memberId, ...notice, batchKey } });
          await addJob(tx, followBatchJob(batchKey, follower, runAfter));
          return true;
        }, BURST_TRANSACTION_OPTIONS);
      } catch (error) {
        // A concurrent match for the same member and posting won.
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** What a member's follow DM job should do now (see `BatchPlan`). */
    async planBatch(memberId: string): Promise<BatchPlan> {
      const last = await db.followNotice.findFirst({
        where: { memberId, sentAt: { not: null } },
        orderBy: { sentAt: 'desc' },
        select: { sentAt: true },
      });
      const until = (last?.sentAt?.getTime() ?? 0) + intervalMs;
      const waiting = await db.followNotice.findMany({
        where: { memberId, sentAt: null },
        orderBy: { createdAt: 'asc' },
        select: { postingId: true, channelId: true, posting: { select: { status: true } } },
      });
      if (waiting.length === 0) return { kind: 'nothing' };
      if (until > now().getTime()) return { kind: 'wait', until: new Date(until) };
      return {
        kind: 'send',
        notices: waiting.map((row) => ({
          postingId: row.postingId,
          channelId: row.channelId,
          open: row.posting.status === 'open',
        })),
      };
    },

    /**
     * Moves a member's waiting notices to a DM job at `until` (their hour is not over). A run of the
     * same job again writes the same key: already done.
     */
    async postpone(
      follower: { memberId: string; slackUserId: string },
      batchKey: string,
      until: Date,
    ): Promise<void> {
      const next = `${batchKey}@${until.getTime()}`;
      try {
        await db.$transaction(async (tx) => {
          await tx.followNotice.updateMany({
            where: { memberId: follower.memberId, sentAt: null },
            data: { batchKey: next },
          });
          await addJob(tx, followBatchJob(next, follower, until));
        }, BURST_TRANSACTION_OPTIONS);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    },

    /**
     * Marks the notices of `sent` sent, with the DM that tells them written by `within` in the same
     * transaction: false (and nothing written) when none was still waiting (a twin run sent them).
     * The notices of `dropped` (postings closed meanwhile) are deleted: they start no hour.
     */
    async markSent(
      memberId: string,
      notices: { sent: string[]; dropped: string[] },
      within: WithinTransaction,
    ): Promise<boolean> {
      return db.$transaction(async (tx) => {
        if (notices.dropped.length > 0) {
          await tx.followNotice.deleteMany({
            where: { memberId, postingId: { in: notices.dropped }, sentAt: null },
          });
        }
        if (notices.sent.length === 0) return false;
        const { count } = await tx.followNotice.updateMany({
          where: { memberId, postingId: { in: notices.sent }, sentAt: null },
          data: { sentAt: now() },
        });
        if (count === 0) return false;
        await within(tx, undefined);
        return true;
      }, BURST_TRANSACTION_OPTIONS);
    },
  };
}

export type FollowStore = ReturnType<typeof createFollowStore>;
