import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database, type Db } from '../../../src/db/client.js';
import { shareDedupeKey } from '../../../src/shares/share-dedupe-key.js';
import {
  createRecordingLogger,
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '../../helpers/test-database.js';

/** What Prisma raises for a unique violation, on both databases. */
const uniqueViolation = expect.objectContaining({ name: 'PrismaClientKnownRequestError', code: 'P2002' });

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

async function seedPosting(prisma: Db) {
  const workspace = await prisma.workspace.create({ data: { id: unique('T'), name: 'Acme Slack' } });
  const [candidate, referrer] = await Promise.all([
    prisma.member.create({ data: { workspaceId: workspace.id, slackUserId: unique('U') } }),
    prisma.member.create({ data: { workspaceId: workspace.id, slackUserId: unique('U') } }),
  ]);
  const posting = await prisma.posting.create({
    data: {
      workspaceId: workspace.id,
      canonicalUrl: `https://boards.greenhouse.io/acme/jobs/${unique('')}`,
      url: 'https://boards.greenhouse.io/acme/jobs/1?gh_src=x',
      source: 'greenhouse',
    },
  });
  return { workspace, candidate, referrer, posting };
}

describeEachDatabase('database constraints', (kind) => {
  let test: TestDatabase;
  let prisma: Db;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    prisma = test.db.prisma;
  });
  afterAll(() => test?.cleanup());

  it('a second referral of the same candidate for the same posting fails with P2002', async () => {
    const { posting, candidate } = await seedPosting(prisma);
    await prisma.referral.create({ data: { postingId: posting.id, candidateId: candidate.id } });

    await expect(
      prisma.referral.create({ data: { postingId: posting.id, candidateId: candidate.id, askAnyone: true } }),
    ).rejects.toEqual(uniqueViolation);
  });

  it('50 parallel inserts of one referral, over two connections, leave exactly one row', async () => {
    const { posting, candidate } = await seedPosting(prisma);
    const second: Database = await createDatabase({ url: test.url, logger: createRecordingLogger() });
    try {
      const clients = [prisma, second.prisma];
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          clients[i % 2]!.referral.create({ data: { postingId: posting.id, candidateId: candidate.id } }),
        ),
      );

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(outcome.reason).toEqual(uniqueViolation);
      }
      expect(await prisma.referral.count({ where: { postingId: posting.id } })).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('a re-delivered Slack event is dropped by the ProcessedEvent key', async () => {
    const key = unique('Ev');
    await prisma.processedEvent.create({ data: { key } });

    await expect(prisma.processedEvent.create({ data: { key } })).rejects.toEqual(uniqueViolation);
  });

  it('a re-delivered unfurl of the same message creates no second share', async () => {
    const { posting } = await seedPosting(prisma);
    const dedupeKey = shareDedupeKey({ postingId: posting.id, channelId: 'C1', anchor: '1700000000.000100' });
    const share = {
      postingId: posting.id,
      channelId: 'C1',
      messageTs: '1700000000.000100',
      source: 'unfurl' as const,
    };
    await prisma.share.create({ data: { ...share, dedupeKey } });

    await expect(prisma.share.create({ data: { ...share, dedupeKey } })).rejects.toEqual(uniqueViolation);
    // A command share has no message ts: the key still dedupes it (a NULL-able unique would not).
    const commandKey = shareDedupeKey({ postingId: posting.id, channelId: 'C1', anchor: 'trigger-1' });
    await prisma.share.create({
      data: { postingId: posting.id, channelId: 'C1', source: 'command', dedupeKey: commandKey },
    });
    await expect(
      prisma.share.create({
        data: { postingId: posting.id, channelId: 'C1', source: 'command', dedupeKey: commandKey },
      }),
    ).rejects.toEqual(uniqueViolation);
  });

  it('a reminder is recorded once per referral and stage', async () => {
    const { posting, candidate } = await seedPosting(prisma);
    const referral = await prisma.referral.create({
      data: { postingId: posting.id, candidateId: candidate.id, status: 'requested' },
    });
    await prisma.reminder.create({ data: { referralId: referral.id, status: 'requested' } });

    await expect(
      prisma.reminder.create({ data: { referralId: referral.id, status: 'requested' } }),
    ).rejects.toEqual(uniqueViolation);
    await prisma.reminder.create({ data: { referralId: referral.id, status: 'referred' } });
  });

  it('members, companies, postings, referrers and tags are unique where the workflow needs it', async () => {
    const { workspace, candidate, referrer, posting } = await seedPosting(prisma);
    await expect(
      prisma.member.create({ data: { workspaceId: workspace.id, slackUserId: candidate.slackUserId } }),
    ).rejects.toEqual(uniqueViolation);
    await expect(
      prisma.posting.create({
        data: {
          workspaceId: workspace.id,
          canonicalUrl: posting.canonicalUrl,
          url: posting.url,
          source: 'x',
        },
      }),
    ).rejects.toEqual(uniqueViolation);

    const company = await prisma.company.create({
      data: {
        workspaceId: workspace.id,
        normalizedName: 'acme',
        displayName: 'Acme',
        aliases: ['ACME Inc.'],
      },
    });
    await expect(
      prisma.company.create({
        data: { workspaceId: workspace.id, normalizedName: 'acme', displayName: 'A', aliases: [] },
      }),
    ).rejects.toEqual(uniqueViolation);
    await prisma.companyReferrer.create({ data: { companyId: company.id, memberId: referrer.id } });
    await expect(
      prisma.companyReferrer.create({ data: { companyId: company.id, memberId: referrer.id } }),
    ).rejects.toEqual(uniqueViolation);

    await prisma.postingReferrer.create({ data: { postingId: posting.id, memberId: referrer.id } });
    await expect(
      prisma.postingReferrer.create({ data: { postingId: posting.id, memberId: referrer.id } }),
    ).rejects.toEqual(uniqueViolation);

    const tag = { postingId: posting.id, taggedMemberId: referrer.id, taggedById: candidate.id };
    await prisma.tag.create({ data: { ...tag, role: 'referrer' } });
    await expect(prisma.tag.create({ data: { ...tag, role: 'referrer' } })).rejects.toEqual(uniqueViolation);
    await prisma.tag.create({ data: { ...tag, role: 'candidate' } });
  });

  it('round-trips JSON, enums, dates and the referral audit trail', async () => {
    const { workspace, candidate, referrer, posting } = await seedPosting(prisma);
    await prisma.company.create({
      data: {
        workspaceId: workspace.id,
        normalizedName: 'globex',
        displayName: 'Globex',
        aliases: ['Globex Corp'],
      },
    });
    const summary = { title: 'Staff Engineer', locations: ['Remote', 'Berlin'], salary: null };
    const checkedAt = new Date('2026-01-02T03:04:05.678Z');
    await prisma.posting.update({
      where: { id: posting.id },
      data: { summary, status: 'closed', checkedAt },
    });
    const referral = await prisma.referral.create({
      data: {
        postingId: posting.id,
        candidateId: candidate.id,
        referrerId: referrer.id,
        status: 'referred',
        events: {
          create: [
            { toStatus: 'interested' },
            { actorId: referrer.id, fromStatus: 'interested', toStatus: 'referred' },
          ],
        },
      },
      include: { events: { orderBy: { createdAt: 'asc' } } },
    });

    const stored = await prisma.posting.findUniqueOrThrow({
      where: { workspaceId_canonicalUrl: { workspaceId: workspace.id, canonicalUrl: posting.canonicalUrl } },
    });
    expect(stored).toMatchObject({ summary, status: 'closed', checkedAt });
    const company = await prisma.company.findUniqueOrThrow({
      where: { workspaceId_normalizedName: { workspaceId: workspace.id, normalizedName: 'globex' } },
    });
    expect(company.aliases).toEqual(['Globex Corp']);
    expect(referral.events.map((event) => [event.actorId, event.fromStatus, event.toStatus])).toEqual(
      expect.arrayContaining([
        [null, null, 'interested'],
        [referrer.id, 'interested', 'referred'],
      ]),
    );
  });

  it('a job lease is claimed by one replica until it expires', async () => {
    const name = unique('job-');
    const now = new Date();
    await prisma.jobLease.create({
      data: { name, holder: 'replica-a', leaseUntil: new Date(now.getTime() + 60_000) },
    });
    await expect(
      prisma.jobLease.create({
        data: { name, holder: 'replica-b', leaseUntil: new Date(now.getTime() + 60_000) },
      }),
    ).rejects.toEqual(uniqueViolation);

    // Taking over is a conditional update: it only matches an expired lease.
    const takeover = await prisma.jobLease.updateMany({
      where: { name, leaseUntil: { lt: now } },
      data: { holder: 'replica-b', leaseUntil: new Date(now.getTime() + 60_000) },
    });
    expect(takeover.count).toBe(0);
  });
});

describe('deleting a workspace', () => {
  it('cascades to everything it owns (SQLite enforces foreign keys too)', async () => {
    const test = await createTestDatabase('sqlite');
    try {
      const { workspace, candidate, posting } = await seedPosting(test.db.prisma);
      await test.db.prisma.referral.create({ data: { postingId: posting.id, candidateId: candidate.id } });

      await test.db.prisma.workspace.delete({ where: { id: workspace.id } });

      expect(await test.db.prisma.referral.count()).toBe(0);
      expect(await test.db.prisma.member.count()).toBe(0);
    } finally {
      await test.cleanup();
    }
  });
});
