import type { Db } from '../db/client.js';
import type { PostingRows } from '../postings/posting-rows.js';
import { type PostingSummary, storedSummary } from '../postings/posting-summary.js';
import { publiclyListedPosting } from '../shares/share-store.js';
import { type CardPersonRow, readCardPeople } from './card-people.js';
import type { CompanyDirectory, VerifiedMember } from './company-directory.js';
import type { Members } from './members.js';
import type { Member, Posting, Referral, ReferralOffer, ReferralStatus } from './records.js';
import { ReferralError } from './referral-error.js';
import { openStatuses } from './status-machine.js';

export type ReferralWithPeople = Referral & { candidate: Member; referrer: Member | null; posting: Posting };

/** An open request as one referrer sees it before the candidate accepts them: no name, no note. */
export interface Invitation {
  offerId: string;
  referralId: string;
  status: 'invited' | 'offered';
  posting: Posting;
  /** Where the candidate pressed "I'm interested". */
  channelId: string | null;
}

/** A referrer's offer, as the candidate sees it. */
export type OfferWithReferrer = ReferralOffer & { referrer: Member };

export interface CardState {
  posting: Posting;
  summary: PostingSummary | null;
  /**
   * The first few of each list, oldest first (`totals` says how many there are). Each referrer with
   * whether Vouch verified them at the company (✓) or they are self-declared.
   */
  referrers: VerifiedMember[];
  /** Only candidates who chose to be named. */
  namedCandidates: Member[];
  /** The company's directory, without the posting's own referrers. */
  companyReferrers: VerifiedMember[];
  counts: { referrers: number; interested: number };
  /** Each list's full length (the card names its first few, "and N more") and the referrers with ✓. */
  totals: { referrers: number; companyReferrers: number; namedCandidates: number; verified: number };
}

export interface ReferralReadModelDeps {
  db: Db;
  members: Pick<Members, 'membersIn' | 'memberRows'>;
  postingRows: Pick<PostingRows, 'find' | 'byId'>;
  directory: Pick<CompanyDirectory, 'findCompany'>;
}

const OPEN_STATUSES: ReferralStatus[] = [...openStatuses];

