import { afterAll, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../../src/db/client.js';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import { shareJobByCommand } from '../../helpers/slack-flows.js';
import type { TestApp } from '../../helpers/start-test-app.js';
import { useAppForSuite } from '../../helpers/suite-app.js';
import { createRecordingLogger, describeEachDatabase } from '../../helpers/test-database.js';

const CHANNEL = 'C0PACING';
const SHARER = 'U0PSHARER';
const HOUR = 3_600_000;

/**
 * Three job boards on three hosts: one slow but healthy, one that answers the sweep's first request
 * 429 with Retry-After: 1, one that answers every request of the sweep 503.
 */
async function startBoards() {
  let sweeping = false;
  const limitedAnswers: Array<{ status: number; at: number }> = [];
  const jobAt = (path: string) =>
    /^\/jobs\/[a-z0-9-]+$/.test(path)
      ? { title: `Engineer ${path.slice(6)}`, company: 'Pace Co' }
      : undefined;
  const healthy = await startFakeJobBoard({ delayMs: 150, jobAt });
  const limited = await startFakeJobBoard({
    delayMs: 50,
    jobAt,
    intercept: (_path, at) => {
      if (!sweeping) return undefined;
      const first = limitedAnswers.length === 0;
      limitedAnswers.push({ status: first ? 429 : 200, at });
      return first
        ? { status: 429, body: 'slow down', contentType: 'text/plain', headers: { 'retry-after': '1' } }
        : undefined;
    },
  });
  const failing = await startFakeJobBoard({
    jobAt,
    intercept: () => (sweeping ? { status: 503, body: 'unavailable', contentType: 'text/plain' } : undefined),
  });
  return {
    healthy,
    limited,
    failing,
    limitedAnswers,
    startSweep: () => {
      sweeping = true;
    },
    close: async () => {
      await Promise.all([healthy.close(), limited.close(), failing.close()]);
    },
  };
}

describeEachDatabase('the liveness sweep, paced per job board host', (kind) => {
  let app: TestApp;
  let boards: Awaited<ReturnType<typeof startBoards>>;
  let database: Database;

  useAppForSuite(
    {
      database: kind,
      env: { VOUCH_LIVENESS_HOURS: '6', VOUCH_LIVENESS_PER_HOST: '2' },
      startBoard: startBoards,
    },
    async (started) => {
      ({ app, board: boards } = started);
      database = await createDatabase({ url: app.databaseUrl, logger: createRecordingLogger() });
    },
  );
  afterAll(() => database?.close());

  async function share(board: FakeJobBoard, count: number, label: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const url = `${board.origin}/jobs/${kind}-${label}-${i}`;
      ids.push((await shareJobByCommand(app, { url, channel: CHANNEL, user: SHARER })).postingId);
    }
    return ids;
  }

  const hostOf = (board: FakeJobBoard) => new URL(board.origin).host;
  const sweepRequests = (board: FakeJobBoard, before: number) => board.requests().slice(before);

  it('keeps each board to 2 requests at a time, waits out a Retry-After, backs off a failing board, and checks the others meanwhile', async () => {
    const healthyIds = await share(boards.healthy, 6, 'healthy');
    const limitedIds = await share(boards.limited, 3, 'limited');
    const failingIds = await share(boards.failing, 3, 'failing');
    const all = [...healthyIds, ...limitedIds, ...failingIds];
    await database.prisma.posting.updateMany({
      where: { id: { in: all } },
      data: { checkedAt: new Date(Date.now() - 7 * HOUR) },
    });
    const before = {
      healthy: boards.healthy.requests().length,
      limited: boards.limited.requests().length,
      failing: boards.failing.requests().length,
    };
    boards.startSweep();

    const started = performance.now();
    const round = await app.vouch.jobs.liveness.runOnce({ withinMs: 4_000 });
    const tookMs = performance.now() - started;

    // The healthy board: every posting checked, two at a time (six postings, 150 ms each).
    expect(sweepRequests(boards.healthy, before.healthy)).toHaveLength(6);
    expect(round.maxInFlightByHost[hostOf(boards.healthy)]).toBe(2);
    expect(boards.healthy.maxInFlight()).toBe(2);

    // The limited board: its 429 said "1 second"; the request already in flight went on, the next
    // one waited the second out: three requests, one per posting.
    const [first, second, third] = boards.limitedAnswers;
    expect(first?.status).toBe(429);
    expect(second?.at).toBeLessThan((first?.at ?? 0) + 500);
    expect(third?.at).toBeGreaterThanOrEqual((first?.at ?? 0) + 1_000);
    expect(sweepRequests(boards.limited, before.limited)).toHaveLength(3);
    expect(boards.limited.maxInFlight()).toBeLessThanOrEqual(2);

    // The failing board: two requests (its limit) answered 503, then it was left alone (back-off
    // of 30 s, past this round): its third posting waits for the next round.
    expect(sweepRequests(boards.failing, before.failing)).toHaveLength(2);
    expect(round.leftOver).toBe(1);
    expect(round.checked).toBe(all.length - 1);
    expect(tookMs).toBeLessThan(15_000);

    const rows = await database.prisma.posting.findMany({ where: { id: { in: all } } });
    const checkedNow = (id: string) =>
      (rows.find((row) => row.id === id)?.checkedAt?.getTime() ?? 0) > Date.now() - HOUR;
    expect([...healthyIds, ...limitedIds].every(checkedNow)).toBe(true);
    expect(failingIds.filter(checkedNow)).toHaveLength(2);
    // The limited board's 429 is a failed read: the posting keeps its card and says why.
    expect(rows.filter((row) => limitedIds.includes(row.id) && row.fetchError !== null)).toHaveLength(1);
  }, 60_000);
});
