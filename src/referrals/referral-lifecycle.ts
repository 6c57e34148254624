import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { BURST_TRANSACTION_OPTIONS, type WithinTransaction } from '../db/within-transaction.js';
import type { ProfileFields } from '../profiles/profile-fields.js';
import { writeCandidateProfile, writeReferralProfile } from '../profiles/profile-store.js';
import { may, type ReferralAction, type Standing, standingOf, type Verdict } from './authorization.js';
import type { CompanyDirectory } from './company-directory.js';
import type { Members } from './members.js';
import type { Member, Referral, ReferralOffer, ReferralStatus } from './records.js';
import { ReferralError } from './referral-error.js';
import type { ReferralReadModels, ReferralWithPeople } from './referral-read-models.js';
import { type ActorRole, isOpen, transition } from './status-machine.js';

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

/** What a status change wrote, as its transaction's `within` sees it (before the commit). */
export interface StatusWritten {
  referralId: string;
  from: ReferralStatus;
  to: ReferralStatus;
  role: ActorRole;
  note: string | null;
  /** A referrer of an open request stepped out; the request goes on for the others. */
  offerOnly: boolean;
  /** Referrers this change invited, anonymously (the candidate turned interest into an open request). */
  invitedIds: string[];
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
  /**
   * The profile sent with this request (src/profiles/), stored with the referral: only a referrer
   * the candidate names or accepts receives it. Undefined leaves a resubmission's earlier one as is.
   */
  profile?: ProfileFields;
  /** "Save these to my profile": the candidate's own profile becomes `profile`, in the same transaction. */
  saveProfile?: boolean;
}

export interface ReferralLifecycleDeps {
  db: Db;
  now?: () => Date;
  members: Pick<Members, 'membersIn'>;
  directory: Pick<CompanyDirectory, 'referrersFor'>;
  readModels: Pick<ReferralReadModels, 'getReferral' | 'withPeople'>;
}

/** What the loser of two status changes made at the same moment is told. */
export const CONCURRENT_UPDATE_REASON = 'Someone else updated this referral a moment ago. Please look again.';

/**
 * The request/offer lifecycle: interest, requests, offers and their acceptance, status changes, tags
 * and the referrer's relationship. Every action asks `authorize` (authorization.ts decides from
 * database rows) and every status change asks the state machine; a write only succeeds if the row is
 * still what the decision was made from, so two people acting at once cannot both win.
 */
