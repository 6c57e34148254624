import type { Db } from '../db/client.js';
import { insertedOnce, isUniqueViolation } from '../db/unique-violation.js';
import { VouchError } from '../errors.js';
import type { Company, Member, Posting, Referral, ReferralStatus } from '../generated/sqlite/client.js';
import { type PostingSummary, storedSummary } from '../postings/posting-summary.js';
import { createRecentMap, type RecentMap } from '../runtime/recent-map.js';
import { displayCompanyName, normalizeCompanyName } from './company-names.js';
import { type ActorRole, isOpen, openStatuses, transition } from './status-machine.js';

export interface ReferralServiceDeps {
  db: Db;
  now?: () => Date;
}

/** Who asked for the change; `system` is Vouch itself (posting closed). */
export type StatusActor = { kind: 'member'; memberId: string } | { kind: 'system' };

export type StatusChange =
  | { ok: true; referral: ReferralWithPeople; from: ReferralStatus; to: ReferralStatus; role: ActorRole }
  | { ok: false; reason: string };

export type ReferralWithPeople = Referral & { candidate: Member; referrer: Member | null; posting: Posting };

export interface CardState {
  posting: Posting;
  summary: PostingSummary | null;
  referrers: Member[];
  namedCandidates: Member[];
  companyReferrers: Member[];
  counts: { referrers: number; interested: number };
}

export interface InterestInput {
  postingId: string;
  candidateId: string;
  note: string | null;
  /** A member id, `anyone`, or null when nobody can refer yet. */
  ask: string | 'anyone' | null;
  showName: boolean;
}

/** What a domain error can be; `src/slack/features/listener-kit.ts` maps each to a member's message. */
export type ReferralErrorCode = 'posting_not_found' | 'referral_not_found' | 'invalid_company';

/** Not found, or not valid: expected, and answered with a friendly message in a private reply. */
export class ReferralError extends VouchError<ReferralErrorCode> {
  override readonly name = 'ReferralError';
}

/** Prisma's defaults (2 s wait, 5 s run) fail status changes during bursts on a busy pool. */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

const OPEN_STATUSES: ReferralStatus[] = [...openStatuses];

/**
 * Runs an upsert again when a concurrent one inserted the same row first: an upsert is a read then a
 * write, so two at once can both try to insert; the loser's unique violation means the row now exists.
 */
async function retryOnConflict<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= attempts) throw error;
    }
  }
}

/**
 * The referral domain on top of the database. Every write that a click or a re-delivered event could
 * repeat is made idempotent by a unique constraint, never by a check-then-insert.
 */
