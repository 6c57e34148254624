import { afterAll, beforeAll, expect, it } from 'vitest';
import { FOLLOW_JOBS } from '../../../src/follows/follow-jobs.js';
import { createFollowStore } from '../../../src/follows/follow-store.js';
import { createLogger } from '../../../src/logger.js';
import { createPostingRows } from '../../../src/postings/posting-rows.js';
import { createMemberData } from '../../../src/privacy/member-data.js';
import { createReferralService } from '../../../src/referrals/referral-service.js';
import { createShareStore, type ShareStore } from '../../../src/shares/share-store.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../helpers/test-database.js';

const TEAM = 'T0SHAREREMOVAL';
const CHANNEL = 'C0REMOVALS';

/**
 * A removed card, on the share store's side: what a run again of its delivery, a late "card
 * posted", a card refresh, follow matching, the public lists and an erasure make of it.
 */
describeEachDatabase('a removed share', (kind) => {
  let database: TestDatabase;
  let shares: ShareStore;
  let counter = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    shares = createShareStore(database.db.prisma);
    await database.db.prisma.workspace.create({ data: { id: TEAM } });
  });
  afterAll(() => database.cleanup());

  async function member(slackUserId: string): Promise<string> {
    const row = await database.db.prisma.member.upsert({
      where: { workspaceId_slackUserId: { workspaceId: TEAM, slackUserId } },
      create: { workspaceId: TEAM, slackUserId },
      update: {},
    });
    return row.id;
  }

  /** A new open job posting, and a card claimed for it (not yet recorded as posted) by `sharer`. */
  async function claimedCard(sharer = 'U0SHARES') {
    counter += 1;
    const posting = await database.db.prisma.posting.create({
      data: {
        workspaceId: TEAM,
        canonicalUrl: `https://jobs.example/${counter}`,
        url: `https://jobs.example/${counter}`,
        source: 'html',
        title: `Removal Engineer ${counter}`,
        summary: { title: `Removal Engineer ${counter}`, url: `https://jobs.example/${counter}` },
      },
    });
    const claim = {
      postingId: posting.id,
      channelId: CHANNEL,
      anchor: `1700000000.${String(counter).padStart(6, '0')}`,
      source: 'thread' as const,
      threadTs: null,
      url: posting.url,
      sharedById: await member(sharer),
      note: null,
    };
    const shareId = await shares.claimCard(claim);
    if (shareId === null) throw new Error('claim refused');
    return { posting, claim, shareId };
  }

  it('is not taken over by its delivery run again, nor recorded as posted later, nor matched to follows', async () => {
    const { claim, shareId } = await claimedCard();
    // The card reached Slack, its run died before recording it, and the card was removed meanwhile.
    const removed = await shares.removeCard(shareId, {
      removedById: await member('U0SHARES'),
      cardTs: '1700000099.000001',
      reason: 'mistake',
    });
    expect(removed).toBe(true);
    expect(await shares.claimCard(claim, { takeOverUnposted: true })).toBeNull();

    await shares.cardPosted(shareId, '1700000099.000002');
    const row = await database.db.prisma.share.findUniqueOrThrow({ where: { id: shareId } });
    expect(row.cardTs).toBe('1700000099.000001');
    expect(
      await database.db.prisma.job.count({ where: { kind: FOLLOW_JOBS.match, key: { contains: shareId } } }),
    ).toBe(0);
    expect(await createFollowStore({ db: database.db.prisma }).sharedCard(shareId)).toBeNull();
  });

  it('is removed once: a second removal changes nothing and runs nothing', async () => {
    const { shareId } = await claimedCard();
    const remover = await member('U0SHARES');
    let ran = 0;
    const within = async () => {
      ran += 1;
    };
    expect(
      await shares.removeCard(shareId, { removedById: remover, cardTs: '1.1', reason: 'mistake' }, within),
    ).toBe(true);
    expect(
      await shares.removeCard(shareId, { removedById: remover, cardTs: '1.1', reason: 'mistake' }, within),
    ).toBe(false);
    expect(ran).toBe(1);
    expect(await shares.removable(shareId)).toMatchObject({ removed: true, sharedBySlackUserId: 'U0SHARES' });
  });

  it('is left out of card refreshes and public lists, while another share of the posting keeps it listed', async () => {
    const referrals = createReferralService({
      db: database.db.prisma,
      postingRows: createPostingRows(database.db.prisma),
    });
    // Both public lists: Home's recent postings and browsing (`/vouch list`, the Browse modal).
    const listed = async () => {
      const recent = (await referrals.recentPostings(TEAM, { limit: 100 })).map((p) => p.id);
      const browsed = (await referrals.browsePostings(TEAM, {})).rows.map((row) => row.posting.id);
      expect(browsed.sort()).toEqual(recent.sort());
      return recent;
    };
    const only = await claimedCard();
    const twice = await claimedCard();
    const again = await shares.claimCard({ ...twice.claim, anchor: '1700000500.000001' });
    expect(again).not.toBeNull();
    expect(await listed()).toEqual(expect.arrayContaining([only.posting.id, twice.posting.id]));

    const remover = await member('U0ADMINREMOVES');
    await shares.removeCard(only.shareId, { removedById: remover, cardTs: '2.1', reason: 'mistake' });
    await shares.removeCard(twice.shareId, { removedById: remover, cardTs: '2.2', reason: 'mistake' });
    expect(await shares.recentFor(only.posting.id)).toEqual([]);
    expect((await shares.recentFor(twice.posting.id)).map((s) => s.id)).toEqual([again]);
    const after = await listed();
    expect(after).not.toContain(only.posting.id);
    expect(after).toContain(twice.posting.id);
  });

  it('forgets who removed it when that member erases their data, and stays removed', async () => {
    const { shareId } = await claimedCard();
    await shares.removeCard(shareId, {
      removedById: await member('U0FORGETS'),
      cardTs: '3.1',
      reason: 'mistake',
    });
    const memberData = createMemberData({
      db: database.db.prisma,
      provider: kind,
      logger: createLogger('silent'),
    });
    expect((await memberData.exportMember(TEAM, 'U0FORGETS'))?.cardsYouRemoved).toHaveLength(1);
    await memberData.eraseMember(TEAM, 'U0FORGETS');
    const row = await database.db.prisma.share.findUniqueOrThrow({ where: { id: shareId } });
    expect(row.removedById).toBeNull();
    expect(row.removedAt).not.toBeNull();
  });
});
