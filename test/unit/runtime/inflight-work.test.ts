import { describe, expect, it } from 'vitest';
import { createInflightWork } from '../../../src/runtime/inflight-work.js';

describe('in-flight work', () => {
  it('drains once tracked work settles, failures included', async () => {
    const inflight = createInflightWork();
    let finished = false;
    void inflight.track(
      new Promise((resolve) =>
        setTimeout(() => {
          finished = true;
          resolve(undefined);
        }, 50),
      ),
    );
    void inflight.track(Promise.reject(new Error('listener failed'))).catch(() => undefined);
    expect(inflight.size).toBe(2);
    expect(await inflight.drain(5_000)).toBe(true);
    expect(finished).toBe(true);
    expect(inflight.size).toBe(0);
  });

  it('gives up after the timeout when work never ends', async () => {
    const inflight = createInflightWork();
    void inflight.track(new Promise(() => undefined));
    expect(await inflight.drain(30)).toBe(false);
  });
});

describe('admission to in-flight work', () => {
  it('lets a request in at once while there is room', async () => {
    const inflight = createInflightWork();
    void inflight.track(new Promise(() => undefined));
    const started = Date.now();
    await inflight.below(2, 5_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('holds requests while full and lets one in per finished piece of work, in arrival order', async () => {
    const inflight = createInflightWork();
    const finish: Array<() => void> = [];
    for (let i = 0; i < 2; i += 1) {
      void inflight.track(new Promise<void>((resolve) => finish.push(resolve)));
    }
    const admitted: number[] = [];
    const first = inflight.below(2, 5_000).then(() => admitted.push(1));
    const second = inflight.below(2, 5_000).then(() => admitted.push(2));
    await new Promise((r) => setTimeout(r, 20));
    expect(admitted).toEqual([]);
    finish[0]?.();
    await first;
    expect(admitted).toEqual([1]);
    finish[1]?.();
    await second;
    expect(admitted).toEqual([1, 2]);
  });

  it('never holds a request longer than its timeout', async () => {
    const inflight = createInflightWork();
    void inflight.track(new Promise(() => undefined));
    const started = Date.now();
    await inflight.below(1, 50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
  });
});
