import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { createRemindersJob } from '../../../src/jobs/reminders-job.js';
import { createLogger } from '../../../src/logger.js';
import { createMemberData, type MemberData } from '../../../src/privacy/member-data.js';
import type { Member } from '../../../src/referrals/records.js';
import { createReferralService, type ReferralService } from '../../../src/referrals/referral-service.js';
import { addJob, storedJobKey } from '../../../src/work/work-queue.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../helpers/test-database.js';

const TEAM = 'T0FOLLOWUP';
const DAY = 86_400_000;

/** What `within` throws to stand for anything failing after the change, before its commit. */
class FollowUpFailed extends Error {}

/**
 * The database, except that writing a job inside a transaction fails (a full disk, a constraint):
 * a change whose follow-ups are jobs of its own transaction must then not commit either.
 */
function withFailingJobWrites(db: Db): Db {
  const failingTx = (tx: object) =>
    new Proxy(tx, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (prop !== 'job') return typeof value === 'function' ? value.bind(target) : value;
        return new Proxy(value as object, {
          get(jobs, method) {
            if (method === 'create' || method === 'createMany')
              return async () => {
                throw new FollowUpFailed('job write failed');
              };
            const fn = Reflect.get(jobs, method, jobs) as unknown;
            return typeof fn === 'function' ? fn.bind(jobs) : fn;
          },
        });
      },
    });
  return new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === '$transaction')
        return (fn: (tx: object) => Promise<unknown>, options?: unknown) =>
          target.$transaction((tx) => fn(failingTx(tx)), options as never);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describeEachDatabase('follow-up jobs commit with the change that causes them, or neither does', (kind) => {
  let database: TestDatabase;
  let prisma: Db;
  let referrals: ReferralService;
  let memberData: MemberData;
  let bob: Member;
  let carol: Member;
  let dave: Member;
  let counter = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    prisma = database.db.prisma;
    referrals = createReferralService({ db: prisma });
    memberData = createMemberData({ db: prisma, provider: kind, logger: createLogger('silent') });
    bob = await referrals.ensureMember(TEAM, 'U0FBOB', 'Bob');
    carol = await referrals.ensureMember(TEAM, 'U0FCAROL', 'Carol');
    dave = await referrals.ensureMember(TEAM, 'U0FDAVE', 'Dave');
  });
  afterAll(() => database?.cleanup());

  const jobsKeyed = (key: string) => prisma.job.count({ where: { key: storedJobKey(key) } });
  const failAfter =
    (key: string) =>
    async (tx: Pick<Db, 'job'>): Promise<void> => {
      await addJob(tx, { kind: 'test-follow-up', key, payload: {} });
      throw new FollowUpFailed('after the job was written');
    };

  /** A posting at a fresh company, with an open request by Dave that reached Bob and Carol. */
  async function openRequest() {
    counter += 1;
    const company = await referrals.ensureCompany(TEAM, `Followco ${kind} ${counter}`);
    if (company === null) throw new Error('no company');
    const posting = await prisma.posting.create({
      data: {
        workspaceId: TEAM,
        canonicalUrl: `https://jobs.example/followup/${kind}/${counter}`,
        url: `https://jobs.example/followup/${kind}/${counter}`,
        source: 'html',
        title: `Engineer ${counter}`,
        companyId: company.id,
      },
    });
    const { referral } = await referrals.expressInterest({
      postingId: posting.id,
      candidateId: dave.id,
      note: 'hi',
      ask: 'anyone',
      invite: [bob.id, carol.id],
      showName: false,
    });
    return { company, posting, referral };
  }

  it('"remember me for this company" lists the member with its follow-up jobs, or not at all', async () => {
    const { company } = await openRequest();
    const listedAt = () =>
      prisma.companyReferrer.count({ where: { companyId: company.id, memberId: bob.id } });

    await expect(
      referrals.rememberCompanyReferrer(TEAM, company.displayName, bob.id, failAfter('remember:failed')),
    ).rejects.toBeInstanceOf(FollowUpFailed);
    expect(await listedAt()).toBe(0);
    expect(await jobsKeyed('remember:failed')).toBe(0);

    const written: boolean[] = [];
    const remember = () =>
      referrals.rememberCompanyReferrer(TEAM, company.displayName, bob.id, async (tx, { added }) => {
        written.push(added);
        if (added) await addJob(tx, { kind: 'test-follow-up', key: 'remember:ok', payload: {} });
      });
    expect((await remember()).added).toBe(true);
    expect((await remember()).added).toBe(false);
    expect(written).toEqual([true, false]);
    expect(await listedAt()).toBe(1);
    expect(await jobsKeyed('remember:ok')).toBe(1);
  });

  it('a late referrer is invited to an open request with its invitation job, or not at all', async () => {
    const { posting, referral } = await openRequest();
    const eve = await referrals.ensureMember(TEAM, `U0FEVE${counter}`, 'Eve');
    const offerOfEve = () =>
      prisma.referralOffer.count({ where: { referralId: referral.id, referrerId: eve.id } });

    await expect(
      referrals.inviteLateReferrer(eve.id, { postingId: posting.id }, failAfter('late:failed')),
    ).rejects.toBeInstanceOf(FollowUpFailed);
    expect(await offerOfEve()).toBe(0);
    expect(await jobsKeyed('late:failed')).toBe(0);

    const invite = () =>
      referrals.inviteLateReferrer(eve.id, { postingId: posting.id }, async (tx, reached) => {
        await addJob(
          tx,
          ...reached.map((r) => ({ kind: 'test-follow-up', key: `late:${r.id}`, payload: {} })),
        );
      });
    expect((await invite()).map((r) => r.id)).toEqual([referral.id]);
    // A run again (a job retried) reaches nobody twice.
    expect(await invite()).toEqual([]);
    expect(await offerOfEve()).toBe(1);
    expect(await jobsKeyed(`late:${referral.id}`)).toBe(1);
  });

  it("a referrer's decline of an open request commits with its delivery and notices, or not at all", async () => {
    const { referral } = await openRequest();
    const decline = (memberId: string, within: Parameters<ReferralService['changeStatus']>[1]) =>
      referrals.changeStatus(
        { referralId: referral.id, actor: { kind: 'member', memberId }, to: 'declined' },
        within,
      );
    const offers = async () =>
      Object.fromEntries(
        (await prisma.referralOffer.findMany({ where: { referralId: referral.id } })).map((o) => [
          o.referrerId,
          o.status,
        ]),
      );

    // Before: the decline committed in a first transaction, and a run again after a failure (or a
    // crash) between the two was refused as "already answered".
    await expect(decline(bob.id, failAfter('decline:failed'))).rejects.toBeInstanceOf(FollowUpFailed);
    expect(await offers()).toEqual({ [bob.id]: 'invited', [carol.id]: 'invited' });
    expect(await jobsKeyed('decline:failed')).toBe(0);

    const first = await decline(bob.id, (tx) =>
      addJob(tx, { kind: 'test-follow-up', key: `decline:${referral.id}:bob`, payload: {} }),
    );
    expect(first).toMatchObject({ ok: true, to: 'requested', offerOnly: true });
    expect(await jobsKeyed(`decline:${referral.id}:bob`)).toBe(1);

    // The last referrer out ends the request, and the end is what `within` is told, in the same transaction.
    await expect(decline(carol.id, failAfter('decline:last:failed'))).rejects.toBeInstanceOf(FollowUpFailed);
    expect((await referrals.getReferral(referral.id)).status).toBe('requested');
    const told: string[] = [];
    const last = await decline(carol.id, async (_tx, written) => {
      told.push(`${written.from}→${written.to}`);
    });
    expect(last).toMatchObject({ ok: true, to: 'declined', offerOnly: false });
    expect(told).toEqual(['requested→declined']);
    expect(await offers()).toEqual({ [bob.id]: 'declined', [carol.id]: 'declined' });
  });

  it("an erasure writes the jobs that redraw the member's cards in its transaction, or erases nothing", async () => {
    const { posting } = await openRequest();
    const frank = await referrals.ensureMember(TEAM, `U0FFRANK${counter}`, 'Frank');
    await referrals.toggleReferrer(posting.id, frank.id);

    await expect(
      memberData.eraseMember(TEAM, frank.slackUserId, failAfter('erase:failed')),
    ).rejects.toBeInstanceOf(FollowUpFailed);
    expect(await prisma.member.count({ where: { id: frank.id } })).toBe(1);
    expect(await jobsKeyed('erase:failed')).toBe(0);

    const told: string[][] = [];
    const outcome = await memberData.eraseMember(TEAM, frank.slackUserId, async (tx, { postingIds }) => {
      told.push(postingIds);
      await addJob(
        tx,
        ...postingIds.map((id) => ({ kind: 'test-follow-up', key: `erase:${id}`, payload: {} })),
      );
    });
    expect(outcome).toEqual({ erased: true, postingIds: [posting.id] });
    expect(told).toEqual([[posting.id]]);
    expect(await prisma.member.count({ where: { id: frank.id } })).toBe(0);
    expect(await jobsKeyed(`erase:${posting.id}`)).toBe(1);
  });

  it('a reminder is recorded with its DM jobs: a DM that cannot be written leaves the reminder unrecorded', async () => {
    const { referral } = await openRequest();
    // Bob offered and Dave accepted: Bob is the referrer a reminder nudges.
    expect((await referrals.offerToRefer(referral.id, bob.id)).ok).toBe(true);
    const offer = await prisma.referralOffer.findFirstOrThrow({
      where: { referralId: referral.id, referrerId: bob.id },
    });
    expect((await referrals.acceptOffer(offer.id, dave.id)).ok).toBe(true);
    await prisma.referral.update({
      where: { id: referral.id },
      data: { statusChangedAt: new Date(Date.now() - 5 * DAY) },
    });
    const reminded = () => prisma.reminder.count({ where: { referralId: referral.id } });
    let woken = 0;
    const remindersOn = (db: Db) =>
      createRemindersJob({
        db,
        referrals,
        work: {
          wake: () => {
            woken += 1;
          },
        },
        logger: createLogger('silent'),
        reminderDays: 3,
      });

    // Before: the Reminder row was written first and the DM sent from memory after it.
    await expect(remindersOn(withFailingJobWrites(prisma)).runOnce()).rejects.toBeInstanceOf(FollowUpFailed);
    expect(await reminded()).toBe(0);
    expect(woken).toBe(0);

    const dmJobsBefore = await prisma.job.count({ where: { kind: 'slack-dm' } });
    expect(await remindersOn(prisma).runOnce()).toBeGreaterThanOrEqual(1);
    expect(await reminded()).toBe(1);
    expect(await prisma.job.count({ where: { kind: 'slack-dm' } })).toBeGreaterThan(dmJobsBefore);
    expect(woken).toBe(1);
  });
});