export function createReferralService(deps: ReferralServiceDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  // Workspaces and members are only ever created (never deleted or re-keyed), so once one is known
  // to exist it can be reused without asking the database on every click.
  const knownWorkspaces = new Set<string>();
  const MAX_KNOWN_MEMBERS = 10_000;
  const knownMembers = createRecentMap<string, Member>({ max: MAX_KNOWN_MEMBERS });

  // A posting row (with its summary) is read on every click on its card, and written only when its
  // page is fetched again: this process keeps recent rows, refreshed by `postingChanged` after its own
  // writes and re-read after 30 s (another replica may have re-fetched the page meanwhile).
  const recentPostings = createRecentMap<string, Posting>({ max: 2_000, ttlMs: 30_000 });

  function postingChanged(posting: Posting): void {
    recentPostings.set(posting.id, posting);
  }

  async function getPosting(postingId: string): Promise<Posting> {
    const recent = recentPostings.get(postingId);
    if (recent !== undefined) return recent;
    const posting = await db.posting.findUnique({ where: { id: postingId } });
    if (posting === null) throw new ReferralError('posting_not_found', `no posting ${postingId}`);
    postingChanged(posting);
    return posting;
  }

  // Members by id, for the people on referrals and cards (members are never deleted; a name change
  // goes through ensureMember, which refreshes this too).
  const membersById = createRecentMap<string, Member>({ max: MAX_KNOWN_MEMBERS });
  const loadMembers = (ids: string[]) => db.member.findMany({ where: { id: { in: ids } } });

  /** Members by id, in the order asked, from the recent rows and one query for the rest. */
  async function membersIn(ids: readonly string[]): Promise<Member[]> {
    const found = new Map<string, Member>();
    await fillFromRecent(found, ids, membersById, loadMembers);
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /**
   * Puts the rows for `ids` into `found`: those `recent` holds, then the rest from one `load`, which
   * also refreshes `recent`. (Taken at once, so nothing expires between the look-up and the use.)
   */
  async function fillFromRecent<Row extends { id: string }>(
    found: Map<string, Row>,
    ids: readonly string[],
    recent: RecentMap<string, Row>,
    load: (missing: string[]) => Promise<Row[]>,
  ): Promise<void> {
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const row = recent.get(id);
      if (row === undefined) missing.push(id);
      else found.set(id, row);
    }
    if (missing.length === 0) return;
    for (const row of await load(missing)) {
      recent.set(row.id, row);
      found.set(row.id, row);
    }
  }

  /**
   * The candidate, referrer and posting of each referral, from the recent rows where possible and
   * with one query per kind for the rest (Prisma's `include` costs three queries per load, one of
   * them `IN (NULL)` when nobody refers yet).
   */
  async function withPeople(referrals: Referral[]): Promise<ReferralWithPeople[]> {
    if (referrals.length === 0) return [];
    const members = new Map<string, Member>();
    const postings = new Map<string, Posting>();
    await Promise.all([
      fillFromRecent(
        members,
        referrals.flatMap((r) => (r.referrerId === null ? [r.candidateId] : [r.candidateId, r.referrerId])),
        membersById,
        loadMembers,
      ),
      fillFromRecent(
        postings,
        referrals.map((r) => r.postingId),
        recentPostings,
        (missing) => db.posting.findMany({ where: { id: { in: missing } } }),
      ),
    ]);
    return referrals.map((referral) => {
      const candidate = members.get(referral.candidateId);
      const referrer = referral.referrerId === null ? null : (members.get(referral.referrerId) ?? null);
      const posting = postings.get(referral.postingId);
      if (candidate === undefined || posting === undefined)
        throw new Error(`referral ${referral.id} refers to a missing member or posting`);
      return { ...referral, candidate, referrer, posting };
    });
  }

  async function ensureWorkspace(teamId: string, name?: string | null): Promise<void> {
    if (knownWorkspaces.has(teamId) && !name) return;
    await retryOnConflict(() =>
      db.workspace.upsert({
        where: { id: teamId },
        create: { id: teamId, name: name ?? null },
        update: name ? { name } : {},
      }),
    );
    knownWorkspaces.add(teamId);
  }

  async function ensureMember(
    workspaceId: string,
    slackUserId: string,
    displayName?: string | null,
  ): Promise<Member> {
    const key = `${workspaceId}:${slackUserId}`;
    const known = knownMembers.get(key);
    if (known !== undefined && (!displayName || known.displayName === displayName)) {
      if (membersById.get(known.id) === undefined) membersById.set(known.id, known);
      return known;
    }
    await ensureWorkspace(workspaceId);
    const member = await retryOnConflict(() =>
      db.member.upsert({
        where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
        create: { workspaceId, slackUserId, displayName: displayName ?? null },
        update: displayName ? { displayName } : {},
      }),
    );
    knownMembers.set(key, member);
    membersById.set(member.id, member);
    return member;
  }

  async function ensureCompany(workspaceId: string, name: string): Promise<Company | null> {
    const normalizedName = normalizeCompanyName(name);
    if (normalizedName.length === 0) return null;
    const displayName = displayCompanyName(name);
    const company = await retryOnConflict(() =>
      db.company.upsert({
        where: { workspaceId_normalizedName: { workspaceId, normalizedName } },
        create: { workspaceId, normalizedName, displayName, aliases: [displayName] },
        update: {},
      }),
    );
    const aliases = Array.isArray(company.aliases) ? (company.aliases as string[]) : [];
    if (!aliases.includes(displayName)) {
      return db.company.update({
        where: { id: company.id },
        data: { aliases: [...aliases, displayName].slice(0, 20) },
      });
    }
    return company;
  }

  async function findCompany(workspaceId: string, name: string): Promise<Company | null> {
    const normalizedName = normalizeCompanyName(name);
    if (normalizedName.length === 0) return null;
    return db.company.findUnique({ where: { workspaceId_normalizedName: { workspaceId, normalizedName } } });
  }

  async function getReferral(referralId: string): Promise<ReferralWithPeople> {
    const referral = await db.referral.findUnique({ where: { id: referralId } });
    if (referral === null) throw new ReferralError('referral_not_found', `no referral ${referralId}`);
    const [withRelations] = await withPeople([referral]);
    return withRelations as ReferralWithPeople;
  }

  /** Is this member someone who can refer for the posting (on the posting or at its company)? */
  async function canReferFor(posting: Posting, memberId: string): Promise<boolean> {
    const onPosting = await db.postingReferrer.findUnique({
      where: { postingId_memberId: { postingId: posting.id, memberId } },
    });
    if (onPosting !== null) return true;
    if (posting.companyId === null) return false;
    const atCompany = await db.companyReferrer.findUnique({
      where: { companyId_memberId: { companyId: posting.companyId, memberId } },
    });
    return atCompany !== null;
  }

  return {
    ensureWorkspace,
    ensureMember,
    ensureCompany,
    findCompany,
    getReferral,
    canReferFor,

    getPosting,
    postingChanged,
    /** Members by id, in the order asked (unknown ids left out): recent rows first, one query for the rest. */
    membersIn,

    async getMemberBySlackId(workspaceId: string, slackUserId: string): Promise<Member | null> {
      return db.member.findUnique({ where: { workspaceId_slackUserId: { workspaceId, slackUserId } } });
    },

    /** Everything a card shows: counts, public referrers, candidates who chose to be named. */
    async cardState(postingId: string): Promise<CardState> {
      const posting = await getPosting(postingId);
      const [postingReferrers, interest, companyReferrers] = await Promise.all([
        db.postingReferrer.findMany({
          where: { postingId },
          select: { memberId: true },
          orderBy: { createdAt: 'asc' },
        }),
        // Every live interest in one read: the card counts them all and names those who opted in.
        db.referral.findMany({
          where: { postingId, status: { notIn: ['withdrawn'] } },
          select: { candidateId: true, showName: true },
          orderBy: { createdAt: 'asc' },
        }),
        posting.companyId === null
          ? Promise.resolve([])
          : db.companyReferrer.findMany({
              where: { companyId: posting.companyId },
              select: { memberId: true },
              orderBy: { createdAt: 'asc' },
            }),
      ]);
      const referrerIds = postingReferrers.map((row) => row.memberId);
      const onPosting = new Set(referrerIds);
      const directoryIds = companyReferrers.map((row) => row.memberId).filter((id) => !onPosting.has(id));
      const candidateIds = interest.filter((row) => row.showName).map((row) => row.candidateId);
      const members = new Map(
        (await membersIn([...referrerIds, ...directoryIds, ...candidateIds])).map((m) => [m.id, m]),
      );
      const pick = (ids: string[]) => ids.flatMap((id) => members.get(id) ?? []);
      const referrers = pick(referrerIds);
      const directory = pick(directoryIds);
      return {
        posting,
        summary: storedSummary(posting.summary),
        referrers,
        namedCandidates: pick(candidateIds),
        companyReferrers: directory,
        counts: { referrers: referrers.length + directory.length, interested: interest.length },
      };
    },

    /** Members who can refer for a posting: on the posting first, then the company directory. */
    async referrersFor(posting: Posting): Promise<Member[]> {
      const [onPosting, atCompany] = await Promise.all([
        db.postingReferrer.findMany({ where: { postingId: posting.id }, select: { memberId: true } }),
        posting.companyId === null
          ? Promise.resolve([])
          : db.companyReferrer.findMany({
              where: { companyId: posting.companyId },
              select: { memberId: true },
            }),
      ]);
      const ids = [...new Set([...onPosting, ...atCompany].map((row) => row.memberId))];
      return membersIn(ids);
    },

    /**
     * "I can refer" toggles: on → the member is listed on this posting's card; off → removed.
     * Idempotent under double clicks: create races end in the unique constraint.
     */
    async toggleReferrer(postingId: string, memberId: string): Promise<{ isReferrer: boolean }> {
      const removed = await db.postingReferrer.deleteMany({ where: { postingId, memberId } });
      if (removed.count > 0) return { isReferrer: false };
      await insertedOnce(() => db.postingReferrer.create({ data: { postingId, memberId } }));
      return { isReferrer: true };
    },

    async addPostingReferrer(postingId: string, memberId: string): Promise<{ added: boolean }> {
      return {
        added: await insertedOnce(() => db.postingReferrer.create({ data: { postingId, memberId } })),
      };
    },

    /** Adds the member to the "who can refer at <company>" directory. */
    async rememberCompanyReferrer(
      workspaceId: string,
      companyName: string,
      memberId: string,
    ): Promise<{ company: Company; added: boolean }> {
      const company = await ensureCompany(workspaceId, companyName);
      if (company === null)
        throw new ReferralError('invalid_company', `no company name in ${JSON.stringify(companyName)}`);
      const added = await insertedOnce(() =>
        db.companyReferrer.create({ data: { companyId: company.id, memberId } }),
      );
      return { company, added };
    },

    async forgetCompanyReferrer(
      workspaceId: string,
      companyName: string,
      memberId: string,
    ): Promise<{ company: Company | null; removed: boolean }> {
      const company = await findCompany(workspaceId, companyName);
      if (company === null) return { company: null, removed: false };
      const { count } = await db.companyReferrer.deleteMany({ where: { companyId: company.id, memberId } });
      return { company, removed: count > 0 };
    },

    async companyReferrers(
      workspaceId: string,
      companyName: string,
    ): Promise<{ company: Company | null; members: Member[] }> {
      const company = await findCompany(workspaceId, companyName);
      if (company === null) return { company: null, members: [] };
      const rows = await db.companyReferrer.findMany({
        where: { companyId: company.id },
        include: { member: true },
        orderBy: { createdAt: 'asc' },
      });
      return { company, members: rows.map((row) => row.member) };
    },

    async companiesOf(memberId: string): Promise<Company[]> {
      const rows = await db.companyReferrer.findMany({
        where: { memberId },
        include: { company: true },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((row) => row.company);
    },

    /**
     * "I'm interested": one referral per posting and candidate, enforced by the database. A repeated
     * submission returns the existing referral (`created: false`) with the note and name choice updated.
     */
    async expressInterest(input: InterestInput): Promise<{ referral: ReferralWithPeople; created: boolean }> {
      const askMember = input.ask !== null && input.ask !== 'anyone' ? input.ask : null;
      const status: ReferralStatus = input.ask === null ? 'interested' : 'requested';
      const at = now();
      try {
        const referral = await db.referral.create({
          data: {
            postingId: input.postingId,
            candidateId: input.candidateId,
            referrerId: askMember,
            askAnyone: input.ask === 'anyone',
            status,
            candidateNote: input.note,
            showName: input.showName,
            statusChangedAt: at,
            events: {
              create: [
                {
                  actorId: input.candidateId,
                  fromStatus: null,
                  toStatus: 'interested',
                  note: input.note,
                  createdAt: at,
                },
                ...(status === 'requested'
                  ? [
                      {
                        actorId: input.candidateId,
                        fromStatus: 'interested' as const,
                        toStatus: 'requested' as const,
                        createdAt: at,
                      },
                    ]
                  : []),
              ],
            },
          },
        });
        const [withRelations] = await withPeople([referral]);
        return { referral: withRelations as ReferralWithPeople, created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const existing = await db.referral.findUnique({
          where: { postingId_candidateId: { postingId: input.postingId, candidateId: input.candidateId } },
        });
        if (existing === null) throw error;
        await db.referral.update({
          where: { id: existing.id },
          data: { showName: input.showName, ...(input.note ? { candidateNote: input.note } : {}) },
        });
        return { referral: await getReferral(existing.id), created: false };
      }
    },

    /**
     * Moves a referral through the pipeline. The role is derived from who the actor is; the state
     * machine decides; the write only succeeds if the status is still the one we decided from
     * (two people clicking at once cannot both win), and the event is written in the same transaction.
     */
    async changeStatus(input: {
      referralId: string;
      actor: StatusActor;
      to: ReferralStatus;
      note?: string | null;
    }): Promise<StatusChange> {
      const referral = await getReferral(input.referralId);
      let role: ActorRole;
      let claimReferrer: string | null = null;
      if (input.actor.kind === 'system') {
        role = 'system';
      } else if (input.actor.memberId === referral.candidateId) {
        role = 'candidate';
      } else if (input.actor.memberId === referral.referrerId) {
        role = 'referrer';
      } else if (
        (referral.referrerId === null || referral.askAnyone) &&
        (await canReferFor(referral.posting, input.actor.memberId))
      ) {
        role = 'referrer';
        claimReferrer = input.actor.memberId;
      } else {
        return { ok: false, reason: 'Only the candidate and their referrer can update this referral.' };
      }
      const verdict = transition(referral.status, input.to, role);
      if (!verdict.ok) return verdict;
      const from = referral.status;
      const at = now();
      const updated = await db.$transaction(async (tx) => {
        const { count } = await tx.referral.updateMany({
          where: { id: referral.id, status: from },
          data: {
            status: input.to,
            statusChangedAt: at,
            ...(claimReferrer !== null ? { referrerId: claimReferrer, askAnyone: false } : {}),
          },
        });
        if (count === 0) return false;
        await tx.referralEvent.create({
          data: {
            referralId: referral.id,
            actorId: input.actor.kind === 'member' ? input.actor.memberId : null,
            fromStatus: from,
            toStatus: input.to,
            note: input.note ?? null,
            createdAt: at,
          },
        });
        return true;
        // Under a burst of clicks a transaction may wait for a connection; queue, do not fail.
      }, TRANSACTION_OPTIONS);
      if (!updated) {
        return { ok: false, reason: 'Someone else updated this referral a moment ago. Please look again.' };
      }
      return { ok: true, referral: await getReferral(referral.id), from, to: input.to, role };
    },

    /** Tags a colleague on a posting; a repeated tag (same person, same role) is not sent twice. */
    async tag(input: {
      postingId: string;
      taggedMemberId: string;
      taggedById: string;
      role: 'referrer' | 'candidate';
    }): Promise<{ created: boolean }> {
      return { created: await insertedOnce(() => db.tag.create({ data: input })) };
    },

    async setRelationship(
      referralId: string,
      referrerMemberId: string,
      relationship: string,
    ): Promise<boolean> {
      const { count } = await db.referral.updateMany({
        where: { id: referralId, OR: [{ referrerId: referrerMemberId }, { referrerId: null }] },
        data: { referrerRelationship: relationship.slice(0, 200) },
      });
      return count > 0;
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

    /** Open referrals where this member is the referrer, or one of the referrers asked ("anyone"). */
    async referralsAsReferrer(memberId: string): Promise<ReferralWithPeople[]> {
      const [postingIds, companyIds] = await Promise.all([
        db.postingReferrer.findMany({ where: { memberId }, select: { postingId: true } }),
        db.companyReferrer.findMany({ where: { memberId }, select: { companyId: true } }),
      ]);
      return withPeople(
        await db.referral.findMany({
          where: {
            candidateId: { not: memberId },
            OR: [
              { referrerId: memberId },
              {
                askAnyone: true,
                status: { in: OPEN_STATUSES },
                OR: [
                  { postingId: { in: postingIds.map((row) => row.postingId) } },
                  { posting: { companyId: { in: companyIds.map((row) => row.companyId) } } },
                ],
              },
            ],
          },
          orderBy: { updatedAt: 'desc' },
          take: 50,
        }),
      );
    },

    async recentPostings(
      workspaceId: string,
      options: { company?: string; limit?: number } = {},
    ): Promise<Posting[]> {
      let companyId: string | undefined;
      if (options.company !== undefined) {
        const company = await findCompany(workspaceId, options.company);
        if (company === null) return [];
        companyId = company.id;
      }
      return db.posting.findMany({
        where: {
          workspaceId,
          isJob: true,
          status: 'open',
          ...(companyId !== undefined ? { companyId } : {}),
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

    /** Open referrals of a posting (to close them when the posting is gone). */
    async openReferralsOf(postingId: string): Promise<ReferralWithPeople[]> {
      return withPeople(
        await db.referral.findMany({
          where: { postingId, status: { in: OPEN_STATUSES } },
        }),
      );
    },

    isOpen,
  };
}

export type ReferralService = ReturnType<typeof createReferralService>;
