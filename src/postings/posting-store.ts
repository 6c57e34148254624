import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { BURST_TRANSACTION_OPTIONS } from '../db/within-transaction.js';
import type { Posting } from '../generated/sqlite/client.js';
import type { Logger } from '../logger.js';
import { cleanTextDeep } from '../text/clean-text.js';
import { canonicalizeJobUrl } from './canonical-url.js';
import { identityOf } from './extract-posting.js';
import type { LoadResult, PostingLoader } from './load-posting.js';
import type { PostingIdentity } from './posting-identity.js';
import type { PostingRows } from './posting-rows.js';
import { postingSearchKeys } from './posting-search-keys.js';
import { type PostingSummary, storedSummary } from './posting-summary.js';

/**
 * What the posting store needs from whoever keeps workspaces and companies (the referral domain's
 * members and company directory, in main.ts): declared here, so postings depend on no other domain.
 */
export interface PostingDirectory {
  /** Makes sure the workspace row exists before a posting refers to it. */
  ensureWorkspace(workspaceId: string): Promise<void>;
  /** The company of a name, created when new; null when the name normalises to nothing. */
  ensureCompany(workspaceId: string, name: string): Promise<{ id: string } | null>;
}

export interface PostingStoreDeps {
  db: Db;
  loader: PostingLoader;
  directory: PostingDirectory;
  /** The recent posting rows the read side serves clicks from, told of every write. */
  rows?: Pick<PostingRows, 'changed'>;
  logger: Logger;
  now?: () => Date;
  /** A cached summary younger than this is served without asking the job board. */
  freshForMs?: number;
}

export interface ResolvedPosting {
  posting: Posting;
  summary: PostingSummary;
  /** true when no fetch was made. */
  fromCache: boolean;
  /** Why the job board could not be read (the card is then a fallback or a stale copy). */
  problem: string | null;
  /** What the job board answered, when it was asked (liveness paces each host by it). */
  load?: LoadOutcome;
}

/** What a load told about the job board itself. */
export type LoadOutcome = Pick<LoadResult, 'status' | 'httpStatus' | 'retryAfterMs'>;

function loadOutcome(result: LoadResult): LoadOutcome {
  return {
    status: result.status,
    ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}),
    ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}),
  };
}

const SIX_HOURS = 6 * 60 * 60 * 1000;

/** A summary is job-like when it knows at least a title and one other structured fact. */
export function isJobLike(summary: PostingSummary): boolean {
  const facts = [
    summary.company,
    summary.locations.length > 0 ? 'loc' : null,
    summary.responsibilities.length > 0 ? 'resp' : null,
    summary.requirements.length > 0 ? 'req' : null,
    summary.salary,
    summary.employmentType,
  ].filter((fact) => fact !== null);
  return summary.title !== null && (summary.source !== 'html' || facts.length >= 2) && facts.length >= 1;
}

/**
 * Postings by canonical identity, per workspace: the cache in front of the job boards. Summaries are
 * stored with their fetch time and validators (ETag / Last-Modified), revalidated when stale, and a
 * posting the board reports gone (404/410, delisted) is marked closed.
 */
