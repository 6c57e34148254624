import type { Db } from '../db/client.js';
import type { DatabaseProvider } from '../db/database-url.js';
import { BURST_TRANSACTION_OPTIONS, type WithinTransaction } from '../db/within-transaction.js';
import type { Logger } from '../logger.js';
import type { ReferralStatus } from '../referrals/records.js';
import { FORMER_MEMBER_SLACK_ID } from './former-member.js';

/**
 * Slack user and team ids (`U…`, `W…`, `T…`) in a job's payload as text: in JSON, and in a form body
 * where they sit between percent escapes (`%22T0123ABC%22`), hence no word boundaries.
 */
const SLACK_ID_IN_TEXT = /[UWT][A-Z0-9]{6,}/g;
/**
 * What Vouch holds about one member, and how it goes away: the export a member downloads, the
 * erasure they ask for (or Slack tells us about), a workspace's erasure when the app is removed,
 * and the retention of closed referrals' notes.
 *
 * Adding a table that holds a member's data means one query and one section in `exportMember` and
 * one statement in `eraseMember` (what happens to their rows), where each says "one line per table".
 */

/**
 * The Member row that stands in for every erased member in other people's referrals ("referred by a
 * former member"). One per workspace, never a Slack user id: Slack ids start with U or W.
 */

/** Referral statuses after which nothing more happens: their notes are kept only for the retention. */
export const closedStatuses = [
  'hired',
  'declined',
  'not_selected',
  'withdrawn',
  'closed',
] as const satisfies readonly ReferralStatus[];

/** Prisma's defaults (2 s wait, 5 s run) are short for an erasure during a burst of clicks. */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

const EXPORT_FORMAT = 'vouch-member-export/1';

export interface MemberDataDeps {
  db: Db;
  /** SQLite: the WAL is checkpointed after an erasure so the old pages leave the file. */
  provider: DatabaseProvider;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Rows kept in memory elsewhere (the referral service's member cache) that an erasure ends. */
  caches?: { forgetMember(memberId: string): void; forgetWorkspace(workspaceId: string): void };
  now?: () => Date;
}

/** A posting as an export names it: enough to recognise it, nothing about other people. */
interface ExportedPosting {
  url: string;
  title: string | null;
  company: string | null;
}

/** A candidate profile as an export shows it: the links, the pitch, the résumé file's name and Slack id. */
interface ExportedProfile {
  profileUrl: string | null;
  resumeUrl: string | null;
  pitch: string | null;
  resumeFile: { slackFileId: string; name: string | null } | null;
}

function exportedProfile(row: {
  profileUrl: string | null;
  resumeUrl: string | null;
  pitch: string | null;
  resumeFileId: string | null;
  resumeFileName: string | null;
}): ExportedProfile {
  return {
    profileUrl: row.profileUrl,
    resumeUrl: row.resumeUrl,
    pitch: row.pitch,
    resumeFile:
      row.resumeFileId !== null ? { slackFileId: row.resumeFileId, name: row.resumeFileName } : null,
  };
}

/** Everything Vouch holds about one member, as the JSON file they receive. */
export interface MemberExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  member: { workspaceId: string; slackUserId: string; displayName: string | null; firstSeenAt: string };
  /** "Who can refer at X": companies they said they can refer at. */
  companiesYouReferAt: Array<{ company: string; since: string }>;
  /**
   * Verified referrers: the domain of their Slack e-mail as Vouch last read it (never the address),
   * when, and the companies where it verifies them (✓).
   */
  verification: { emailDomain: string | null; readAt: string | null; verifiedAt: string[] };
  /** "I can refer" on single postings. */
  postingsYouCanReferFor: Array<{ posting: ExportedPosting; since: string }>;
  /** Their own interest: each referral they asked for, with their note and its history. */
  referralsYouAskedFor: Array<{
    posting: ExportedPosting;
    status: string;
    yourNote: string | null;
    showYourName: boolean;
    askedAnyoneWhoCanRefer: boolean;
    referrerSlackUserId: string | null;
    createdAt: string;
    statusChangedAt: string;
    history: Array<{ from: string | null; to: string; at: string; byYou: boolean; yourNote: string | null }>;
    /** The profile sent with this request (src/profiles/), as the referrer received it. */
    profileYouSent: ExportedProfile | null;
  }>;
  /** Referrals where they are the referrer: what they did, not who the candidate is or what they wrote. */
  referralsYouReferred: Array<{
    posting: ExportedPosting;
    status: string;
    yourRelationship: string | null;
    statusChangedAt: string;
    yourUpdates: Array<{ from: string | null; to: string; at: string; yourNote: string | null }>;
  }>;
  /** Job links they shared, with the note they added. */
  postingsYouShared: Array<{ posting: ExportedPosting; channelId: string; note: string | null; at: string }>;
  /** Tags they gave or received: the posting and the role, not the other person. */
  tagsYouGave: Array<{ posting: ExportedPosting; role: string; at: string }>;
  tagsYouReceived: Array<{ posting: ExportedPosting; role: string; at: string }>;
  /** Open requests that reached the member anonymously, and their answer (never who asked). */
  requestsYouWereOffered: Array<{ posting: ExportedPosting; yourAnswer: string; at: string }>;
  /** Cards they removed ("Remove card"): their own, or others' as a workspace admin. */
  cardsYouRemoved: Array<{ posting: ExportedPosting; channelId: string; reason: string | null; at: string }>;
  /** What they follow (`/vouch follow`), as they typed it. */
  follows: Array<{ follow: string; since: string }>;
  /** Postings Vouch told them about (or is about to) because of their follows. */
  postingsYouWereToldAbout: Array<{
    posting: ExportedPosting;
    channelId: string;
    at: string;
    sentAt: string | null;
  }>;
  /** Their candidate profile (App Home's "Your profile"), or null. */
  profile: (ExportedProfile & { updatedAt: string }) | null;
}

