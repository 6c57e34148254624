/**
 * Runs `work(key)` at most once at a time per key. A call while a run for its key is in progress
 * marks that run dirty instead of starting another: when it ends it runs once more (so the caller's
 * change is seen), and every caller waiting on it is released together. A burst of N calls for one key
 * costs at most two runs, not N.
 */
export function coalesceByKey(work: (key: string) => Promise<void>): (key: string) => Promise<void> {
  const running = new Map<string, { dirty: boolean; done: Promise<void> }>();
  return (key) => {
    const current = running.get(key);
    if (current !== undefined) {
      current.dirty = true;
      return current.done;
    }
    const entry = { dirty: false, done: Promise.resolve() };
    entry.done = (async () => {
      try {
        do {
          entry.dirty = false;
          await work(key);
        } while (entry.dirty);
      } finally {
        running.delete(key);
      }
    })();
    running.set(key, entry);
    return entry.done;
  };
}
