import { describe, expect, it } from 'vitest';
import { createInflightWork } from '../../src/inflight-work.js';

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
