import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { emptySummary } from '../../../src/postings/extract-posting.js';
import type { ReferralStatus } from '../../../src/referrals/records.js';
import { createReferralService, type ReferralService } from '../../../src/referrals/referral-service.js';
import {
  CARD_NAMES_SHOWN,
  type PostingCardInput,
  postingCardBlocks,
} from '../../../src/slack/blocks/posting-card.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../helpers/test-database.js';

/**
 * The card's people counted and cut in SQL (`src/referrals/card-people.ts`) show what the card showed
 * when it read every row: the same counts, the same first names with the same ✓, the same "and N more",
 * and nobody interested named who did not choose to be.
 */

const T0 = Date.parse('2026-01-01T00:00:00Z');
const at = (minute: number) => new Date(T0 + minute * 60_000);
const summaryOf = (url: string) => ({
  ...emptySummary({ url, canonicalUrl: url }),
  title: 'Engineer',
  company: 'Acme',
});

describeEachDatabase('what a card shows, counted in SQL', (kind) => {
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

  interface Scenario {
    /** Members listed on the posting, in order: verified on their posting row. */
    onPosting: Array<{ verified?: boolean }>;
    /** The company's directory: `same` is the index of a posting referrer this member is. */
    atCompany: Array<{ verified?: boolean; same?: number }>;
    interest: Array<{ status?: ReferralStatus; showName?: boolean }>;
    company?: boolean;
    closed?: boolean;
  }

  /** A workspace of its own with one posting as the scenario says; the posting's id. */
  async function seed(scenario: Scenario): Promise<string> {
    counter += 1;
    const team = `T0CARD${counter}`;
    await db.workspace.create({ data: { id: team } });
    const member = (name: string) =>
      db.member.create({ data: { workspaceId: team, slackUserId: `U0${name}${counter}` } });
    const company =
      scenario.company === false
        ? null
        : await db.company.create({
            data: { workspaceId: team, normalizedName: 'acme', displayName: 'Acme', aliases: [] },
          });
    const posting = await db.posting.create({
      data: {
        workspaceId: team,
        canonicalUrl: `https://jobs.example/${counter}`,
        url: `https://jobs.example/${counter}`,
        source: 'test',
        title: 'Engineer',
        companyId: company?.id ?? null,
        summary: summaryOf(`https://jobs.example/${counter}`),
        status: scenario.closed ? 'closed' : 'open',
      },
    });
    const referrerIds: string[] = [];
    let minute = 0;
    for (const [i, row] of scenario.onPosting.entries()) {
      const m = await member(`P${i}X`);
      referrerIds.push(m.id);
      await db.postingReferrer.create({
        data: {
          postingId: posting.id,
          memberId: m.id,
          verified: row.verified ?? false,
          createdAt: at(minute++),
        },
      });
    }
    if (company !== null) {
      for (const [i, row] of scenario.atCompany.entries()) {
        const memberId = row.same !== undefined ? referrerIds[row.same] : (await member(`C${i}X`)).id;
        if (memberId === undefined) throw new Error('no such posting referrer');
        await db.companyReferrer.create({
          data: { companyId: company.id, memberId, verified: row.verified ?? false, createdAt: at(minute++) },
        });
      }
    }
    for (const [i, row] of scenario.interest.entries()) {
      const m = await member(`I${i}X`);
      await db.referral.create({
        data: {
          postingId: posting.id,
          candidateId: m.id,
          status: row.status ?? 'interested',
          showName: row.showName ?? false,
          createdAt: at(minute++),
        },
      });
    }
    return posting.id;
  }

  /** The card's input as it was built before: every row read, counted and cut in code. */
  async function everyRowInput(postingId: string): Promise<PostingCardInput> {
    const posting = await db.posting.findUniqueOrThrow({ where: { id: postingId } });
    const onPosting = await db.postingReferrer.findMany({
      where: { postingId },
      orderBy: { createdAt: 'asc' },
    });
    const interest = await db.referral.findMany({
      where: { postingId, status: { notIn: ['withdrawn'] } },
      orderBy: { createdAt: 'asc' },
    });
    const atCompany =
      posting.companyId === null
        ? []
        : await db.companyReferrer.findMany({
            where: { companyId: posting.companyId },
            orderBy: { createdAt: 'asc' },
          });
    const verified = new Set([...onPosting, ...atCompany].filter((r) => r.verified).map((r) => r.memberId));
    const listed = new Set(onPosting.map((r) => r.memberId));
    const directory = atCompany.filter((r) => !listed.has(r.memberId));
    const people = new Map((await db.member.findMany()).map((m) => [m.id, m.slackUserId]));
    const mention = (memberId: string) => ({
      userId: people.get(memberId) ?? '?',
      verified: verified.has(memberId),
    });
    return {
      summary: summaryOf(posting.url),
      postingId,
      counts: { referrers: onPosting.length + directory.length, interested: interest.length },
      referrers: onPosting.map((r) => mention(r.memberId)),
      namedCandidates: interest
        .filter((r) => r.showName)
        .map((r) => ({ userId: people.get(r.candidateId) ?? '?' })),
      companyReferrers: directory.map((r) => mention(r.memberId)),
      closed: posting.status === 'closed',
    };
  }

  /** The card's input from `cardState`, as the card publisher builds it. */
  async function sqlInput(postingId: string): Promise<PostingCardInput> {
    const state = await referrals.cardState(postingId, CARD_NAMES_SHOWN);
    return {
      summary: summaryOf(state.posting.url),
      postingId,
      counts: state.counts,
      referrers: state.referrers.map((m) => ({ userId: m.slackUserId, verified: m.verified })),
      namedCandidates: state.namedCandidates.map((m) => ({ userId: m.slackUserId })),
      companyReferrers: state.companyReferrers.map((m) => ({ userId: m.slackUserId, verified: m.verified })),
      totals: state.totals,
      closed: state.posting.status === 'closed',
    };
  }

  async function expectSameCard(postingId: string) {
    const before = await everyRowInput(postingId);
    const after = await sqlInput(postingId);
    expect(after.counts).toEqual(before.counts);
    expect(postingCardBlocks(after)).toEqual(postingCardBlocks(before));
    // Browsing counts each open posting as its card does.
    if (!after.closed) {
      const { workspaceId } = await db.posting.findUniqueOrThrow({ where: { id: postingId } });
      const [row] = (await referrals.browsePostings(workspaceId, {})).rows;
      expect(row?.counts).toEqual(after.counts);
    }
    return after;
  }

  const many = <T>(n: number, row: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => row(i));

  it('a crowded posting: the same counts, first names, ✓ and "and N more" as reading every row', async () => {
    const postingId = await seed({
      onPosting: many(13, (i) => ({ verified: i % 4 === 0 })),
      // Three of the posting's referrers are in the directory too (one verified only there); twelve others.
      atCompany: [
        { same: 1, verified: true },
        { same: 2 },
        { same: 12, verified: true },
        ...many(12, (i) => ({ verified: i % 3 === 0 })),
      ],
      interest: many(30, (i) => ({
        status: (['interested', 'requested', 'withdrawn', 'declined'] as const)[i % 4],
        showName: i % 4 !== 3,
      })),
    });
    const after = await expectSameCard(postingId);
    expect(after.referrers).toHaveLength(CARD_NAMES_SHOWN);
    // 30 interested, 7 withdrawn; named: 16 of the 23 (a withdrawn one who chose it is not).
    expect(after.counts).toEqual({ referrers: 13 + 12, interested: 23 });
    // ✓: 4 on their posting row, 1 only at the company; 4 in the directory.
    expect(after.totals).toEqual({ referrers: 13, companyReferrers: 12, namedCandidates: 16, verified: 9 });
    const text = JSON.stringify(postingCardBlocks(after));
    expect(text).toContain('(9 ✓)');
    expect(text).toContain('and 3 more');
    expect(text).toContain('and 2 more');
    expect(text).toContain('and 6 more');
  });

  it('nobody interested is named who did not choose it, and a withdrawn candidate is neither named nor counted', async () => {
    const postingId = await seed({
      onPosting: [],
      atCompany: [],
      interest: [
        { showName: false },
        { showName: true, status: 'withdrawn' },
        { showName: true, status: 'closed' },
        { showName: false, status: 'hired' },
      ],
    });
    const after = await expectSameCard(postingId);
    expect(after.counts.interested).toBe(3);
    expect(after.namedCandidates).toHaveLength(1);
    const candidates = await db.referral.findMany({ where: { postingId }, include: { candidate: true } });
    const text = JSON.stringify(postingCardBlocks(after));
    for (const referral of candidates) {
      const named = referral.showName && referral.status !== 'withdrawn';
      expect(text.includes(`<@${referral.candidate.slackUserId}>`)).toBe(named);
    }
  });

  it('a closed posting, a posting with no company, and one nobody has touched', async () => {
    await expectSameCard(
      await seed({
        closed: true,
        onPosting: many(3, () => ({})),
        atCompany: many(2, (i) => ({ verified: i === 0 })),
        interest: many(2, () => ({ showName: true })),
      }),
    );
    const noCompany = await seed({
      company: false,
      onPosting: [{ verified: true }],
      atCompany: [],
      interest: [{}],
    });
    expect((await expectSameCard(noCompany)).totals).toEqual({
      referrers: 1,
      companyReferrers: 0,
      namedCandidates: 0,
      verified: 1,
    });
    const empty = await seed({ onPosting: [], atCompany: [], interest: [] });
    expect((await expectSameCard(empty)).counts).toEqual({ referrers: 0, interested: 0 });
  });

  it('a referrer who leaves the posting stays in the directory, one who leaves the directory stays on the posting', async () => {
    const postingId = await seed({
      onPosting: many(2, () => ({})),
      atCompany: [{ same: 0 }, { same: 1 }, {}],
      interest: [],
    });
    const [first, second] = await db.postingReferrer.findMany({
      where: { postingId },
      orderBy: { createdAt: 'asc' },
    });
    if (first === undefined || second === undefined) throw new Error('seeded two');
    await db.postingReferrer.delete({
      where: { postingId_memberId: { postingId, memberId: first.memberId } },
    });
    await db.companyReferrer.deleteMany({ where: { memberId: second.memberId } });
    const after = await expectSameCard(postingId);
    expect(after.totals).toMatchObject({ referrers: 1, companyReferrers: 2 });
  });
});
