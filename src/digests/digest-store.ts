import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { BURST_TRANSACTION_OPTIONS } from '../db/within-transaction.js';
import { teamWorkspace } from '../runtime/workspace-context.js';
import { standingShare } from '../shares/share-store.js';
import { addJob } from '../work/work-queue.js';
import { type DigestPeriod, digestPostJob } from './digest-jobs.js';
import {
  DEFAULT_DIGEST_SCHEDULE,
  type DigestFrequency,
  type DigestSchedule,
  nextDigestAt,
  previousDigestAt,
} from './digest-schedule.js';

/** A channel's digest as the command shows it. */
export interface DigestSetting {
  frequency: DigestFrequency;
  nextDueAt: Date;
}

export type SetDigestOutcome =
  | { kind: 'set'; setting: DigestSetting }
  /** It had that frequency already: nothing changed. */
  | { kind: 'unchanged'; setting: DigestSetting };

/** Where a posting was first shared in a digest's period: the message a link to the share points at. */
export interface DigestShare {
  postingId: string;
  /** The shared message, or the bot's card for `/vouch <link>` (no message of the member's). */
  messageTs: string;
}

/** The postings of a digest's period, in the order they were first shared. */
export interface DigestContents {
  shares: DigestShare[];
}

export interface DigestStoreDeps {
  db: Db;
  schedule?: DigestSchedule;
  now?: () => Date;
}

/** Digests claimed per query of a round (a round asks again until none is due). */
const BATCH = 200;
/** Shares of one period read at most (a digest lists the first few and counts the rest). */
const MAX_SHARES = 1_000;

/**
 * Channel digests (README in this folder): which channels get one and how often, the claim of each
 * channel's period (once, however many replicas run the round), and what was shared in a period.
 */
export function createDigestStore(deps: DigestStoreDeps) {
  const { db } = deps;
  const schedule = deps.schedule ?? DEFAULT_DIGEST_SCHEDULE;
  const now = deps.now ?? (() => new Date());

  async function get(workspaceId: string, channelId: string): Promise<DigestSetting | null> {
    return db.channelDigest.findUnique({
      where: { workspaceId_channelId: { workspaceId, channelId } },
      select: { frequency: true, nextDueAt: true },
    });
  }

  /** Changes an existing digest's frequency: the next one at the new schedule, the period kept. */
  async function change(
    workspaceId: string,
    channelId: string,
    frequency: DigestFrequency,
  ): Promise<SetDigestOutcome | null> {
    const existing = await get(workspaceId, channelId);
    if (existing === null) return null;
    if (existing.frequency === frequency) return { kind: 'unchanged', setting: existing };
    const nextDueAt = nextDigestAt(frequency, now(), schedule);
    await db.channelDigest.updateMany({ where: { workspaceId, channelId }, data: { frequency, nextDueAt } });
    return { kind: 'set', setting: { frequency, nextDueAt } };
  }

  return {
    schedule,
    get,

    /**
     * Gives a channel a digest, or changes how often. A new digest's first period starts at the
     * schedule's last time before now, so its first message covers a whole day or week.
     */
    async set(workspaceId: string, channelId: string, frequency: DigestFrequency): Promise<SetDigestOutcome> {
      const changed = await change(workspaceId, channelId, frequency);
      if (changed !== null) return changed;
      const at = now();
      const setting = { frequency, nextDueAt: nextDigestAt(frequency, at, schedule) };
      try {
        await db.channelDigest.create({
          data: {
            workspaceId,
            channelId,
            ...setting,
            coveredUntil: previousDigestAt(frequency, at, schedule),
          },
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Set at the same moment by someone else: this one changes theirs.
        return (await change(workspaceId, channelId, frequency)) ?? { kind: 'set', setting };
      }
      return { kind: 'set', setting };
    },

    /** Ends a channel's digest: true when it had one. */
    async turnOff(workspaceId: string, channelId: string): Promise<boolean> {
      const { count } = await db.channelDigest.deleteMany({ where: { workspaceId, channelId } });
      return count > 0;
    },

    /**
     * Claims every channel's period that is due at `at` and writes its digest job in the same
     * transaction: the claim is one conditional UPDATE of the channel's `nextDueAt` (from the due time
     * read to the next one), so of two replicas (or rounds) that read the same due digest, one
     * writes the job and the other changes nothing. A period covers what was shared from the last
     * one's end to the time it was due; after downtime, the next is the schedule's next time after
     * `at` (one digest catches up, not one per missed period). The number of digests started.
     */
    async startDue(at: Date = now()): Promise<number> {
      let started = 0;
      for (;;) {
        const due = await db.channelDigest.findMany({
          where: { nextDueAt: { lte: at } },
          orderBy: { nextDueAt: 'asc' },
          take: BATCH,
        });
        let claimed = 0;
        for (const row of due) {
          const period: DigestPeriod = {
            workspaceId: row.workspaceId,
            channelId: row.channelId,
            frequency: row.frequency,
            from: row.coveredUntil,
            until: row.nextDueAt,
          };
          const after = at.getTime() > row.nextDueAt.getTime() ? at : row.nextDueAt;
          const stillDue = {
            workspaceId: row.workspaceId,
            channelId: row.channelId,
            nextDueAt: row.nextDueAt,
          };
          const moveOn = {
            coveredUntil: row.nextDueAt,
            nextDueAt: nextDigestAt(row.frequency, after, schedule),
          };
          try {
            const won = await db.$transaction(async (tx) => {
              const { count } = await tx.channelDigest.updateMany({ where: stillDue, data: moveOn });
              if (count === 0) return false;
              await addJob(tx, { ...digestPostJob(period), workspace: teamWorkspace(period.workspaceId) });
              return true;
            }, BURST_TRANSACTION_OPTIONS);
            if (won) claimed += 1;
          } catch (error) {
            if (!isUniqueViolation(error)) throw error;
            // This period's job was written before (its key names the channel and the due time):
            // the period is done, only the channel's row had not moved on.
            await db.channelDigest.updateMany({ where: stillDue, data: moveOn });
          }
        }
        started += claimed;
        // Rows another replica claimed meanwhile are no longer due: stop when a batch ran dry.
        if (due.length < BATCH || claimed === 0) return started;
      }
    },

    /** Whether the channel still has a digest (it may have been turned off since its job was written). */
    async isOn(workspaceId: string, channelId: string): Promise<boolean> {
      return (await get(workspaceId, channelId)) !== null;
    },

    /**
     * The postings of a period that are still open jobs, each once, where it was first shared in the
     * channel during the period. A card still being posted (no message yet) is left out.
     */
    async contents(
      period: Pick<DigestPeriod, 'workspaceId' | 'channelId' | 'from' | 'until'>,
    ): Promise<DigestContents> {
      const rows = await db.share.findMany({
        where: {
          channelId: period.channelId,
          createdAt: { gte: period.from, lt: period.until },
          // A card removed by its sharer or an admin is not "shared here" any more.
          ...standingShare,
          posting: { workspaceId: period.workspaceId, isJob: true, status: 'open' },
        },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: MAX_SHARES,
        select: { postingId: true, messageTs: true, cardTs: true },
      });
      const seen = new Set<string>();
      const shares: DigestShare[] = [];
      for (const row of rows) {
        const messageTs = row.messageTs ?? row.cardTs;
        if (messageTs === null || seen.has(row.postingId)) continue;
        seen.add(row.postingId);
        shares.push({ postingId: row.postingId, messageTs });
      }
      return { shares };
    },
  };
}

export type DigestStore = ReturnType<typeof createDigestStore>;