export interface ErasureOutcome {
  /** false when Vouch held nothing about the member. */
  erased: boolean;
  /** Postings whose cards named or counted them: their cards should be drawn again. */
  postingIds: string[];
}

const postingSelect = {
  url: true,
  title: true,
  company: { select: { displayName: true } },
} as const;

/** Rows naming a posting, as an export lists them: with the posting, oldest first. */
const withPostingOldestFirst = {
  include: { posting: { select: postingSelect } },
  orderBy: { createdAt: 'asc' },
} as const;

function exportedPosting(posting: {
  url: string;
  title: string | null;
  company: { displayName: string } | null;
}): ExportedPosting {
  return { url: posting.url, title: posting.title, company: posting.company?.displayName ?? null };
}

/** The member's data: exported, erased, expired. See the module comment. */
export function createMemberData(deps: MemberDataDeps) {
  const { db, provider, logger } = deps;
  const now = deps.now ?? (() => new Date());

  function findMember(workspaceId: string, slackUserId: string) {
    return db.member.findUnique({ where: { workspaceId_slackUserId: { workspaceId, slackUserId } } });
  }

  /**
   * After an erasure on SQLite: moves every page of the write-ahead log into the database file and
   * truncates the log, so earlier versions of the erased rows (still in old WAL frames) are gone.
   * With `secure_delete` on (src/db/sqlite-pragmas.ts) the freed space in the file is zeroed too.
   * @see https://www.sqlite.org/pragma.html#pragma_wal_checkpoint
   */
  async function scrubFreedPages(): Promise<void> {
    if (provider !== 'sqlite') return;
    const rows = await db.$queryRawUnsafe<Array<{ busy: number | bigint }>>(
      'PRAGMA wal_checkpoint(TRUNCATE)',
    );
    if (Number(rows[0]?.busy ?? 0) !== 0) {
      logger.warn(
        'WAL checkpoint after an erasure was blocked by a reader; the next checkpoint completes it',
      );
    }
  }

  return {
    /** Everything Vouch holds about the member; null when it holds nothing. */
    async exportMember(workspaceId: string, slackUserId: string): Promise<MemberExport | null> {
      const member = await findMember(workspaceId, slackUserId);
      if (member === null) return null;
      const memberId = member.id;
      // One line per table that holds a member's data.
      const [
        companies,
        postingReferrers,
        asCandidate,
        asReferrer,
        shares,
        tagsGiven,
        tagsReceived,
        offers,
        follows,
        followNotices,
        profile,
        removedShares,
      ] = await Promise.all([
        db.companyReferrer.findMany({
          where: { memberId },
          include: { company: { select: { displayName: true } } },
          orderBy: { createdAt: 'asc' },
        }),
        db.postingReferrer.findMany({
          where: { memberId },
          ...withPostingOldestFirst,
        }),
        db.referral.findMany({
          where: { candidateId: memberId },
          include: {
            posting: { select: postingSelect },
            referrer: { select: { slackUserId: true } },
            events: { orderBy: { createdAt: 'asc' } },
            profile: true,
          },
          orderBy: { createdAt: 'asc' },
        }),
        db.referral.findMany({
          where: { referrerId: memberId, candidateId: { not: memberId } },
          include: {
            posting: { select: postingSelect },
            events: { where: { actorId: memberId }, orderBy: { createdAt: 'asc' } },
          },
          orderBy: { createdAt: 'asc' },
        }),
        db.share.findMany({
          where: { sharedById: memberId },
          ...withPostingOldestFirst,
        }),
        db.tag.findMany({
          where: { taggedById: memberId },
          ...withPostingOldestFirst,
        }),
        db.tag.findMany({
          where: { taggedMemberId: memberId },
          ...withPostingOldestFirst,
        }),
        db.referralOffer.findMany({
          where: { referrerId: memberId },
          include: { referral: { select: { posting: { select: postingSelect } } } },
          orderBy: { createdAt: 'asc' },
        }),
        db.follow.findMany({ where: { memberId }, orderBy: { createdAt: 'asc' } }),
        db.followNotice.findMany({ where: { memberId }, ...withPostingOldestFirst }),
        db.candidateProfile.findUnique({ where: { memberId } }),
        db.share.findMany({ where: { removedById: memberId }, ...withPostingOldestFirst }),
      ]);
      return {
        format: EXPORT_FORMAT,
        exportedAt: now().toISOString(),
        member: {
          workspaceId,
          slackUserId,
          displayName: member.displayName,
          firstSeenAt: member.createdAt.toISOString(),
        },
        companiesYouReferAt: companies.map((row) => ({
          company: row.company.displayName,
          since: row.createdAt.toISOString(),
        })),
        verification: {
          emailDomain: member.emailDomain,
          readAt: member.emailCheckedAt?.toISOString() ?? null,
          verifiedAt: companies.filter((row) => row.verified).map((row) => row.company.displayName),
        },
        postingsYouCanReferFor: postingReferrers.map((row) => ({
          posting: exportedPosting(row.posting),
          since: row.createdAt.toISOString(),
        })),
        referralsYouAskedFor: asCandidate.map((referral) => ({
          posting: exportedPosting(referral.posting),
          status: referral.status,
          yourNote: referral.candidateNote,
          showYourName: referral.showName,
          askedAnyoneWhoCanRefer: referral.askAnyone,
          referrerSlackUserId: referral.referrer?.slackUserId ?? null,
          createdAt: referral.createdAt.toISOString(),
          statusChangedAt: referral.statusChangedAt.toISOString(),
          history: referral.events.map((event) => ({
            from: event.fromStatus,
            to: event.toStatus,
            at: event.createdAt.toISOString(),
            byYou: event.actorId === memberId,
            // Someone else's words on the member's referral are theirs, not the member's.
            yourNote: event.actorId === memberId ? event.note : null,
          })),
          profileYouSent: referral.profile !== null ? exportedProfile(referral.profile) : null,
        })),
        referralsYouReferred: asReferrer.map((referral) => ({
          posting: exportedPosting(referral.posting),
          status: referral.status,
          yourRelationship: referral.referrerRelationship,
          statusChangedAt: referral.statusChangedAt.toISOString(),
          yourUpdates: referral.events.map((event) => ({
            from: event.fromStatus,
            to: event.toStatus,
            at: event.createdAt.toISOString(),
            yourNote: event.note,
          })),
        })),
        postingsYouShared: shares.map((share) => ({
          posting: exportedPosting(share.posting),
          channelId: share.channelId,
          note: share.note,
          at: share.createdAt.toISOString(),
        })),
        tagsYouGave: tagsGiven.map((tag) => ({
          posting: exportedPosting(tag.posting),
          role: tag.role,
          at: tag.createdAt.toISOString(),
        })),
        tagsYouReceived: tagsReceived.map((tag) => ({
          posting: exportedPosting(tag.posting),
          role: tag.role,
          at: tag.createdAt.toISOString(),
        })),
        // Open requests that reached you anonymously, and your answer: never who asked.
        requestsYouWereOffered: offers.map((offer) => ({
          posting: exportedPosting(offer.referral.posting),
          yourAnswer: offer.status,
          at: offer.createdAt.toISOString(),
        })),
        cardsYouRemoved: removedShares.map((share) => ({
          posting: exportedPosting(share.posting),
          channelId: share.channelId,
          reason: share.removedReason,
          at: share.removedAt?.toISOString() ?? share.createdAt.toISOString(),
        })),
        follows: follows.map((row) => ({ follow: row.label, since: row.createdAt.toISOString() })),
        postingsYouWereToldAbout: followNotices.map((row) => ({
          posting: exportedPosting(row.posting),
          channelId: row.channelId,
          at: row.createdAt.toISOString(),
          sentAt: row.sentAt?.toISOString() ?? null,
        })),
        profile:
          profile !== null
            ? { ...exportedProfile(profile), updatedAt: profile.updatedAt.toISOString() }
            : null,
      };
    },

    /**
     * Erases a member, in one transaction. Their own referrals (as candidate: notes, history,
     * reminders) are deleted. Where they were the referrer of someone else's referral, or acted on
     * it, the row stays and points to the workspace's "former member" placeholder, with their words
     * (relationship, status notes) cleared, so the candidate's history stays coherent. Their referrer
     * listings, tags and share notes go; shares stay (the card in the channel is the channel's) but
     * no longer say who shared. Finally the member row itself is deleted: no Slack id remains.
     *
     * Why a shared placeholder row rather than anonymising the member's own row: the row keeps no
     * trace of the person (a per-member placeholder would still tell that two referrals were made by
     * the same erased person), and a member who comes back later starts as a new member instead of
     * inheriting the placeholder's history.
     *
     * `within` runs last in the same transaction, told the postings whose cards showed the member:
     * the jobs that redraw them commit with the erasure.
     */
    async eraseMember(
      workspaceId: string,
      slackUserId: string,
      within?: WithinTransaction<{ postingIds: string[] }>,
    ): Promise<ErasureOutcome> {
      if (slackUserId === FORMER_MEMBER_SLACK_ID) return { erased: false, postingIds: [] };
      const member = await findMember(workspaceId, slackUserId);
      if (member === null) return { erased: false, postingIds: [] };
      const memberId = member.id;
      const postingIds = await db.$transaction(async (tx) => {
        const [listed, candidacies, companies] = await Promise.all([
          tx.postingReferrer.findMany({ where: { memberId }, select: { postingId: true } }),
          tx.referral.findMany({ where: { candidateId: memberId }, select: { postingId: true } }),
          tx.companyReferrer.findMany({ where: { memberId }, select: { companyId: true } }),
        ]);
        const atCompanies = await tx.posting.findMany({
          where: { companyId: { in: companies.map((row) => row.companyId) }, status: 'open', isJob: true },
          select: { id: true },
          orderBy: { createdAt: 'desc' },
          take: 100,
        });
        const former = await tx.member.upsert({
          where: { workspaceId_slackUserId: { workspaceId, slackUserId: FORMER_MEMBER_SLACK_ID } },
          create: { workspaceId, slackUserId: FORMER_MEMBER_SLACK_ID, displayName: null },
          update: {},
        });

        // One line per table that holds a member's data.
        await tx.referral.deleteMany({ where: { candidateId: memberId } }); // events, reminders cascade
        await tx.referral.updateMany({
          where: { referrerId: memberId },
          data: { referrerId: former.id, referrerRelationship: null },
        });
        await tx.referralEvent.updateMany({
          where: { actorId: memberId },
          data: { actorId: former.id, note: null },
        });
        await tx.referralOffer.deleteMany({ where: { referrerId: memberId } });
        await tx.companyReferrer.deleteMany({ where: { memberId } });
        await tx.postingReferrer.deleteMany({ where: { memberId } });
        await tx.tag.deleteMany({ where: { OR: [{ taggedById: memberId }, { taggedMemberId: memberId }] } });
        await tx.follow.deleteMany({ where: { memberId } });
        await tx.followNotice.deleteMany({ where: { memberId } });
        await tx.candidateProfile.deleteMany({ where: { memberId } }); // the profiles they sent go with their referrals
        await tx.share.updateMany({
          where: { sharedById: memberId },
          data: { sharedById: null, note: null },
        });
        // A card they removed stays removed, no longer saying by whom.
        await tx.share.updateMany({ where: { removedById: memberId }, data: { removedById: null } });
        await tx.member.delete({ where: { id: memberId } });
        // Work not done yet that is for or about the member (a DM to them, a request naming them).
        const unfinished = await tx.job.findMany({
          where: { state: { in: ['pending', 'running', 'failed'] } },
          select: { id: true, payload: true },
        });
        const theirs = unfinished.filter((job) => JSON.stringify(job.payload).includes(slackUserId));
        await tx.job.deleteMany({ where: { id: { in: theirs.map((job) => job.id) } } });

        const touched = [
          ...new Set([
            ...listed.map((row) => row.postingId),
            ...candidacies.map((row) => row.postingId),
            ...atCompanies.map((row) => row.id),
          ]),
        ];
        await within?.(tx, { postingIds: touched });
        return touched;
      }, TRANSACTION_OPTIONS);
      deps.caches?.forgetMember(memberId);
      await scrubFreedPages();
      logger.info({ workspaceId }, 'member erased');
      return { erased: true, postingIds };
    },

    /**
     * Erases everything Vouch holds about a workspace (the app was uninstalled or its bot token
     * revoked): the workspace row, and through it every member, company, posting, share and referral.
     */
    async eraseWorkspace(workspaceId: string): Promise<{ erased: boolean }> {
      const count = await db.$transaction(async (tx) => {
        const members = await tx.member.findMany({ where: { workspaceId }, select: { slackUserId: true } });
        const { count } = await tx.workspace.deleteMany({ where: { id: workspaceId } });
        if (count === 0) return 0;
        // Work not done yet for the workspace: a delivery names the team, a DM job only its member.
        // With the tokens revoked it could only fail, and a failed job keeps what it was to say.
        const people = new Set([workspaceId, ...members.map((member) => member.slackUserId)]);
        const unfinished = await tx.job.findMany({
          where: { state: { in: ['pending', 'running', 'failed'] } },
          select: { id: true, payload: true },
        });
        const theirs = unfinished.filter((job) =>
          (JSON.stringify(job.payload).match(SLACK_ID_IN_TEXT) ?? []).some((id) => people.has(id)),
        );
        await tx.job.deleteMany({ where: { id: { in: theirs.map((job) => job.id) } } });
        return count;
      }, BURST_TRANSACTION_OPTIONS);
      if (count === 0) return { erased: false };
      deps.caches?.forgetWorkspace(workspaceId);
      await scrubFreedPages();
      logger.info({ workspaceId }, 'workspace erased');
      return { erased: true };
    },

    /**
     * Clears the notes (the candidate's note, every status note, the profile sent) of referrals that closed more than
     * `retentionDays` ago. The referral and its history stay: counts and stats keep working.
     */
    async eraseExpiredNotes(retentionDays: number): Promise<number> {
      const before = new Date(now().getTime() - retentionDays * 86_400_000);
      const expired = { status: { in: [...closedStatuses] }, statusChangedAt: { lte: before } };
      const cleared = await db.$transaction(async (tx) => {
        const referrals = await tx.referral.updateMany({
          where: {
            ...expired,
            OR: [{ candidateNote: { not: null } }, { referrerRelationship: { not: null } }],
          },
          data: { candidateNote: null, referrerRelationship: null },
        });
        const events = await tx.referralEvent.updateMany({
          where: { note: { not: null }, referral: expired },
          data: { note: null },
        });
        // The profile a candidate sent with a request is their words too.
        const profiles = await tx.referralProfile.deleteMany({ where: { referral: expired } });
        return referrals.count + events.count + profiles.count;
      }, TRANSACTION_OPTIONS);
      if (cleared > 0) await scrubFreedPages();
      return cleared;
    },
  };
}

export type MemberData = ReturnType<typeof createMemberData>;
