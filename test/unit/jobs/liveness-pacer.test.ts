import { describe, expect, it } from 'vitest';
import { hostOutcomeOf } from '../../../src/jobs/liveness-job.js';
import {
  createHostPacer,
  DEFAULT_HOST_PACING,
  type HostOutcome,
  type PacerClock,
} from '../../../src/jobs/liveness-pacer.js';
import { retryAfterMs } from '../../../src/postings/retry-after.js';

/** A clock that moves only when every timer due has run: the test's time is exact. */
function fakeClock(): PacerClock & { run<T>(work: Promise<T>): Promise<T> } {
  let now = 0;
  const timers: Array<{ at: number; fire: () => void }> = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        timers.push({ at: now + Math.max(0, ms), fire: resolve });
      }),
    /** Advances time from timer to timer until `work` settles. */
    async run(work) {
      let done = false;
      void work.finally(() => {
        done = true;
      });
      for (let guard = 0; guard < 100_000; guard += 1) {
        await settle();
        if (done) return work;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (next === undefined) continue;
        now = Math.max(now, next.at);
        next.fire();
      }
      throw new Error('the fake clock ran out of timers before the work settled');
    },
  };
}

/** A fake host: each check takes `ms` of fake time and answers `outcome(n)` for its n-th check. */
function board(clock: PacerClock, ms: number, outcome: (n: number) => HostOutcome = () => ({ kind: 'ok' })) {
  let inFlight = 0;
  let maxInFlight = 0;
  const startedAt: number[] = [];
  return {
    startedAt,
    get maxInFlight() {
      return maxInFlight;
    },
    async check(): Promise<HostOutcome> {
      startedAt.push(clock.now());
      const n = startedAt.length;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await clock.sleep(ms);
      inFlight -= 1;
      return outcome(n);
    },
  };
}

type Item = { host: string; n: number };
const items = (host: string, count: number): Item[] => Array.from({ length: count }, (_, n) => ({ host, n }));

