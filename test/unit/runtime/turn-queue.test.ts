import { describe, expect, it } from 'vitest';
import { createTurnQueue } from '../../../src/runtime/turn-queue.js';

describe('turn queue', () => {
  it('lets waiters through in the order they asked', async () => {
    const turns = createTurnQueue();
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4, 5].map((n) => turns.next().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(turns.waiting).toBe(0);
  });

  it('lets one waiter through per event-loop turn, so other callbacks run in between', async () => {
    const turns = createTurnQueue();
    const seen: string[] = [];
    const waiters = [1, 2, 3].map((n) => turns.next().then(() => seen.push(`work ${n}`)));
    // Queued after the waiters: Node would run all three before this without the queue.
    setImmediate(() => seen.push('other'));
    await Promise.all(waiters);
    expect(seen).toEqual(['work 1', 'other', 'work 2', 'work 3']);
  });

  it('counts the waiters not yet let through', async () => {
    const turns = createTurnQueue();
    const all = Promise.all([turns.next(), turns.next(), turns.next()]);
    expect(turns.waiting).toBe(3);
    await all;
    expect(turns.waiting).toBe(0);
  });

  it('stays in order across many waiters (the backing array is compacted while it drains)', async () => {
    const turns = createTurnQueue();
    const order: number[] = [];
    const count = 5_000;
    await Promise.all(Array.from({ length: count }, (_, n) => turns.next().then(() => order.push(n))));
    expect(order).toEqual(Array.from({ length: count }, (_, n) => n));
  });

  it('lets turns taken inside urgently() through before every other waiter', async () => {
    const turns = createTurnQueue();
    const order: string[] = [];
    const work = [1, 2, 3].map((n) => turns.next().then(() => order.push(`work ${n}`)));
    const ack = turns.urgently(async () => {
      await turns.next();
      order.push('ack write');
    });
    await Promise.all([...work, ack]);
    expect(order).toEqual(['ack write', 'work 1', 'work 2', 'work 3']);
  });
});
