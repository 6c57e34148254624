import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { createReferralService, type ReferralService } from '../../../src/referrals/referral-service.js';
import { seedPostings } from '../../helpers/seed-postings.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../helpers/test-database.js';

/**
 * `Posting.referrerCount` and `Company.referrerCount`, which "someone can refer" browsing reads, are
 * kept by the database's triggers (migration `can_refer_counts`): every way a referrer row comes or
 * goes keeps them equal to the rows, an erasure's cascades included.
 */
describeEachDatabase('referrer counts kept by the database', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let referrals: ReferralService;
  let counter = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db.prisma;
    referrals = createReferralService({ db });
  });
  afterAll(() => database?.cleanup());

  /** Each posting's and company's stored count against its rows, counted again. */
  async function expectCountsTrue(team: string) {
    const postings = await db.posting.findMany({
      where: { workspaceId: team },
      include: { _count: { select: { referrers: true } } },
    });
    for (const p of postings) expect(p.referrerCount, p.title ?? p.id).toBe(p._count.referrers);
    const companies = await db.company.findMany({
      where: { workspaceId: team },
      include: { _count: { select: { referrers: true } } },
    });
    for (const c of companies) expect(c.referrerCount, c.displayName).toBe(c._count.referrers);
  }

  const canRefer = async (team: string) =>
    (await referrals.browsePostings(team, { canRefer: true }, 1)).rows.map((r) => r.posting.title).sort();

  it('"I can refer", the company directory, un-listing and an erasure keep the counts and the can-refer list right', async () => {
    counter += 1;
    const team = `T0COUNTS${counter}`;
    const [acmeOne, , globex] = await seedPostings(database.db, team, [
      { title: 'Acme One', company: 'Acme' },
      { title: 'Acme Two', company: 'Acme' },
      { title: 'Globex', company: 'Globex' },
      { title: 'Initech', company: 'Initech', referrers: ['U0SEEDED'] },
    ]);
    if (acmeOne === undefined || globex === undefined) throw new Error('seeded');
    await expectCountsTrue(team);
    expect(await canRefer(team)).toEqual(['Initech']);

    const ada = await referrals.ensureMember(team, 'U0ADA');
    const bob = await referrals.ensureMember(team, 'U0BOB');
    // On a posting: that posting only.
    await referrals.toggleReferrer(globex, ada.id);
    await referrals.toggleReferrer(globex, bob.id);
    expect(await canRefer(team)).toEqual(['Globex', 'Initech']);
    // At a company: every posting of it.
    await referrals.rememberCompanyReferrer(team, 'Acme', bob.id);
    expect(await canRefer(team)).toEqual(['Acme One', 'Acme Two', 'Globex', 'Initech']);
    await expectCountsTrue(team);

    // A second click un-lists; one referrer left on Globex keeps it.
    await referrals.toggleReferrer(globex, ada.id);
    expect(await canRefer(team)).toEqual(['Acme One', 'Acme Two', 'Globex', 'Initech']);
    await referrals.forgetCompanyReferrer(team, 'Acme', bob.id);
    expect(await canRefer(team)).toEqual(['Globex', 'Initech']);
    await expectCountsTrue(team);

    // Erasing a member removes their rows by cascade: the triggers count those too.
    await referrals.rememberCompanyReferrer(team, 'Acme', bob.id);
    await db.member.delete({ where: { id: bob.id } });
    expect(await canRefer(team)).toEqual(['Initech']);
    await expectCountsTrue(team);

    // A posting that moves to another company is listed by its new company's referrers.
    await referrals.rememberCompanyReferrer(team, 'Globex', ada.id);
    const globexCompany = await db.company.findFirstOrThrow({
      where: { workspaceId: team, displayName: 'Globex' },
    });
    await db.posting.update({ where: { id: acmeOne }, data: { companyId: globexCompany.id } });
    expect(await canRefer(team)).toEqual(['Acme One', 'Globex', 'Initech']);
    await expectCountsTrue(team);
  });

  it('a referrer row moved to another posting or company moves its count', async () => {
    counter += 1;
    const team = `T0COUNTS${counter}`;
    const [first, second] = await seedPostings(database.db, team, [
      { title: 'First', company: 'Umbrella', referrers: ['U0MOVER'] },
      { title: 'Second', company: 'Hooli' },
    ]);
    if (first === undefined || second === undefined) throw new Error('seeded');
    await db.postingReferrer.updateMany({ where: { postingId: first }, data: { postingId: second } });
    const mover = await db.member.findFirstOrThrow({ where: { workspaceId: team, slackUserId: 'U0MOVER' } });
    await referrals.rememberCompanyReferrer(team, 'Umbrella', mover.id);
    const hooli = await db.company.findFirstOrThrow({ where: { workspaceId: team, displayName: 'Hooli' } });
    await db.companyReferrer.updateMany({ where: { memberId: mover.id }, data: { companyId: hooli.id } });
    await expectCountsTrue(team);
    expect(await canRefer(team)).toEqual(['Second']);
  });
});