export function createPostingStore(deps: PostingStoreDeps) {
  const { db, loader, directory, logger } = deps;
  /** Every posting write goes through here, so the recent posting rows stay current. */
  const changed = (posting: Posting): Posting => {
    deps.rows?.changed(posting);
    return posting;
  };
  const now = deps.now ?? (() => new Date());
  const freshForMs = deps.freshForMs ?? SIX_HOURS;

  /**
   * The stored posting a link points at: by canonical URL, else by the board's job id on the same
   * host. Some boards write one job two ways that canonicalise apart (Workday's
   * `/{site}/details/{title}_{id}` and `/{site}/job/{location}/{title}_{id}`); both fetch the same
   * JSON, so the second way finds the first one's posting instead of storing a twin.
   */
  async function findExisting(workspaceId: string, identity: PostingIdentity): Promise<Posting | null> {
    const byUrl = await db.posting.findUnique({
      where: { workspaceId_canonicalUrl: { workspaceId, canonicalUrl: identity.canonicalUrl } },
    });
    if (byUrl !== null || identity.source === 'other' || identity.tenant === null || identity.jobId === null)
      return byUrl;
    const sameJob = await db.posting.findMany({
      where: { workspaceId, jobId: identity.jobId, tenant: identity.tenant },
      orderBy: { createdAt: 'asc' },
      take: 20,
    });
    const origin = `${new URL(identity.canonicalUrl).origin}/`;
    return sameJob.find((posting) => posting.canonicalUrl.startsWith(origin)) ?? null;
  }

  async function persist(
    workspaceId: string,
    url: string,
    existing: Posting | null,
    result: LoadResult,
  ): Promise<Posting> {
    const at = now();
    const identity = canonicalizeJobUrl(url);
    // Page text without NUL and other control characters: PostgreSQL refuses NUL, even in jsonb.
    const summary = cleanTextDeep(result.summary);
    const company =
      summary.company !== null ? await directory.ensureCompany(workspaceId, summary.company) : null;
    const gone = result.status === 'closed';
    const failed = result.status === 'failed';
    // A failure, or a "gone" answer without content, must not erase the last good card.
    const keepOld =
      existing !== null &&
      storedSummary(existing.summary) !== null &&
      (failed || (gone && summary.title === null));
    const data = {
      url: existing?.url ?? url,
      source: summary.source,
      tenant: identity.tenant,
      jobId: identity.jobId,
      checkedAt: at,
      fetchError: failed ? (result.reason ?? 'the job board could not be read') : null,
      ...(keepOld
        ? {}
        : {
            title: summary.title,
            isJob: isJobLike(summary),
            companyId: company?.id ?? existing?.companyId ?? null,
            summary: summary as object,
            ...postingSearchKeys(summary),
            fetchedAt: at,
            etag: result.etag ?? null,
            lastModified: result.lastModified ?? null,
          }),
      ...(gone ? { status: 'closed' as const, closedAt: existing?.closedAt ?? at } : {}),
    };
    if (existing !== null) return changed(await db.posting.update({ where: { id: existing.id }, data }));
    try {
      return changed(
        await db.posting.create({
          data: { workspaceId, canonicalUrl: identity.canonicalUrl, ...data, summary: summary as object },
        }),
      );
    } catch (error) {
      // Another request stored the same posting a moment ago: theirs is as good as ours.
      if (!isUniqueViolation(error)) throw error;
      const winner = await db.posting.findUnique({
        where: { workspaceId_canonicalUrl: { workspaceId, canonicalUrl: identity.canonicalUrl } },
      });
      if (winner === null) throw error;
      return winner;
    }
  }

  async function revalidate(
    workspaceId: string,
    url: string,
    existing: Posting | null,
  ): Promise<ResolvedPosting> {
    const result = await loader.load(url, {
      etag: existing?.etag ?? null,
      lastModified: existing?.lastModified ?? null,
    });
    const cached = existing !== null ? storedSummary(existing.summary) : null;
    if (result.status === 'not_modified' && existing !== null && cached !== null) {
      const posting = changed(
        await db.posting.update({
          where: { id: existing.id },
          data: { fetchedAt: now(), checkedAt: now(), fetchError: null },
        }),
      );
      return { posting, summary: cached, fromCache: false, problem: null, load: loadOutcome(result) };
    }
    if (result.status === 'failed')
      logger.info({ url, reason: result.reason }, 'job board could not be read');
    const posting = await persist(workspaceId, url, existing, result);
    return {
      posting,
      summary: storedSummary(posting.summary) ?? result.summary,
      fromCache: false,
      problem: result.status === 'failed' ? (result.reason ?? 'the job board could not be read') : null,
      load: loadOutcome(result),
    };
  }

  /**
   * Resolves of one job at the same moment share one look-up and one fetch: a link cross-posted to
   * two channels at once, or Workday's two forms of one job, which would otherwise both miss and
   * store twins.
   */
  const inFlight = new Map<string, Promise<ResolvedPosting>>();

  /** The job a link names, per workspace: board, host, tenant and job id, else the canonical URL. */
  function jobKey(workspaceId: string, identity: PostingIdentity): string {
    const job =
      identity.source !== 'other' && identity.tenant !== null && identity.jobId !== null
        ? `${identity.source}|${new URL(identity.canonicalUrl).origin}|${identity.tenant}|${identity.jobId}`
        : identity.canonicalUrl;
    return `${workspaceId}|${job}`;
  }

  /** `identity` null: the link is not a URL, and canonicalising it throws the clear error. */
  async function resolveNow(
    workspaceId: string,
    url: string,
    identity: PostingIdentity | null,
  ): Promise<ResolvedPosting> {
    await directory.ensureWorkspace(workspaceId);
    const existing = await findExisting(workspaceId, identity ?? canonicalizeJobUrl(url));
    const cached = existing !== null ? storedSummary(existing.summary) : null;
    const fresh =
      existing !== null &&
      cached !== null &&
      existing.fetchError === null &&
      existing.fetchedAt !== null &&
      now().getTime() - existing.fetchedAt.getTime() < freshForMs;
    if (fresh && existing !== null && cached !== null) {
      return { posting: existing, summary: cached, fromCache: true, problem: null };
    }
    return revalidate(workspaceId, url, existing);
  }

  return {
    /** The posting for a URL: from the cache when fresh, else from the job board. */
    resolve(workspaceId: string, url: string): Promise<ResolvedPosting> {
      const identity = identityOf(url);
      if (identity === null) return resolveNow(workspaceId, url, null);
      const key = jobKey(workspaceId, identity);
      const running = inFlight.get(key);
      if (running !== undefined) return running;
      const resolving = resolveNow(workspaceId, url, identity);
      inFlight.set(key, resolving);
      const clear = () => {
        if (inFlight.get(key) === resolving) inFlight.delete(key);
      };
      void resolving.then(clear, clear);
      return resolving;
    },

    /** Only the cache, never the network (for places that must answer at once). */
    async cached(workspaceId: string, url: string): Promise<ResolvedPosting | null> {
      const existing = await findExisting(workspaceId, canonicalizeJobUrl(url));
      const summary = existing !== null ? storedSummary(existing.summary) : null;
      return existing !== null && summary !== null
        ? { posting: existing, summary, fromCache: true, problem: null }
        : null;
    },

    /** Liveness: asks the board again regardless of freshness; the caller closes referrals of closed postings. */
    async recheck(
      posting: Posting,
    ): Promise<{ posting: Posting; closedNow: boolean; load: LoadOutcome | undefined }> {
      const wasOpen = posting.status === 'open';
      const resolved = await revalidate(posting.workspaceId, posting.url, posting);
      return {
        posting: resolved.posting,
        closedNow: wasOpen && resolved.posting.status === 'closed',
        load: resolved.load,
      };
    },

    /**
     * Writes the browsing keys (`posting-search-keys.ts`) of up to `limit` postings stored before
     * they existed (`places` null), newest first; the number written. Run at start-up until it
     * writes none: a posting written since carries them already.
     */
    async indexForBrowsing(limit = 500): Promise<number> {
      const rows = await db.posting.findMany({
        where: { places: null },
        select: { id: true, summary: true },
        orderBy: { createdAt: 'desc' },
        take: limit,
      });
      // One transaction per batch: a commit per row costs SQLite a sync each.
      await db.$transaction(async (tx) => {
        for (const row of rows) {
          const summary = storedSummary(row.summary);
          await tx.posting.updateMany({
            where: { id: row.id, places: null },
            data: postingSearchKeys(summary ?? { workplaceType: null, locations: [] }),
          });
        }
      }, BURST_TRANSACTION_OPTIONS);
      return rows.length;
    },

    /**
     * Open postings not checked for `olderThanMs`: never checked first, then oldest first. Two range
     * reads of the index on (status, isJob, checkedAt) rather than one OR, which PostgreSQL (nulls
     * last) would answer by walking every open posting when fewer than `limit` are due.
     */
    async dueForCheck(olderThanMs: number, limit = 50): Promise<Posting[]> {
      const before = new Date(now().getTime() - olderThanMs);
      const never = await db.posting.findMany({
        where: { status: 'open', isJob: true, checkedAt: null },
        take: limit,
      });
      if (never.length >= limit) return never;
      const stale = await db.posting.findMany({
        where: { status: 'open', isJob: true, checkedAt: { lt: before } },
        orderBy: { checkedAt: 'asc' },
        take: limit - never.length,
      });
      return [...never, ...stale];
    },

    /** How many postings the liveness sweep keeps checking (open jobs): what sets its pace. */
    countForChecks(): Promise<number> {
      return db.posting.count({ where: { status: 'open', isJob: true } });
    },
  };
}

export type PostingStore = ReturnType<typeof createPostingStore>;
