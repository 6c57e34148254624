/**
 * Tracks work that outlives the HTTP acknowledgement (Bolt listeners keep running after `ack()`),
 * so a graceful stop can wait for it instead of cutting it off mid-write.
 */
export interface InflightWork {
  track<T>(work: Promise<T>): Promise<T>;
  readonly size: number;
  /** Resolves when nothing is in flight, or after `timeoutMs`; returns whether everything finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createInflightWork(): InflightWork {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
      return work;
    },
    get size() {
      return pending.size;
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
