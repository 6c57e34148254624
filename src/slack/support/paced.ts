/**
 * Runs `work` for every item, at most `concurrency` at a time, in order of the list. A fan-out (an
 * open request to sixty referrers) goes out at Slack's pace instead of sixty calls at once; the Web
 * API client still honours Retry-After on top of this.
 */
export async function eachPaced<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

/** DMs and App Home publishes of one fan-out in flight at once. */
export const FAN_OUT_CONCURRENCY = 4;
