import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import type { Member, ReferralStatus } from '../../../src/referrals/records.js';
import { CONCURRENT_UPDATE_REASON } from '../../../src/referrals/referral-lifecycle.js';
import { createReferralService, type ReferralService } from '../../../src/referrals/referral-service.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../helpers/test-database.js';

const TEAM = 'T0LIFECYCLE';

/**
 * A database whose referral reads can be made to meet: once armed for `parties`, each
 * `referral.findUnique` holds its row until that many have read. Two actions then both decide from
 * the same status before either writes: the race forced, not hoped for.
 */
function withMeetingReads(db: Db): { db: Db; meet(parties: number): Promise<void> } {
  let gate: { parties: number; arrived: number; open: () => void; opened: Promise<void> } | null = null;
  const bind = (target: object, prop: string | symbol) => {
    const value = Reflect.get(target, prop, target) as unknown;
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  };
  const proxied = new Proxy(db, {
    get(target, prop) {
      if (prop !== 'referral') return bind(target, prop);
      const delegate = target.referral;
      return new Proxy(delegate, {
        get(inner, innerProp) {
          const value = bind(inner, innerProp);
          if (innerProp !== 'findUnique' || typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            const row = await (value as (...a: unknown[]) => Promise<unknown>)(...args);
            const waiting = gate;
            if (waiting !== null) {
              waiting.arrived += 1;
              if (waiting.arrived >= waiting.parties) {
                gate = null;
                waiting.open();
              }
              await waiting.opened;
            }
            return row;
          };
        },
      });
    },
  });
  return {
    db: proxied,
    meet(parties) {
      let open = () => {};
      const opened = new Promise<void>((resolve) => {
        open = resolve;
      });
      gate = { parties, arrived: 0, open, opened };
      return opened;
    },
  };
}

