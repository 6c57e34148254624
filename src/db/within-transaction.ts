import type { Db } from './client.js';

/**
 * Work that must commit with a change, or not at all: the follow-up jobs of the transactional
 * outbox and the "this delivery is handled" mark (`src/work/`, `completeDeliveryWithin`). A domain
 * write that accepts one calls it inside its own transaction, with that transaction.
 */
export type WithinTransaction<T = undefined> = (tx: Pick<Db, 'job'>, written: T) => Promise<void>;
