import type { Db } from './client.js';

/**
 * Work that must commit with a change, or not at all: the follow-up jobs of the transactional
 * outbox and the "this delivery is handled" mark (`src/work/`, `completeDeliveryWithin`). A domain
 * write that accepts one calls it inside its own transaction, with that transaction.
 */
export type WithinTransaction<T = undefined> = (tx: Pick<Db, 'job'>, written: T) => Promise<void>;

/**
 * Interactive transaction options for writes made during bursts: Prisma's defaults (2 s wait for a
 * connection, 5 s run) failed status changes on a busy pool; queue, do not fail.
 */
export const BURST_TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };
