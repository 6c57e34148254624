import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { createReferralService, type ReferralService } from '../../../src/referrals/referral-service.js';
import {
  completeDeliveryWithin,
  DeliveryAlreadyDone,
} from '../../../src/slack/transport/durable-deliveries.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../helpers/test-database.js';

const TEAM = 'T0TOGGLE';

/**
 * One delivery ("I can refer", "remember me for this company") run twice at once, as when another
 * replica takes a job's lease over while the first run is still going: the run that commits second
 * must find the delivery handled and change nothing. Before, on PostgreSQL, it met the first run's
 * row in the unique index and answered "listed" without looking, so the member was answered twice.
 */
describeEachDatabase('two runs of one referrer delivery at once', (kind) => {
  let database: TestDatabase;
  let prisma: Db;
  let referrals: ReferralService;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    prisma = database.db.prisma;
    referrals = createReferralService({ db: prisma });
  });
  afterAll(() => database?.cleanup());

  it('"I can refer": listed once; the twin run finds the delivery handled and rolls back', async () => {
    const member = await referrals.ensureMember(TEAM, 'U0TOGGLER', 'Toggler');
    const posting = await prisma.posting.create({
      data: {
        workspaceId: TEAM,
        canonicalUrl: 'https://jobs.example/toggle-race',
        url: 'https://jobs.example/toggle-race',
        source: 'html',
        title: 'Engineer',
      },
    });
    const delivery = await prisma.job.create({
      data: { kind: 'slack-delivery', key: 'toggle-race', payload: {}, state: 'running' },
    });
    const context = { deliveryJobId: delivery.id, deliveryAttempt: 1 };

    let firstInside: () => void = () => undefined;
    const firstHasWritten = new Promise<void>((resolve) => {
      firstInside = resolve;
    });
    let letFirstCommit: () => void = () => undefined;
    const firstMayCommit = new Promise<void>((resolve) => {
      letFirstCommit = resolve;
    });
    const secondSaw: boolean[] = [];

    const first = referrals.toggleReferrer(posting.id, member.id, async (tx) => {
      firstInside();
      await firstMayCommit;
      await completeDeliveryWithin(tx, context);
    });
    await firstHasWritten;
    const second = referrals.toggleReferrer(posting.id, member.id, async (tx, written) => {
      secondSaw.push(written.isReferrer);
      await completeDeliveryWithin(tx, context);
    });
    // The twin reaches the row the first run has written and not committed yet (PostgreSQL: it
    // waits in the unique index; SQLite: for the write lock).
    await new Promise((resolve) => setTimeout(resolve, 300));
    letFirstCommit();

    await expect(first).resolves.toMatchObject({ isReferrer: true });
    await expect(second).rejects.toBeInstanceOf(DeliveryAlreadyDone);
    // It saw the first run's row (an un-listing), and rolled that back.
    expect(secondSaw.at(-1)).toBe(false);
    expect(await prisma.postingReferrer.count({ where: { postingId: posting.id } })).toBe(1);
    expect((await prisma.job.findUniqueOrThrow({ where: { id: delivery.id } })).state).toBe('done');
  });

  it('"remember me for this company": listed once; the twin run finds the delivery handled and rolls back', async () => {
    const member = await referrals.ensureMember(TEAM, 'U0REMEMBERER', 'Rememberer');
    const delivery = await prisma.job.create({
      data: { kind: 'slack-delivery', key: 'remember-race', payload: {}, state: 'running' },
    });
    const context = { deliveryJobId: delivery.id, deliveryAttempt: 1 };
    let firstInside: () => void = () => undefined;
    const firstHasWritten = new Promise<void>((resolve) => {
      firstInside = resolve;
    });
    let letFirstCommit: () => void = () => undefined;
    const firstMayCommit = new Promise<void>((resolve) => {
      letFirstCommit = resolve;
    });
    const secondSaw: boolean[] = [];

    const first = referrals.rememberCompanyReferrer(TEAM, 'Racing Robotics', member.id, async (tx) => {
      firstInside();
      await firstMayCommit;
      await completeDeliveryWithin(tx, context);
    });
    await firstHasWritten;
    const second = referrals.rememberCompanyReferrer(
      TEAM,
      'Racing Robotics',
      member.id,
      async (tx, written) => {
        secondSaw.push(written.added);
        await completeDeliveryWithin(tx, context);
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    letFirstCommit();

    await expect(first).resolves.toMatchObject({ added: true });
    await expect(second).rejects.toBeInstanceOf(DeliveryAlreadyDone);
    expect(secondSaw.at(-1)).toBe(false);
    expect(await prisma.companyReferrer.count({ where: { memberId: member.id } })).toBe(1);
  });
});