describe('liveness pacer', () => {
  it('keeps each host to `perHost` checks in flight, however many are due there', async () => {
    const clock = fakeClock();
    const pacer = createHostPacer({ ...DEFAULT_HOST_PACING, perHost: 2 }, clock);
    const a = board(clock, 300);
    const result = await clock.run(
      pacer.run({
        items: items('a', 20),
        hostOf: (item) => item.host,
        check: () => a.check(),
        spacingMs: 0,
        deadline: 60_000,
      }),
    );
    expect(result).toMatchObject({ started: 20, leftOver: 0, maxInFlightByHost: { a: 2 } });
    expect(a.maxInFlight).toBe(2);
    // Two at a time, 300 ms each: ten waves.
    expect(Math.max(...a.startedAt)).toBe(9 * 300);
  });

  it('starts checks at the planned rate, not in a burst', async () => {
    const clock = fakeClock();
    const pacer = createHostPacer({ ...DEFAULT_HOST_PACING, perHost: 2 }, clock);
    const hosts = ['a', 'b', 'c', 'd'].map((name) => ({ name, board: board(clock, 10) }));
    const boards = new Map(hosts.map((h) => [h.name, h.board]));
    await clock.run(
      pacer.run({
        items: hosts.flatMap((h) => items(h.name, 5)),
        hostOf: (item) => item.host,
        check: (item) => boards.get(item.host)?.check() ?? Promise.reject(new Error('no such host')),
        spacingMs: 1_000,
        deadline: 60_000,
      }),
    );
    const starts = hosts.flatMap((h) => h.board.startedAt).sort((x, y) => x - y);
    expect(starts).toEqual(Array.from({ length: 20 }, (_, i) => i * 1_000));
    // Host by host in turn: the first four starts went to four different hosts.
    expect(hosts.map((h) => h.board.startedAt[0])).toEqual([0, 1_000, 2_000, 3_000]);
  });

  it('leaves a host alone for its Retry-After, and keeps checking the others meanwhile', async () => {
    const clock = fakeClock();
    const pacer = createHostPacer({ ...DEFAULT_HOST_PACING, perHost: 1 }, clock);
    const limited = board(clock, 100, (n) =>
      n === 1 ? { kind: 'retry_after', ms: 30_000 } : { kind: 'ok' },
    );
    const healthy = board(clock, 100);
    const result = await clock.run(
      pacer.run({
        items: [...items('limited', 3), ...items('healthy', 10)],
        hostOf: (item) => item.host,
        check: (item) => (item.host === 'limited' ? limited.check() : healthy.check()),
        spacingMs: 0,
        deadline: 120_000,
      }),
    );
    expect(result.started).toBe(13);
    // Its first answer (at 100 ms) asked for 30 s: its next check waits until then.
    expect(limited.startedAt).toEqual([0, 30_100, 30_200]);
    // The healthy host was never held up: one after the other from the start.
    expect(healthy.startedAt).toEqual(Array.from({ length: 10 }, (_, i) => i * 100));
  });

  it('backs off a failing host exponentially, and forgets once it answers again', async () => {
    const clock = fakeClock();
    const pacer = createHostPacer(
      { ...DEFAULT_HOST_PACING, perHost: 1, backoffBaseMs: 1_000, backoffMaxMs: 8_000 },
      clock,
    );
    const flaky = board(clock, 0, (n) => (n <= 5 ? { kind: 'failed' } : { kind: 'ok' }));
    await clock.run(
      pacer.run({
        items: items('flaky', 8),
        hostOf: (item) => item.host,
        check: () => flaky.check(),
        spacingMs: 0,
        deadline: 120_000,
      }),
    );
    const gaps = flaky.startedAt.slice(1).map((at, i) => at - (flaky.startedAt[i] as number));
    // 1 s, 2 s, 4 s, 8 s, then capped at 8 s; answered at the 6th, no pause after.
    expect(gaps).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 0, 0]);
  });

  it('starts nothing after the deadline: what a paused host still had waits for the next round', async () => {
    const clock = fakeClock();
    const pacer = createHostPacer({ ...DEFAULT_HOST_PACING, perHost: 2 }, clock);
    const limited = board(clock, 10, () => ({ kind: 'retry_after', ms: 3_600_000 }));
    const healthy = board(clock, 10);
    const result = await clock.run(
      pacer.run({
        items: [...items('limited', 50), ...items('healthy', 5)],
        hostOf: (item) => item.host,
        check: (item) => (item.host === 'limited' ? limited.check() : healthy.check()),
        spacingMs: 0,
        deadline: 60_000,
      }),
    );
    expect(limited.startedAt).toHaveLength(2);
    expect(healthy.startedAt).toHaveLength(5);
    expect(result.leftOver).toBe(48);
    // The pause outlives the round: the next round does not ask that host before the hour is up.
    expect(pacer.pausedUntil('limited')).toBe(10 + 3_600_000);
  });

  it('counts a check that throws as a failure of its host, and carries on', async () => {
    const clock = fakeClock();
    const pacer = createHostPacer({ ...DEFAULT_HOST_PACING, perHost: 1, backoffBaseMs: 500 }, clock);
    const result = await clock.run(
      pacer.run({
        items: items('a', 2),
        hostOf: (item) => item.host,
        check: async (item) => {
          if (item.n === 0) throw new Error('boom');
          return { kind: 'ok' };
        },
        spacingMs: 0,
        deadline: 10_000,
      }),
    );
    expect(result.started).toBe(2);
  });

  it('stops starting checks once told to', async () => {
    const clock = fakeClock();
    const pacer = createHostPacer(DEFAULT_HOST_PACING, clock);
    let stopped = false;
    const a = board(clock, 10);
    const result = await clock.run(
      pacer.run({
        items: items('a', 10),
        hostOf: (item) => item.host,
        check: async () => {
          stopped = true;
          return a.check();
        },
        spacingMs: 100,
        deadline: 60_000,
        stopped: () => stopped,
      }),
    );
    expect(result).toMatchObject({ started: 1, leftOver: 9 });
  });
});

describe('what a recheck says about its host', () => {
  it('reads 429 and 503 with Retry-After as a pause, 5xx and unreachable as failures, the rest as fine', () => {
    expect(hostOutcomeOf({ status: 'failed', httpStatus: 429, retryAfterMs: 5_000 })).toEqual({
      kind: 'retry_after',
      ms: 5_000,
    });
    expect(hostOutcomeOf({ status: 'failed', httpStatus: 503, retryAfterMs: 0 })).toEqual({
      kind: 'retry_after',
      ms: 0,
    });
    expect(hostOutcomeOf({ status: 'failed', httpStatus: 429 })).toEqual({ kind: 'failed' });
    expect(hostOutcomeOf({ status: 'failed', httpStatus: 502 })).toEqual({ kind: 'failed' });
    expect(hostOutcomeOf({ status: 'failed' })).toEqual({ kind: 'failed' });
    expect(hostOutcomeOf({ status: 'failed', httpStatus: 403 })).toEqual({ kind: 'ok' });
    expect(hostOutcomeOf({ status: 'closed', httpStatus: 404 })).toEqual({ kind: 'ok' });
    expect(hostOutcomeOf(undefined)).toEqual({ kind: 'ok' });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Mon, 07 Dec 2026 12:01:30 GMT', now)).toBe(90_000);
    expect(retryAfterMs('Mon, 07 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});
