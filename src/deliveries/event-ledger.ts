import type { Db } from '../db/client.js';
import { insertedOnce } from '../db/unique-violation.js';

/**
 * Remembers which Slack deliveries were handled. The primary key does the work: a re-delivered
 * event (same event_id, X-Slack-Retry-Num > 0) fails to insert, across restarts and replicas.
 */
export function createEventLedger(db: Db) {
  return {
    /** true the first time a key is seen, false for every repeat. */
    firstTime(key: string): Promise<boolean> {
      return insertedOnce(() => db.processedEvent.create({ data: { key } }));
    },
    /** Drops keys older than `olderThanMs` (Slack stops retrying within an hour). */
    async prune(olderThanMs: number): Promise<number> {
      const { count } = await db.processedEvent.deleteMany({
        where: { createdAt: { lt: new Date(Date.now() - olderThanMs) } },
      });
      return count;
    },
  };
}

export type EventLedger = ReturnType<typeof createEventLedger>;
