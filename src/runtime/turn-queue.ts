import { AsyncLocalStorage } from 'node:async_hooks';

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
  /**
   * Resolves on a later event-loop turn, after every earlier waiter; inside `urgently`, before every
   * waiter that is not urgent.
   */
  next(): Promise<void>;
  /**
   * Runs `work` with its turns ahead of everything else: the writes an acknowledgement waits for
   * (a delivery's job, written before Slack's 200) must not queue behind the work of earlier requests.
   */
  urgently<T>(work: () => Promise<T>): Promise<T>;
  /** Waiters not yet let through. */
  readonly waiting: number;
}

export function createTurnQueue(): TurnQueue {
  const waiters: Array<() => void> = [];
  let head = 0;
  let scheduled = false;
  const urgent: Array<() => void> = [];
  const inUrgentWork = new AsyncLocalStorage<true>();

  const release = () => {
    scheduled = false;
    const first = urgent.shift();
    if (first !== undefined) {
      if (urgent.length > 0 || head < waiters.length) schedule();
      first();
      return;
    }
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
        if (inUrgentWork.getStore() === true) urgent.push(resolve);
        else waiters.push(resolve);
        schedule();
      });
    },
    urgently(work) {
      return inUrgentWork.run(true, work);
    },
    get waiting() {
      return waiters.length - head + urgent.length;
    },
  };
}

function noop(): void {}
