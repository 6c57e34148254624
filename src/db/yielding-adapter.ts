import { setImmediate as nextImmediate } from 'node:timers/promises';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { onEachConnection } from './each-connection.js';

/** Resolves when the statement may run; by default on the next event-loop turn. */
export type WaitForTurn = () => Promise<unknown>;

/**
 * better-sqlite3 runs every statement synchronously, and Prisma's promise chain around it continues in
 * microtasks, so a click's whole database work can run without ever letting the event loop read the
 * next request: under load, Slack's acknowledgements wait behind database work. This wrapper lets the
 * event loop take a turn before each top-level statement (not inside transactions, which should hold
 * the write lock briefly), so incoming requests are acknowledged between statements. With a shared
 * `TurnQueue` (src/runtime/turn-queue.ts), statements of all pending work take one turn each, in order.
 * Measured (bench/findings.md, rounds 1 and 2): a 200-request burst was read over 0.3–1.1 s, ack p99
 * 0.31–0.44 s. What would let it go: acks that never wait behind work, or an asynchronous SQLite
 * driver for Prisma (see README.md).
 */
export function yieldingAdapterFactory(
  factory: SqlDriverAdapterFactory,
  waitForTurn: WaitForTurn = () => nextImmediate(),
): SqlDriverAdapterFactory {
  return onEachConnection(factory, (adapter) => yielding(adapter, waitForTurn));
}

function yielding(adapter: SqlDriverAdapter, waitForTurn: WaitForTurn): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'queryRaw' || property === 'executeRaw') {
        return async (...args: unknown[]) => {
          await waitForTurn();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}
