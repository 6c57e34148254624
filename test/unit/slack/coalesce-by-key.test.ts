import { describe, expect, it } from 'vitest';
import { coalesceByKey } from '../../../src/slack/support/coalesce-by-key.js';

describe('coalescing work per key', () => {
  it('runs a burst of calls for one key at most twice, the last run after the last call', async () => {
    const runs: string[] = [];
    let release: () => void = () => undefined;
    const work = coalesceByKey(async (key) => {
      runs.push(key);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const calls = [work('card-1'), work('card-1'), work('card-1'), work('card-1')];
    await new Promise((r) => setTimeout(r, 10));
    expect(runs).toEqual(['card-1']);
    release();
    await Promise.all(calls);
    expect(runs).toEqual(['card-1', 'card-1']);
  });

  it('keeps keys independent', async () => {
    const runs: string[] = [];
    const work = coalesceByKey(async (key) => {
      runs.push(key);
    });
    await Promise.all([work('a'), work('b')]);
    expect(runs.sort()).toEqual(['a', 'b']);
  });

  it('starts afresh once a run is over, and passes failures to the waiting callers', async () => {
    let fail = true;
    const work = coalesceByKey(async () => {
      if (fail) throw new Error('slack down');
    });
    await expect(work('x')).rejects.toThrow('slack down');
    fail = false;
    await expect(work('x')).resolves.toBeUndefined();
  });
});
