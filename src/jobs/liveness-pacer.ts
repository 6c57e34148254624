/**
 * Paces the liveness sweep (liveness-job.ts) so it is a polite client of the job boards: checks start
 * at a planned rate (no bursts), at most `perHost` are in flight per host, a host that answers 429/503
 * with Retry-After is left alone that long, a host answering 5xx or not at all is backed off
 * exponentially, and a host that is paused or slow never holds up the others. The state of each host
 * outlives one round, so a Retry-After of an hour is honoured by the next rounds too.
 */

/** The time source, swapped for a fake one in tests. */
export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface HostPacingSettings {
  /** Checks in flight at once per host. */
  perHost: number;
  /** First pause after a server error or a failed connection; doubled for each one in a row. */
  backoffBaseMs: number;
  /** The longest pause of the exponential back-off. */
  backoffMaxMs: number;
  /** The longest Retry-After honoured (a board asking for a day is asked again after this). */
  retryAfterMaxMs: number;
}

export const DEFAULT_HOST_PACING: HostPacingSettings = {
  perHost: 2,
  backoffBaseMs: 30_000,
  backoffMaxMs: 30 * 60_000,
  retryAfterMaxMs: 60 * 60_000,
};

/** What one check said about its host. */
export type HostOutcome =
  /** The host answered (open, closed, unchanged, or a 4xx that says nothing about its load). */
  | { kind: 'ok' }
  /** 429 or 503 with Retry-After: no request to the host before `ms` have passed. */
  | { kind: 'retry_after'; ms: number }
  /** 5xx, 429 without Retry-After, timeout or refused connection: back off exponentially. */
  | { kind: 'failed' };

export interface PacedRound<T> {
  items: readonly T[];
  hostOf(item: T): string;
  check(item: T): Promise<HostOutcome>;
  /** Least time between two starts, all hosts together: the planned rate (0: as fast as hosts allow). */
  spacingMs: number;
  /** Clock time after which no check starts; what is left waits for the next round. */
  deadline: number;
  /** true once the round must start nothing more (the process is stopping). */
  stopped?: () => boolean;
}

export interface PacedRoundResult {
  started: number;
  /** Items not started: their host was paused or busy until the deadline, or the round was stopped. */
  leftOver: number;
  /** The most checks that were in flight at once, per host. */
  maxInFlightByHost: Record<string, number>;
}

interface HostState {
  inFlight: number;
  pausedUntil: number;
  failuresInARow: number;
}

/** A promise and the function settling it (Promise.withResolvers arrives with Node 22). */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

export function createHostPacer(settings: HostPacingSettings, clock: PacerClock = systemClock) {
  const hosts = new Map<string, HostState>();
  let changed = signal();

  function stateOf(host: string): HostState {
    let state = hosts.get(host);
    if (state === undefined) {
      state = { inFlight: 0, pausedUntil: 0, failuresInARow: 0 };
      hosts.set(host, state);
    }
    return state;
  }

  function settle(host: string, outcome: HostOutcome): void {
    const state = stateOf(host);
    const now = clock.now();
    if (outcome.kind === 'ok') {
      state.failuresInARow = 0;
    } else if (outcome.kind === 'retry_after') {
      const ms = Math.min(Math.max(0, outcome.ms), settings.retryAfterMaxMs);
      state.pausedUntil = Math.max(state.pausedUntil, now + ms);
    } else {
      state.failuresInARow += 1;
      const ms = Math.min(settings.backoffBaseMs * 2 ** (state.failuresInARow - 1), settings.backoffMaxMs);
      state.pausedUntil = Math.max(state.pausedUntil, now + ms);
    }
  }

  function free(host: string, now: number): boolean {
    const state = stateOf(host);
    return state.inFlight < settings.perHost && now >= state.pausedUntil;
  }

  return {
    /** Until when a host is paused (0: not paused), for logs and tests. */
    pausedUntil: (host: string) => hosts.get(host)?.pausedUntil ?? 0,

    /** Runs one round: starts the items' checks at the planned rate, host by host in turn. */
    async run<T>(round: PacedRound<T>): Promise<PacedRoundResult> {
      const queues = new Map<string, T[]>();
      for (const item of round.items) {
        const host = round.hostOf(item);
        const queue = queues.get(host);
        if (queue === undefined) queues.set(host, [item]);
        else queue.push(item);
      }
      const order = [...queues.keys()];
      let turn = 0;
      const running = new Set<Promise<void>>();
      const maxInFlightByHost: Record<string, number> = {};
      let started = 0;
      let nextStartAt = clock.now();
      const stopped = round.stopped ?? (() => false);

      /** The next host in turn with work and a free slot, round-robin so no host goes first always. */
      function nextHost(now: number): string | undefined {
        for (let i = 0; i < order.length; i += 1) {
          const host = order[(turn + i) % order.length] as string;
          if ((queues.get(host)?.length ?? 0) > 0 && free(host, now)) {
            turn = (turn + i + 1) % order.length;
            return host;
          }
        }
        return undefined;
      }

      while (!stopped()) {
        const now = clock.now();
        const waiting = order.filter((host) => (queues.get(host)?.length ?? 0) > 0);
        if (waiting.length === 0 || now >= round.deadline) break;
        if (now < nextStartAt) {
          await clock.sleep(Math.min(nextStartAt, round.deadline) - now);
          continue;
        }
        const host = nextHost(now);
        if (host === undefined) {
          // Every host with work is full or paused: wait for a check to end or the first pause to.
          const pauses = waiting.map((h) => stateOf(h).pausedUntil).filter((at) => at > now);
          const until = Math.min(round.deadline, ...pauses);
          await Promise.race([changed.promise, clock.sleep(until - now)]);
          continue;
        }
        const item = (queues.get(host) as T[]).shift() as T;
        const state = stateOf(host);
        state.inFlight += 1;
        maxInFlightByHost[host] = Math.max(maxInFlightByHost[host] ?? 0, state.inFlight);
        started += 1;
        const check = round
          .check(item)
          .catch((): HostOutcome => ({ kind: 'failed' }))
          .then((outcome) => {
            state.inFlight -= 1;
            settle(host, outcome);
            running.delete(check);
            const woken = changed;
            changed = signal();
            woken.resolve();
          });
        running.add(check);
        nextStartAt = clock.now() + round.spacingMs;
      }
      await Promise.all(running);
      const leftOver = [...queues.values()].reduce((sum, queue) => sum + queue.length, 0);
      return { started, leftOver, maxInFlightByHost };
    },
  };
}

export type HostPacer = ReturnType<typeof createHostPacer>;
