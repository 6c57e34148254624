import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/unique-violation.js';

/**
 * Remembers which Slack deliveries were handled. The primary key does the work: a re-delivered
 * event (same event_id, X-Slack-Retry-Num > 0) fails to insert, across restarts and replicas.
 */
export function createEventLedger(db: Db) {
  return {
    /** true the first time a key is seen, false for every repeat. */
    async firstTime(key: string): Promise<boolean> {
      try {
        await db.processedEvent.create({ data: { key } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
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