describeEachDatabase('the referral lifecycle, on the database', (kind) => {
  let database: TestDatabase;
  let referrals: ReferralService;
  /** Arms the meeting; the promise settles when the reads have met (a test awaits it as proof). */
  let meet: (parties: number) => Promise<void>;
  let bob: Member;
  let carol: Member;
  let dave: Member;
  let eve: Member;
  let counter = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const meeting = withMeetingReads(database.db.prisma);
    meet = meeting.meet;
    referrals = createReferralService({ db: meeting.db });
    bob = await referrals.ensureMember(TEAM, 'U0BOB', 'Bob');
    carol = await referrals.ensureMember(TEAM, 'U0CAROL', 'Carol');
    dave = await referrals.ensureMember(TEAM, 'U0DAVE', 'Dave');
    eve = await referrals.ensureMember(TEAM, 'U0EVE', 'Eve');
  });
  afterAll(() => database?.cleanup());

  /** A fresh posting at a fresh company where Bob and Carol can refer. */
  async function posting() {
    counter += 1;
    const company = await referrals.ensureCompany(TEAM, `Lifecycle ${counter}`);
    if (company === null) throw new Error('no company');
    for (const member of [bob, carol])
      await referrals.rememberCompanyReferrer(TEAM, company.displayName, member.id);
    return database.db.prisma.posting.create({
      data: {
        workspaceId: TEAM,
        canonicalUrl: `https://jobs.example/${kind}/${counter}`,
        url: `https://jobs.example/${kind}/${counter}`,
        source: 'html',
        title: `Engineer ${counter}`,
        companyId: company.id,
      },
    });
  }

  async function daveAsks(ask: string | 'anyone' | null) {
    const { id: postingId } = await posting();
    return referrals.expressInterest({
      postingId,
      candidateId: dave.id,
      note: 'Looking quietly',
      ask,
      ...(ask === 'anyone' ? { invite: [bob.id, carol.id, dave.id] } : {}),
      showName: false,
    });
  }

  /** `memberId` moves the referral to `to`, as their button in Slack would. */
  const changeAs = (memberId: string, referralId: string, to: ReferralStatus) =>
    referrals.changeStatus({ referralId, actor: { kind: 'member', memberId }, to });

  const eventsOf = (referralId: string) =>
    database.db.prisma.referralEvent.findMany({ where: { referralId }, orderBy: { createdAt: 'asc' } });

  it('records interest asking a named referrer as requested, with both events, once', async () => {
    const first = await daveAsks(bob.id);
    expect(first.created).toBe(true);
    expect(first.invited).toEqual([]);
    expect(first.referral).toMatchObject({ status: 'requested', referrerId: bob.id, askAnyone: false });
    expect(first.referral.referrer?.id).toBe(bob.id);
    expect((await eventsOf(first.referral.id)).map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, 'interested'],
      ['interested', 'requested'],
    ]);

    const again = await referrals.expressInterest({
      postingId: first.referral.postingId,
      candidateId: dave.id,
      note: 'Changed my note',
      ask: bob.id,
      showName: true,
    });
    expect(again.created).toBe(false);
    expect(again.referral.id).toBe(first.referral.id);
    expect(again.referral).toMatchObject({ candidateNote: 'Changed my note', showName: true });
    expect(await eventsOf(first.referral.id)).toHaveLength(2);
  });

  it('invites the referrers of a request to anyone, anonymously, never the candidate', async () => {
    const { referral, invited } = await daveAsks('anyone');
    expect(referral).toMatchObject({ status: 'requested', referrerId: null, askAnyone: true });
    expect(invited.map((m) => m.id).sort()).toEqual([bob.id, carol.id].sort());
    const offers = await database.db.prisma.referralOffer.findMany({ where: { referralId: referral.id } });
    expect(offers.map((o) => [o.referrerId, o.status]).sort()).toEqual(
      [
        [bob.id, 'invited'],
        [carol.id, 'invited'],
      ].sort(),
    );
    expect((await referrals.invitationsFor(bob.id)).map((i) => i.referralId)).toContain(referral.id);
  });

  it('records interest asking nobody as interested, waiting for a referrer', async () => {
    const { referral, invited } = await daveAsks(null);
    expect(invited).toEqual([]);
    expect(referral).toMatchObject({ status: 'interested', referrerId: null, askAnyone: false });
    expect((await eventsOf(referral.id)).map((e) => e.toStatus)).toEqual(['interested']);
    const waiting = await referrals.waitingForReferrer({ postingId: referral.postingId });
    expect(waiting.map((r) => r.id)).toEqual([referral.id]);
  });

  it('goes offer → accept → referred → interviewing, each step by the one allowed to take it', async () => {
    const { referral } = await daveAsks('anyone');
    const offered = await referrals.offerToRefer(referral.id, bob.id);
    expect(offered.ok).toBe(true);
    expect(await referrals.offerToRefer(referral.id, bob.id)).toEqual({
      ok: false,
      reason: 'You already offered: the candidate decides now.',
    });
    if (!offered.ok) return;
    expect(await referrals.acceptOffer(offered.offerId, bob.id)).toEqual({
      ok: false,
      reason: 'Only the candidate can accept an offer.',
    });
    const accepted = await referrals.acceptOffer(offered.offerId, dave.id);
    expect(accepted.ok && accepted.referrer.id).toBe(bob.id);
    expect(accepted.ok && accepted.referral.referrerId).toBe(bob.id);
    expect((await referrals.offersOn(referral.id)).map((o) => [o.referrer.id, o.status])).toEqual([
      [bob.id, 'accepted'],
    ]);

    const referred = await changeAs(bob.id, referral.id, 'referred');
    expect(referred).toMatchObject({ ok: true, from: 'requested', to: 'referred', role: 'referrer' });
    const interviewing = await changeAs(dave.id, referral.id, 'interviewing');
    expect(interviewing).toMatchObject({ ok: true, from: 'referred', to: 'interviewing', role: 'candidate' });
    expect((await eventsOf(referral.id)).map((e) => e.toStatus)).toEqual([
      'interested',
      'requested',
      'referred',
      'interviewing',
    ]);
    expect((await referrals.referralsAsReferrer(bob.id)).map((r) => r.id)).toContain(referral.id);
    expect((await referrals.referralsAsReferrer(carol.id)).map((r) => r.id)).not.toContain(referral.id);
  });

  it("ends only the decliner's offer while others are alive, and the request with the last one", async () => {
    const { referral } = await daveAsks('anyone');
    const decline = (memberId: string) => changeAs(memberId, referral.id, 'declined');

    const first = await decline(bob.id);
    expect(first).toMatchObject({ ok: true, from: 'requested', to: 'requested', offerOnly: true });
    expect((await referrals.getReferral(referral.id)).status).toBe('requested');
    const offers = await database.db.prisma.referralOffer.findMany({ where: { referralId: referral.id } });
    expect(Object.fromEntries(offers.map((o) => [o.referrerId, o.status]))).toEqual({
      [bob.id]: 'declined',
      [carol.id]: 'invited',
    });

    const last = await decline(carol.id);
    expect(last).toMatchObject({ ok: true, from: 'requested', to: 'declined', offerOnly: false });
    expect((await referrals.getReferral(referral.id)).status).toBe('declined');
    expect((await eventsOf(referral.id)).map((e) => e.toStatus)).toEqual([
      'interested',
      'requested',
      'declined',
    ]);
  });

  it('refuses an outsider every action, and an invited referrer anything but declining', async () => {
    const { referral } = await daveAsks('anyone');
    const as = (memberId: string, to: 'referred' | 'withdrawn') => changeAs(memberId, referral.id, to);
    const outsider = 'Only the candidate and their referrer can update this referral.';

    expect(await as(eve.id, 'referred')).toEqual({ ok: false, reason: outsider });
    expect(await as(eve.id, 'withdrawn')).toEqual({ ok: false, reason: outsider });
    expect(await referrals.offerToRefer(referral.id, eve.id)).toEqual({
      ok: false,
      reason: 'This request is not open to you.',
    });
    expect(await referrals.setRelationship(referral.id, eve.id, 'close friend')).toBe(false);
    // Bob was told of the request but not accepted: he may not take it by marking it referred.
    expect(await as(bob.id, 'referred')).toEqual({ ok: false, reason: outsider });
    expect(await referrals.setRelationship(referral.id, bob.id, 'worked together')).toBe(false);

    const offered = await referrals.offerToRefer(referral.id, carol.id);
    if (!offered.ok) throw new Error(offered.reason);
    expect(await referrals.acceptOffer(offered.offerId, eve.id)).toEqual({
      ok: false,
      reason: 'Only the candidate can accept an offer.',
    });

    const after = await referrals.getReferral(referral.id);
    expect(after).toMatchObject({ status: 'requested', referrerId: null, referrerRelationship: null });
    expect(await eventsOf(referral.id)).toHaveLength(2);
  });

  /** Runs `actions` at once, their referral reads made to meet (the race forced); resolves with results. */
  async function atOnce<T>(...actions: Array<() => Promise<T>>): Promise<T[]> {
    const met = meet(actions.length);
    const results = await Promise.all(actions.map((action) => action()));
    await met;
    return results;
  }

  /** Bob marks the referral referred while Dave withdraws it: two changes at the same moment. */
  function bobRefersWhileDaveWithdraws(referralId: string) {
    return Promise.all([
      changeAs(bob.id, referralId, 'referred'),
      changeAs(dave.id, referralId, 'withdrawn'),
    ]);
  }

  it('lets exactly one of two status changes decided from the same status win; the other is told', async () => {
    const { referral } = await daveAsks(bob.id);
    const met = meet(2);
    const results = await bobRefersWhileDaveWithdraws(referral.id);
    await met;
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([{ ok: false, reason: CONCURRENT_UPDATE_REASON }]);
    const winner = winners[0];
    const stored = await referrals.getReferral(referral.id);
    expect(winner?.ok && stored.status).toBe(winner?.ok ? winner.to : null);
    expect((await eventsOf(referral.id)).map((e) => e.toStatus)).toEqual([
      'interested',
      'requested',
      stored.status,
    ]);
  });

  it('records the same status change clicked twice at once once', async () => {
    const { referral } = await daveAsks(bob.id);
    const refer = () => changeAs(bob.id, referral.id, 'referred');
    const results = await atOnce(refer, refer);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: CONCURRENT_UPDATE_REASON }]);
    expect((await eventsOf(referral.id)).filter((e) => e.toStatus === 'referred')).toHaveLength(1);
  });

  it('keeps one winner per round when status changes race unforced, round after round', async () => {
    for (let round = 0; round < 8; round += 1) {
      const { referral } = await daveAsks(bob.id);
      const results = await bobRefersWhileDaveWithdraws(referral.id);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await eventsOf(referral.id)).toHaveLength(3);
    }
  });

  it('accepts one offer once when the candidate accepts it twice at once', async () => {
    const { referral } = await daveAsks('anyone');
    const offered = await referrals.offerToRefer(referral.id, bob.id);
    if (!offered.ok) throw new Error(offered.reason);
    const accept = () => referrals.acceptOffer(offered.offerId, dave.id);
    const results = await atOnce(accept, accept);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'That offer is no longer open.' }]);
    expect((await referrals.getReferral(referral.id)).referrerId).toBe(bob.id);
  });

  it('makes the first of two offers accepted at once the referrer, and accepts both', async () => {
    const { referral } = await daveAsks('anyone');
    const offerIds: string[] = [];
    for (const member of [bob, carol]) {
      const offered = await referrals.offerToRefer(referral.id, member.id);
      if (!offered.ok) throw new Error(offered.reason);
      offerIds.push(offered.offerId);
    }
    const results = await atOnce(...offerIds.map((id) => () => referrals.acceptOffer(id, dave.id)));
    expect(results.every((r) => r.ok)).toBe(true);
    const stored = await referrals.getReferral(referral.id);
    expect([bob.id, carol.id]).toContain(stored.referrerId);
    expect((await referrals.offersOn(referral.id)).map((o) => o.status)).toEqual(['accepted', 'accepted']);
  });

  it('takes one offer from a referrer who offers twice at once', async () => {
    const { referral } = await daveAsks('anyone');
    const offer = () => referrals.offerToRefer(referral.id, bob.id);
    const results = await atOnce(offer, offer);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: 'You already answered this request.' },
    ]);
    expect((await referrals.offersOn(referral.id)).map((o) => [o.referrer.id, o.status])).toEqual([
      [bob.id, 'offered'],
    ]);
  });

  it('ends the request once when its last two referrers decline at once', async () => {
    const { referral } = await daveAsks('anyone');
    const decline = (memberId: string) => changeAs(memberId, referral.id, 'declined');
    const results = await atOnce(
      () => decline(bob.id),
      () => decline(carol.id),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await referrals.getReferral(referral.id)).status).toBe('declined');
    expect((await eventsOf(referral.id)).filter((e) => e.toStatus === 'declined')).toHaveLength(1);
  });
});
