import type { Db } from '../db/client.js';
import { insertedOnce, isUniqueViolation } from '../db/unique-violation.js';
import { VouchError } from '../errors.js';
import { type PostingSummary, storedSummary } from '../postings/posting-summary.js';
import { createRecentMap, type RecentMap } from '../runtime/recent-map.js';
import { may, type ReferralAction, type Standing, standingOf, type Verdict } from './authorization.js';
import { displayCompanyName, normalizeCompanyName } from './company-names.js';
import type { Company, Member, Posting, Referral, ReferralOffer, ReferralStatus } from './records.js';
import { type ActorRole, isOpen, openStatuses, transition } from './status-machine.js';

export interface ReferralServiceDeps {
  db: Db;
  now?: () => Date;
}

/** Who asked for the change; `system` is Vouch itself (posting closed). */
export type StatusActor = { kind: 'member'; memberId: string } | { kind: 'system' };

export type StatusChange =
  | {
      ok: true;
      referral: ReferralWithPeople;
      from: ReferralStatus;
      to: ReferralStatus;
      role: ActorRole;
      /** Referrers newly told, anonymously, about the request (the candidate asked anyone). */
      invited: Member[];
      /** A referrer of an open request stepped out; the request goes on for the others (from = to). */
      offerOnly: boolean;
    }
  | { ok: false; reason: string };

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
  /**
   * A member id (a named referrer, who sees the name and note), `anyone` (the `invite`d referrers
   * are told anonymously and may offer), or null when nobody can refer yet.
   */
  ask: string | 'anyone' | null;
  /** With `anyone`: the referrers to invite. */
  invite?: readonly string[];
  showName: boolean;
  /** The channel of the card the candidate pressed "I'm interested" on. */
  channelId?: string | null;
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

  async function ownOffer(referralId: string, memberId: string): Promise<ReferralOffer | null> {
    return db.referralOffer.findUnique({
      where: { referralId_referrerId: { referralId, referrerId: memberId } },
    });
  }

  /** Where the member stands on the referral, read from the database (never from a payload). */
  async function standingOn(referral: Referral, memberId: string): Promise<Standing> {
    const offer =
      memberId === referral.candidateId || memberId === referral.referrerId
        ? null
        : await ownOffer(referral.id, memberId);
    return standingOf(referral, offer, memberId);
  }

  /** The one question every action asks: may this member do this to this referral? */
  async function authorize(referral: Referral, memberId: string, action: ReferralAction): Promise<Verdict> {
    return may(await standingOn(referral, memberId), action, referral);
  }

  /**
   * Invites referrers to an open request, anonymously: one offer row each (the unique key makes a
   * repeat a no-op). Returns the members newly invited.
   */
  async function invite(referral: Referral, memberIds: readonly string[]): Promise<Member[]> {
    const fresh: string[] = [];
    for (const referrerId of new Set(memberIds)) {
      if (referrerId === referral.candidateId) continue;
      if (
        await insertedOnce(() => db.referralOffer.create({ data: { referralId: referral.id, referrerId } }))
      ) {
        fresh.push(referrerId);
      }
    }
    return membersIn(fresh);
  }

  /** Members who can refer for a posting: on the posting first, then the company directory. */
  async function referrersFor(posting: Posting): Promise<Member[]> {
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
  }

  /**
   * A referrer of an open request declines: their offer ends; when no offer is left alive the request
   * itself ends as declined (the candidate is told), else it goes on for the others.
   */
  async function declineOffer(referral: ReferralWithPeople, memberId: string): Promise<StatusChange> {
    const at = now();
    const ended = await db.$transaction(async (tx) => {
      await tx.referralOffer.updateMany({
        where: { referralId: referral.id, referrerId: memberId },
        data: { status: 'declined' },
      });
      if (referral.referrerId === memberId) {
        const other = await tx.referralOffer.findFirst({
          where: { referralId: referral.id, status: 'accepted', referrerId: { not: memberId } },
          orderBy: { updatedAt: 'asc' },
        });
        await tx.referral.update({
          where: { id: referral.id },
          data: { referrerId: other?.referrerId ?? null },
        });
      }
      const alive = await tx.referralOffer.count({
        where: { referralId: referral.id, status: { in: ['invited', 'offered', 'accepted'] } },
      });
      if (alive > 0) return false;
      const { count } = await tx.referral.updateMany({
        where: { id: referral.id, status: referral.status },
        data: { status: 'declined', statusChangedAt: at },
      });
      if (count === 0) return false;
      await tx.referralEvent.create({
        data: {
          referralId: referral.id,
          actorId: memberId,
          fromStatus: referral.status,
          toStatus: 'declined',
          createdAt: at,
        },
      });
      return true;
    }, TRANSACTION_OPTIONS);
    return {
      ok: true,
      referral: await getReferral(referral.id),
      from: referral.status,
      to: ended ? 'declined' : referral.status,
      role: 'referrer',
      invited: [],
      offerOnly: !ended,
    };
  }

  return {
    authorize,
    /** An erased member: their rows leave the caches (a return later starts as a new member). */
    forgetMember(memberId: string): void {
      const member = membersById.get(memberId);
      membersById.delete(memberId);
      if (member !== undefined) knownMembers.delete(`${member.workspaceId}:${member.slackUserId}`);
    },
    /** An erased workspace: nothing of it stays cached (rare: every cached member is dropped). */
    forgetWorkspace(workspaceId: string): void {
      knownWorkspaces.delete(workspaceId);
      knownMembers.clear();
      membersById.clear();
    },
    ensureWorkspace,
    ensureMember,
    ensureCompany,
    findCompany,
    getReferral,
    canReferFor,
    referrersFor,

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
    async expressInterest(
      input: InterestInput,
    ): Promise<{ referral: ReferralWithPeople; created: boolean; invited: Member[] }> {
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
            channelId: input.channelId ?? null,
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
        const invited = input.ask === 'anyone' ? await invite(referral, input.invite ?? []) : [];
        const [withRelations] = await withPeople([referral]);
        return { referral: withRelations as ReferralWithPeople, created: true, invited };
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
        return { referral: await getReferral(existing.id), created: false, invited: [] };
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
      let role: ActorRole = 'system';
      if (input.actor.kind === 'member') {
        const verdict = await authorize(referral, input.actor.memberId, {
          kind: 'change_status',
          to: input.to,
        });
        if (!verdict.ok) return verdict;
        if (verdict.viaOffer) return declineOffer(referral, input.actor.memberId);
        role = verdict.role;
      } else {
        const edge = transition(referral.status, input.to, role);
        if (!edge.ok) return edge;
      }
      const from = referral.status;
      const at = now();
      const actorId = input.actor.kind === 'member' ? input.actor.memberId : null;
      // The candidate asking while nobody was named turns the interest into an open request; the
      // referrer who refers an open request takes it.
      const opensRequest = role === 'candidate' && input.to === 'requested' && referral.referrerId === null;
      const takes = role === 'referrer' && input.to === 'referred' && actorId !== null;
      const updated = await db.$transaction(async (tx) => {
        const { count } = await tx.referral.updateMany({
          where: { id: referral.id, status: from },
          data: {
            status: input.to,
            statusChangedAt: at,
            ...(opensRequest ? { askAnyone: true } : {}),
            ...(takes ? { referrerId: actorId } : {}),
          },
        });
        if (count === 0) return false;
        await tx.referralEvent.create({
          data: {
            referralId: referral.id,
            actorId,
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
      const invited = opensRequest
        ? await invite(
            referral,
            (await referrersFor(referral.posting)).map((m) => m.id),
          )
        : [];
      return {
        ok: true,
        referral: await getReferral(referral.id),
        from,
        to: input.to,
        role,
        invited,
        offerOnly: false,
      };
    },

    /**
     * "Offer to refer" on an anonymous request: the candidate is asked whether to accept. Only a
     * referrer the request reached may offer, once.
     */
    async offerToRefer(
      referralId: string,
      memberId: string,
    ): Promise<{ ok: true; referral: ReferralWithPeople; offerId: string } | { ok: false; reason: string }> {
      const referral = await getReferral(referralId);
      const verdict = await authorize(referral, memberId, { kind: 'offer' });
      if (!verdict.ok) return verdict;
      const { count } = await db.referralOffer.updateMany({
        where: { referralId, referrerId: memberId, status: 'invited' },
        data: { status: 'offered' },
      });
      if (count === 0) return { ok: false, reason: 'You already answered this request.' };
      const offer = await ownOffer(referralId, memberId);
      return { ok: true, referral, offerId: offer?.id ?? '' };
    },

    /**
     * The candidate accepts an offer: from now on that referrer sees the name and the note. The first
     * accepted referrer becomes the referral's referrer (the one reminders and status changes name).
     */
    async acceptOffer(
      offerId: string,
      memberId: string,
    ): Promise<{ ok: true; referral: ReferralWithPeople; referrer: Member } | { ok: false; reason: string }> {
      const offer = await db.referralOffer.findUnique({ where: { id: offerId } });
      if (offer === null) throw new ReferralError('referral_not_found', `no offer ${offerId}`);
      const referral = await getReferral(offer.referralId);
      const verdict = await authorize(referral, memberId, { kind: 'accept_offer' });
      if (!verdict.ok) return verdict;
      const accepted = await db.$transaction(async (tx) => {
        const { count } = await tx.referralOffer.updateMany({
          where: { id: offerId, status: 'offered' },
          data: { status: 'accepted' },
        });
        if (count === 0) return false;
        await tx.referral.updateMany({
          where: { id: referral.id, referrerId: null },
          data: { referrerId: offer.referrerId },
        });
        return true;
      }, TRANSACTION_OPTIONS);
      if (!accepted) return { ok: false, reason: 'That offer is no longer open.' };
      const [referrer] = await membersIn([offer.referrerId]);
      if (referrer === undefined) throw new Error(`offer ${offerId} names a missing member`);
      return { ok: true, referral: await getReferral(referral.id), referrer };
    },

    /** Offers made on a referral (offered or accepted), with who made them: what the candidate sees. */
    async offersOn(referralId: string): Promise<OfferWithReferrer[]> {
      const offers = await db.referralOffer.findMany({
        where: { referralId, status: { in: ['offered', 'accepted'] } },
        orderBy: { updatedAt: 'asc' },
      });
      const members = new Map((await membersIn(offers.map((o) => o.referrerId))).map((m) => [m.id, m]));
      return offers.flatMap((offer) => {
        const referrer = members.get(offer.referrerId);
        return referrer === undefined ? [] : [{ ...offer, referrer }];
      });
    },

    /**
     * A referrer who registered after an open request was made is invited to it the same anonymous
     * way. Returns each request newly reached, for the invitation DM.
     */
    async inviteLateReferrer(
      memberId: string,
      where: { postingId: string } | { companyId: string },
    ): Promise<ReferralWithPeople[]> {
      const open = await db.referral.findMany({
        where: {
          askAnyone: true,
          status: 'requested',
          candidateId: { not: memberId },
          offers: { none: { referrerId: memberId } },
          posting:
            'postingId' in where ? { id: where.postingId } : { companyId: where.companyId, status: 'open' },
        },
        take: 200,
      });
      const reached: Referral[] = [];
      for (const referral of open) {
        if ((await invite(referral, [memberId])).length > 0) reached.push(referral);
      }
      return withPeople(reached);
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
      const postings = new Map<string, Posting>();
      await fillFromRecent(
        postings,
        offers.map((o) => o.referral.postingId),
        recentPostings,
        (missing) => db.posting.findMany({ where: { id: { in: missing } } }),
      );
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
      const referral = await db.referral.findUnique({ where: { id: referralId } });
      if (referral === null) return false;
      const verdict = await authorize(referral, referrerMemberId, { kind: 'set_relationship' });
      if (!verdict.ok) return false;
      await db.referral.update({
        where: { id: referralId },
        data: { referrerRelationship: relationship.slice(0, 200) },
      });
      return true;
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
      return withPeople(
        await db.referral.findMany({
          where: {
            candidateId: { not: memberId },
            OR: [
              { referrerId: memberId },
              { offers: { some: { referrerId: memberId, status: 'accepted' } } },
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
