import type { Db } from '../db/client.js';
import type { Posting } from '../generated/sqlite/client.js';
import { createRecentMap, fillFromRecent } from '../runtime/recent-map.js';

/**
 * Recent posting rows (with their summaries). A posting row is read on every click on its card, and
 * written only when its page is fetched again: this process keeps recent rows, refreshed by `changed`
 * after the posting store's own writes and re-read after 30 s (another replica may have re-fetched
 * the page meanwhile).
 */
export function createPostingRows(db: Db) {
  const recent = createRecentMap<string, Posting>({ max: 2_000, ttlMs: 30_000 });
  const load = (ids: string[]) => db.posting.findMany({ where: { id: { in: ids } } });

  return {
    /** Every posting write calls this, so the recent rows stay current. */
    changed(posting: Posting): void {
      recent.set(posting.id, posting);
    },

    /** The posting, from the recent rows or the database; null when there is none. */
    async find(postingId: string): Promise<Posting | null> {
      const cached = recent.get(postingId);
      if (cached !== undefined) return cached;
      const posting = await db.posting.findUnique({ where: { id: postingId } });
      if (posting !== null) recent.set(posting.id, posting);
      return posting;
    },

    /** Postings by id (unknown ids left out): recent rows first, one query for the rest. */
    async byId(ids: readonly string[]): Promise<Map<string, Posting>> {
      const found = new Map<string, Posting>();
      await fillFromRecent(found, ids, recent, load);
      return found;
    },
  };
}

export type PostingRows = ReturnType<typeof createPostingRows>;