/** What the surfaces read: a posting for a click, a card's state, a member's lists, the stats. */
export function createReferralReadModels(deps: ReferralReadModelDeps) {
  const { db, members, postingRows, directory } = deps;

  async function getPosting(postingId: string): Promise<Posting> {
    const posting = await postingRows.find(postingId);
    if (posting === null) throw new ReferralError('posting_not_found', `no posting ${postingId}`);
    return posting;
  }

  /**
   * The candidate, referrer and posting of each referral, from the recent rows where possible and
   * with one query per kind for the rest (Prisma's `include` costs three queries per load, one of
   * them `IN (NULL)` when nobody refers yet).
   */
  async function withPeople(referrals: Referral[]): Promise<ReferralWithPeople[]> {
    if (referrals.length === 0) return [];
    const [people, postings] = await Promise.all([
      members.memberRows(
        referrals.flatMap((r) => (r.referrerId === null ? [r.candidateId] : [r.candidateId, r.referrerId])),
      ),
      postingRows.byId(referrals.map((r) => r.postingId)),
    ]);
    return referrals.map((referral) => {
      const candidate = people.get(referral.candidateId);
      const referrer = referral.referrerId === null ? null : (people.get(referral.referrerId) ?? null);
      const posting = postings.get(referral.postingId);
      if (candidate === undefined || posting === undefined)
        throw new Error(`referral ${referral.id} refers to a missing member or posting`);
      return { ...referral, candidate, referrer, posting };
    });
  }

  async function getReferral(referralId: string): Promise<ReferralWithPeople> {
    const referral = await db.referral.findUnique({ where: { id: referralId } });
    if (referral === null) throw new ReferralError('referral_not_found', `no referral ${referralId}`);
    const [withRelations] = await withPeople([referral]);
    return withRelations as ReferralWithPeople;
  }

  return {
    getPosting,
    getReferral,
    withPeople,

    /**
     * Everything a card shows: counts, the first `names` public referrers of each list, the first
     * `names` candidates who chose to be named. Counted and cut in SQL (`card-people.ts`): a heavy
     * posting's card names ten of thousands.
     */
    async cardState(postingId: string, names: number): Promise<CardState> {
      const posting = await getPosting(postingId);
      const people = await readCardPeople(db, posting, names);
      const found = new Map(
        (
          await members.membersIn([
            ...people.onPosting.map((row) => row.memberId),
            ...people.directory.map((row) => row.memberId),
            ...people.named,
          ])
        ).map((m) => [m.id, m]),
      );
      const withMark = (rows: CardPersonRow[]) =>
        rows.flatMap((row) => {
          const member = found.get(row.memberId);
          return member === undefined ? [] : [{ ...member, verified: row.verified }];
        });
      const { counts } = people;
      return {
        posting,
        summary: storedSummary(posting.summary),
        referrers: withMark(people.onPosting),
        namedCandidates: people.named.flatMap((id) => found.get(id) ?? []),
        companyReferrers: withMark(people.directory),
        counts: { referrers: counts.onPosting + counts.directory, interested: counts.interested },
        totals: {
          referrers: counts.onPosting,
          companyReferrers: counts.directory,
          namedCandidates: counts.named,
          verified: counts.verified,
        },
      };
    },

    /** Offers made on a referral (offered or accepted), with who made them: what the candidate sees. */
    async offersOn(referralId: string): Promise<OfferWithReferrer[]> {
      const offers = await db.referralOffer.findMany({
        where: { referralId, status: { in: ['offered', 'accepted'] } },
        orderBy: { updatedAt: 'asc' },
      });
      const people = new Map(
        (await members.membersIn(offers.map((o) => o.referrerId))).map((m) => [m.id, m]),
      );
      return offers.flatMap((offer) => {
        const referrer = people.get(offer.referrerId);
        return referrer === undefined ? [] : [{ ...offer, referrer }];
      });
    },

    /** Open requests that reached this member anonymously and wait on their answer. */
    async invitationsFor(memberId: string): Promise<Invitation[]> {
      const offers = await db.referralOffer.findMany({
        where: {
          referrerId: memberId,
          status: { in: ['invited', 'offered'] },
          referral: { status: 'requested' },
        },
        include: { referral: true },
        orderBy: { createdAt: 'desc' },
        take: 50,
      });
      const postings = await postingRows.byId(offers.map((o) => o.referral.postingId));
      return offers.flatMap((offer) => {
        const posting = postings.get(offer.referral.postingId);
        if (posting === undefined || offer.status === 'accepted' || offer.status === 'declined') return [];
        return [
          {
            offerId: offer.id,
            referralId: offer.referralId,
            status: offer.status,
            posting,
            channelId: offer.referral.channelId,
          },
        ];
      });
    },

    /** Referrals still waiting for anyone who can refer, on a posting or at a company's open postings. */
    async waitingForReferrer(
      where: { postingId: string } | { companyId: string },
    ): Promise<ReferralWithPeople[]> {
      return withPeople(
        await db.referral.findMany({
          where: {
            status: 'interested',
            referrerId: null,
            posting:
              'postingId' in where ? { id: where.postingId } : { companyId: where.companyId, status: 'open' },
          },
          take: 200,
        }),
      );
    },

    async referralsAsCandidate(memberId: string): Promise<ReferralWithPeople[]> {
      return withPeople(
        await db.referral.findMany({
          where: { candidateId: memberId },
          orderBy: { updatedAt: 'desc' },
          take: 50,
        }),
      );
    },

    /**
     * Referrals where this member is the referrer: named by the candidate, or accepted by them. An open
     * request that only reached them anonymously is an invitation (`invitationsFor`), never listed here.
     */
    async referralsAsReferrer(memberId: string): Promise<ReferralWithPeople[]> {
      // Two index reads (Referral.referrerId; ReferralOffer by referrer and status) merged here: one
      // OR across both made SQLite walk every referral newest first (60–490 ms at 200,000, figure 8).
      const [named, accepted] = await Promise.all([
        db.referral.findMany({
          where: { referrerId: memberId, candidateId: { not: memberId } },
          orderBy: { updatedAt: 'desc' },
          take: 50,
        }),
        db.referral.findMany({
          where: {
            candidateId: { not: memberId },
            id: {
              in: (
                await db.referralOffer.findMany({
                  where: { referrerId: memberId, status: 'accepted' },
                  select: { referralId: true },
                })
              ).map((offer) => offer.referralId),
            },
          },
          orderBy: { updatedAt: 'desc' },
          take: 50,
        }),
      ]);
      const byId = new Map([...named, ...accepted].map((referral) => [referral.id, referral]));
      const merged = [...byId.values()]
        .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : -1))
        .slice(0, 50);
      return withPeople(merged);
    },

    async recentPostings(
      workspaceId: string,
      options: { company?: string; limit?: number } = {},
    ): Promise<Posting[]> {
      let companyId: string | undefined;
      if (options.company !== undefined) {
        const company = await directory.findCompany(workspaceId, options.company);
        if (company === null) return [];
        companyId = company.id;
      }
      return db.posting.findMany({
        where: {
          workspaceId,
          isJob: true,
          status: 'open',
          ...(companyId !== undefined ? { companyId } : {}),
          // A posting whose every card was removed is no longer offered to everyone.
          ...publiclyListedPosting,
        },
        orderBy: { createdAt: 'desc' },
        take: options.limit ?? 10,
      });
    },

    async stats(workspaceId: string) {
      const [postings, openPostings, byStatus, referrers] = await Promise.all([
        db.posting.count({ where: { workspaceId, isJob: true } }),
        db.posting.count({ where: { workspaceId, isJob: true, status: 'open' } }),
        db.referral.groupBy({ by: ['status'], where: { posting: { workspaceId } }, _count: { _all: true } }),
        db.companyReferrer.count({ where: { company: { workspaceId } } }),
      ]);
      const referrals: Partial<Record<ReferralStatus, number>> = {};
      for (const row of byStatus) referrals[row.status] = row._count._all;
      return { postings, openPostings, referrals, hires: referrals.hired ?? 0, companyReferrers: referrers };
    },

    /** Referrals of every workspace by status (the metrics' gauge; Referral's status index). */
    async countsByStatus(): Promise<Partial<Record<ReferralStatus, number>>> {
      const byStatus = await db.referral.groupBy({ by: ['status'], _count: { _all: true } });
      const counts: Partial<Record<ReferralStatus, number>> = {};
      for (const row of byStatus) counts[row.status] = row._count._all;
      return counts;
    },

    /** Open referrals of a posting (to close them when the posting is gone). */
    async openReferralsOf(postingId: string): Promise<ReferralWithPeople[]> {
      return withPeople(
        await db.referral.findMany({
          where: { postingId, status: { in: OPEN_STATUSES } },
        }),
      );
    },
  };
}

export type ReferralReadModels = ReturnType<typeof createReferralReadModels>;
