/**
 * Work that is not an acknowledgement takes turns: one waiter is let through per event-loop turn, in
 * arrival order. Between two turns the event loop polls its sockets, so a Slack request that arrives
 * while hundreds of clicks are being processed is read and acknowledged within one piece of work,
 * not after all of them (Node would otherwise run every queued continuation in one go).
 *
 * Used before each SQLite statement (better-sqlite3 is synchronous) and before a request acknowledged
 * on arrival is handed to Bolt.
 *
 * Why, measured (bench/findings.md, round 2): without it a 200-request burst was read over 0.3–1.1 s
 * (ack p99 0.31–0.44 s) because work ran between two arrivals. What would let it go: acks that never
 * wait behind work (an HTTP front acknowledging in another process, or Bolt acking before listeners).
 */
export interface TurnQueue {
  /** Resolves on a later event-loop turn, after every earlier waiter. */
  next(): Promise<void>;
  /** Waiters not yet let through. */
  readonly waiting: number;
}

export function createTurnQueue(): TurnQueue {
  const waiters: Array<() => void> = [];
  let head = 0;
  let scheduled = false;

  const release = () => {
    scheduled = false;
    const wake = waiters[head];
    if (wake === undefined) return;
    waiters[head] = noop;
    head += 1;
    if (head === waiters.length) {
      waiters.length = 0;
      head = 0;
    } else if (head > 1024 && head * 2 > waiters.length) {
      waiters.splice(0, head);
      head = 0;
    }
    if (head < waiters.length) schedule();
    wake();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(release);
  };

  return {
    next() {
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        schedule();
      });
    },
    get waiting() {
      return waiters.length - head;
    },
  };
}

function noop(): void {}