export function createReferralLifecycle(deps: ReferralLifecycleDeps) {
  const { db, members, directory, readModels } = deps;
  const { getReferral, withPeople } = readModels;
  const now = deps.now ?? (() => new Date());

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
   * A referrer of an open request declines: their offer ends; when no offer is left alive the request
   * itself ends as declined (the candidate is told), else it goes on for the others.
   */
  async function declineOffer(
    referral: ReferralWithPeople,
    memberId: string,
    within?: WithinTransaction<StatusWritten>,
  ): Promise<StatusChange> {
    const at = now();
    // One transaction: the decline, the end of the request when it was the last offer alive, and
    // `within` (the delivery marked handled, the notices) commit together or not at all, so a run
    // again after a crash finds nothing half done.
    const ended = await db.$transaction(async (tx) => {
      // The referral's row is written first and stays locked until the commit: when the last two
      // referrers decline at once, the later transaction waits here, and on PostgreSQL (read
      // committed: each statement sees what committed before it began) then counts the earlier
      // one's decline, so one of them ends the request. SQLite runs one write transaction at a time.
      await tx.referral.updateMany({ where: { id: referral.id }, data: { updatedAt: at } });
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
      let endsNow = false;
      if (alive === 0) {
        const { count } = await tx.referral.updateMany({
          where: { id: referral.id, status: referral.status },
          data: { status: 'declined', statusChangedAt: at },
        });
        endsNow = count === 1;
      }
      if (endsNow) {
        await tx.referralEvent.create({
          data: {
            referralId: referral.id,
            actorId: memberId,
            fromStatus: referral.status,
            toStatus: 'declined',
            createdAt: at,
          },
        });
      }
      await within?.(tx, {
        referralId: referral.id,
        from: referral.status,
        to: endsNow ? 'declined' : referral.status,
        role: 'referrer',
        note: null,
        offerOnly: !endsNow,
        invitedIds: [],
      });
      return endsNow;
    }, BURST_TRANSACTION_OPTIONS);
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

    /**
     * "I'm interested": one referral per posting and candidate, enforced by the database. A repeated
     * submission returns the existing referral (`created: false`) with the note and name choice updated.
     */
    async expressInterest(
      input: InterestInput,
      within?: WithinTransaction<{
        referralId: string;
        created: boolean;
        invited: readonly string[];
        status: ReferralStatus;
      }>,
    ): Promise<{ referral: ReferralWithPeople; created: boolean; invited: Member[] }> {
      /** The request's profile, and the candidate's own when they asked to save it. */
      async function writeProfiles(tx: Parameters<typeof writeReferralProfile>[0], referralId: string) {
        if (input.profile === undefined) return;
        await writeReferralProfile(tx, referralId, input.profile);
        if (input.saveProfile === true) await writeCandidateProfile(tx, input.candidateId, input.profile);
      }
      const askMember = input.ask !== null && input.ask !== 'anyone' ? input.ask : null;
      const status: ReferralStatus = input.ask === null ? 'interested' : 'requested';
      const at = now();
      // A new referral: one offer row per invited referrer (none can exist yet for a new id).
      const inviteIds =
        input.ask === 'anyone'
          ? [...new Set(input.invite ?? [])].filter((id) => id !== input.candidateId)
          : [];
      try {
        const referral = await db.$transaction(async (tx) => {
          const created = await tx.referral.create({
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
          if (inviteIds.length > 0) {
            await tx.referralOffer.createMany({
              data: inviteIds.map((referrerId) => ({ referralId: created.id, referrerId })),
            });
          }
          await writeProfiles(tx, created.id);
          await within?.(tx, { referralId: created.id, created: true, invited: inviteIds, status });
          return created;
        }, BURST_TRANSACTION_OPTIONS);
        const [withRelations, invited] = await Promise.all([
          withPeople([referral]),
          members.membersIn(inviteIds),
        ]);
        return { referral: withRelations[0] as ReferralWithPeople, created: true, invited };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const existing = await db.referral.findUnique({
          where: { postingId_candidateId: { postingId: input.postingId, candidateId: input.candidateId } },
        });
        if (existing === null) throw error;
        await db.$transaction(async (tx) => {
          await tx.referral.update({
            where: { id: existing.id },
            data: { showName: input.showName, ...(input.note ? { candidateNote: input.note } : {}) },
          });
          await writeProfiles(tx, existing.id);
          await within?.(tx, {
            referralId: existing.id,
            created: false,
            invited: [],
            status: existing.status,
          });
        }, BURST_TRANSACTION_OPTIONS);
        return { referral: await getReferral(existing.id), created: false, invited: [] };
      }
    },

    /**
     * Moves a referral through the pipeline. The role is derived from who the actor is; the state
     * machine decides; the write only succeeds if the status is still the one we decided from
     * (two people clicking at once cannot both win), and the event is written in the same transaction.
     */
    async changeStatus(
      input: {
        referralId: string;
        actor: StatusActor;
        to: ReferralStatus;
        note?: string | null;
      },
      within?: WithinTransaction<StatusWritten>,
    ): Promise<StatusChange> {
      const referral = await getReferral(input.referralId);
      let role: ActorRole = 'system';
      if (input.actor.kind === 'member') {
        const verdict = await authorize(referral, input.actor.memberId, {
          kind: 'change_status',
          to: input.to,
        });
        if (!verdict.ok) return verdict;
        if (verdict.viaOffer) return declineOffer(referral, input.actor.memberId, within);
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
      // Read before the transaction (a read outside it would wait for it on SQLite's one connection).
      const canRefer = opensRequest
        ? (await directory.referrersFor(referral.posting))
            .map((m) => m.id)
            .filter((id) => id !== referral.candidateId)
        : [];
      let invitedIds: string[] = [];
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
        if (canRefer.length > 0) {
          // The open request reaches every referrer not already asked, with the change or not at all.
          const asked = await tx.referralOffer.findMany({
            where: { referralId: referral.id },
            select: { referrerId: true },
          });
          const already = new Set(asked.map((o) => o.referrerId));
          invitedIds = [...new Set(canRefer)].filter((id) => !already.has(id));
          if (invitedIds.length > 0) {
            await tx.referralOffer.createMany({
              data: invitedIds.map((referrerId) => ({ referralId: referral.id, referrerId })),
            });
          }
        }
        await within?.(tx, {
          referralId: referral.id,
          from,
          to: input.to,
          role,
          note: input.note ?? null,
          offerOnly: false,
          invitedIds,
        });
        return true;
        // Under a burst of clicks a transaction may wait for a connection; queue, do not fail.
      }, BURST_TRANSACTION_OPTIONS);
      if (!updated) {
        return { ok: false, reason: CONCURRENT_UPDATE_REASON };
      }
      const invited = await members.membersIn(invitedIds);
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
      within?: WithinTransaction<{ referral: ReferralWithPeople; offerId: string }>,
    ): Promise<{ ok: true; referral: ReferralWithPeople; offerId: string } | { ok: false; reason: string }> {
      const referral = await getReferral(referralId);
      const verdict = await authorize(referral, memberId, { kind: 'offer' });
      if (!verdict.ok) return verdict;
      const own = await ownOffer(referralId, memberId);
      const offerId = own?.id ?? '';
      const offered = await db.$transaction(async (tx) => {
        const { count } = await tx.referralOffer.updateMany({
          where: { referralId, referrerId: memberId, status: 'invited' },
          data: { status: 'offered' },
        });
        if (count === 0) return false;
        await within?.(tx, { referral, offerId });
        return true;
      }, BURST_TRANSACTION_OPTIONS);
      if (!offered) return { ok: false, reason: 'You already answered this request.' };
      return { ok: true, referral, offerId };
    },

    /**
     * The candidate accepts an offer: from now on that referrer sees the name and the note. The first
     * accepted referrer becomes the referral's referrer (the one reminders and status changes name).
     */
    async acceptOffer(
      offerId: string,
      memberId: string,
      within?: WithinTransaction<{ referral: ReferralWithPeople; referrer: Member }>,
    ): Promise<{ ok: true; referral: ReferralWithPeople; referrer: Member } | { ok: false; reason: string }> {
      const offer = await db.referralOffer.findUnique({ where: { id: offerId } });
      if (offer === null) throw new ReferralError('referral_not_found', `no offer ${offerId}`);
      const referral = await getReferral(offer.referralId);
      const verdict = await authorize(referral, memberId, { kind: 'accept_offer' });
      if (!verdict.ok) return verdict;
      const [referrer] = await members.membersIn([offer.referrerId]);
      if (referrer === undefined) throw new Error(`offer ${offerId} names a missing member`);
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
        await within?.(tx, { referral, referrer });
        return true;
      }, BURST_TRANSACTION_OPTIONS);
      if (!accepted) return { ok: false, reason: 'That offer is no longer open.' };
      return { ok: true, referral: await getReferral(referral.id), referrer };
    },

    /**
     * A referrer who registered after an open request was made is invited to it the same anonymous
     * way: one offer row per request not yet reaching them, written in one transaction with
     * `within` (told the requests newly reached, for their invitation DMs). Returns those requests.
     * Two runs at once for the same member end in the unique key: one of them fails and is retried.
     */
    async inviteLateReferrer(
      memberId: string,
      where: { postingId: string } | { companyId: string },
      within?: WithinTransaction<ReferralWithPeople[]>,
    ): Promise<ReferralWithPeople[]> {
      const open = await withPeople(
        await db.referral.findMany({
          where: {
            askAnyone: true,
            status: 'requested',
            candidateId: { not: memberId },
            offers: { none: { referrerId: memberId } },
            posting:
              'postingId' in where ? { id: where.postingId } : { companyId: where.companyId, status: 'open' },
          },
          take: 200,
        }),
      );
      if (open.length === 0) return [];
      return db.$transaction(async (tx) => {
        const asked = await tx.referralOffer.findMany({
          where: { referrerId: memberId, referralId: { in: open.map((r) => r.id) } },
          select: { referralId: true },
        });
        const already = new Set(asked.map((o) => o.referralId));
        const reached = open.filter((r) => !already.has(r.id));
        if (reached.length > 0) {
          await tx.referralOffer.createMany({
            data: reached.map((r) => ({ referralId: r.id, referrerId: memberId })),
          });
        }
        await within?.(tx, reached);
        return reached;
      }, BURST_TRANSACTION_OPTIONS);
    },

    /** Tags a colleague on a posting; a repeated tag (same person, same role) is not sent twice. */
    async tag(
      input: {
        postingId: string;
        taggedMemberId: string;
        taggedById: string;
        role: 'referrer' | 'candidate';
      },
      within?: WithinTransaction<{ tagId: string }>,
    ): Promise<{ created: boolean }> {
      try {
        await db.$transaction(async (tx) => {
          const row = await tx.tag.create({ data: input, select: { id: true } });
          await within?.(tx, { tagId: row.id });
        }, BURST_TRANSACTION_OPTIONS);
        return { created: true };
      } catch (error) {
        // The same colleague, posting and role: told already.
        if (isUniqueViolation(error)) return { created: false };
        throw error;
      }
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

    isOpen,
  };
}

export type ReferralLifecycle = ReturnType<typeof createReferralLifecycle>;
