/**
 * Tracks work that outlives the HTTP acknowledgement (Bolt listeners keep running after `ack()`),
 * so a graceful stop can wait for it instead of cutting it off mid-write.
 *
 * Also the admission door (`below`): with nothing bounding the work behind the acks, PostgreSQL
 * queries waited for the pool past its timeout and RSS grew to 1–2.3 GB (bench/findings.md, round 1).
 * The limit is 256 (src/main.ts): 64 filled up with slow link fetches and delayed acks, 96 raised the
 * burst's ack p99 to 0.45–0.50 s. What would let it go: a durable work queue (issue #12).
 */
export interface InflightWork {
  track<T>(work: Promise<T>): Promise<T>;
  readonly size: number;
  /** Resolves when nothing is in flight, or after `timeoutMs`; returns whether everything finished. */
  drain(timeoutMs: number): Promise<boolean>;
  /**
   * Resolves once fewer than `limit` pieces of work are in flight, or after `timeoutMs` (whichever
   * comes first): admission control, so a burst queues at the door instead of piling up inside.
   */
  below(limit: number, timeoutMs: number): Promise<void>;
}

export function createInflightWork(): InflightWork {
  const pending = new Set<Promise<unknown>>();
  let waiters: Array<{ limit: number; wake: () => void }> = [];
  /** One finished piece of work lets one waiting request in (first come, first served). */
  const wakeWaiters = () => {
    const next = waiters[0];
    if (next !== undefined && pending.size < next.limit) {
      waiters.shift();
      next.wake();
    }
  };
  return {
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      pending.add(settled);
      void settled.then(() => {
        pending.delete(settled);
        wakeWaiters();
      });
      return work;
    },
    get size() {
      return pending.size;
    },
    below(limit, timeoutMs) {
      if (pending.size < limit && waiters.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w.wake !== wake);
          resolve();
        }, timeoutMs);
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        waiters.push({ limit, wake });
      });
    },
    async drain(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (pending.size > 0) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) return false;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.all(pending),
          new Promise((resolve) => {
            timer = setTimeout(resolve, remaining);
          }),
        ]);
        clearTimeout(timer);
      }
      return true;
    },
  };
}
