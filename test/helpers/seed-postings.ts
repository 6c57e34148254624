import type { Database } from '../../src/db/client.js';
import { emptySummary } from '../../src/postings/extract-posting.js';
import { postingSearchKeys } from '../../src/postings/posting-search-keys.js';
import type { PostingSummary, WorkplaceType } from '../../src/postings/posting-summary.js';
import { normalizeCompanyName } from '../../src/referrals/company-names.js';

/**
 * Open postings written straight into a database, as the posting store would have stored them
 * (summary, company row, browsing keys), for tests that need many: hundreds or thousands of
 * postings shared through Slack one by one would take minutes.
 */

/** One posting to seed; what is not given is left out of its card. */
export interface SeedPosting {
  title: string;
  company: string;
  locations?: string[];
  workplaceType?: WorkplaceType | null;
  /** When it was first shared; now unless given. */
  createdAt?: Date;
  status?: 'open' | 'closed';
  /** Members (Slack user ids) who said "I can refer" on this posting. */
  referrers?: string[];
}

function summaryOf(url: string, posting: SeedPosting): PostingSummary {
  return {
    ...emptySummary({ url, canonicalUrl: url }, 'greenhouse'),
    title: posting.title,
    company: posting.company,
    locations: posting.locations ?? [],
    workplaceType: posting.workplaceType ?? null,
    employmentType: 'full-time',
  };
}

let seeded = 0;

/**
 * Writes `postings` into `workspaceId` (created when new), with their companies and referrers, in
 * batches; resolves with the posting ids in the order given.
 */
export async function seedPostings(
  database: Database,
  workspaceId: string,
  postings: readonly SeedPosting[],
): Promise<string[]> {
  const db = database.prisma;
  await db.workspace.upsert({ where: { id: workspaceId }, create: { id: workspaceId }, update: {} });
  const names = new Map(
    [...new Set(postings.map((p) => p.company))].map((n) => [normalizeCompanyName(n), n]),
  );
  const known = async () =>
    db.company.findMany({ where: { workspaceId, normalizedName: { in: [...names.keys()] } } });
  const existing = new Set((await known()).map((c) => c.normalizedName));
  await db.company.createMany({
    data: [...names]
      .filter(([key]) => !existing.has(key))
      .map(([normalizedName, name]) => ({ workspaceId, normalizedName, displayName: name, aliases: [name] })),
  });
  const companyIdByKey = new Map((await known()).map((c) => [c.normalizedName, c.id]));
  const companyIds = new Map(
    postings.map((p) => [p.company, companyIdByKey.get(normalizeCompanyName(p.company)) as string]),
  );
  const ids: string[] = [];
  const rows = postings.map((posting) => {
    seeded += 1;
    const id = `seed${process.pid.toString(36)}x${seeded}`;
    ids.push(id);
    const url = `https://boards.greenhouse.io/seeded/jobs/${seeded}-${process.pid}`;
    const summary = summaryOf(url, posting);
    return {
      id,
      workspaceId,
      canonicalUrl: url,
      url,
      source: 'greenhouse',
      title: posting.title,
      companyId: companyIds.get(posting.company) ?? null,
      summary: summary as object,
      status: posting.status ?? ('open' as const),
      ...postingSearchKeys(summary),
      ...(posting.createdAt !== undefined ? { createdAt: posting.createdAt } : {}),
    };
  });
  for (let at = 0; at < rows.length; at += 500) {
    await db.posting.createMany({ data: rows.slice(at, at + 500) });
  }
  const referrers = postings.flatMap((posting, i) =>
    (posting.referrers ?? []).map((slackUserId) => ({ postingId: ids[i] as string, slackUserId })),
  );
  if (referrers.length > 0) {
    const users = [...new Set(referrers.map((r) => r.slackUserId))];
    const members = async () => db.member.findMany({ where: { workspaceId, slackUserId: { in: users } } });
    const present = new Set((await members()).map((m) => m.slackUserId));
    await db.member.createMany({
      data: users.filter((u) => !present.has(u)).map((slackUserId) => ({ workspaceId, slackUserId })),
    });
    const memberIds = new Map((await members()).map((m) => [m.slackUserId, m.id]));
    await db.postingReferrer.createMany({
      data: referrers.map((r) => ({
        postingId: r.postingId,
        memberId: memberIds.get(r.slackUserId) as string,
      })),
    });
  }
  return ids;
}
