import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import { type FakeSlackApi, startFakeSlackApi } from '../../helpers/fake-slack-api.mjs';
import { linkSharedEvent } from '../../helpers/slack-payloads.mjs';
import { createSlackRequester, type SlackRequester } from '../../helpers/slack-requests.js';
import {
  freePort,
  isBuilt,
  type SpawnedVouch,
  spawnVouch,
  waitForStatus,
} from '../../helpers/spawn-vouch.js';
import { createEmptyTestDatabase, describeEachDatabase } from '../../helpers/test-database.js';

const SIGNING_SECRET = 'crash-secret';
/** Short, so that work a killed process held is claimed again within a second or two. */
const LEASE_SECONDS = '1';

/** Resolves when `check` holds, polling; fails after `timeoutMs` (a hang detector, not a timing). */
async function eventually(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describeEachDatabase('acknowledged work survives a SIGKILL of the process', (kind) => {
  let workdir: string;
  let slack: FakeSlackApi;
  let board: FakeJobBoard;
  let database: { url: string; drop(): Promise<void> };
  const running: SpawnedVouch[] = [];

  beforeAll(async () => {
    workdir = mkdtempSync(join(tmpdir(), 'vouch-crash-'));
    slack = await startFakeSlackApi();
    board = await startFakeJobBoard();
    database = await createEmptyTestDatabase(kind);
  });
  afterEach(async () => {
    for (const vouch of running.splice(0)) {
      vouch.child.kill('SIGKILL');
      await vouch.exited;
    }
  });
  afterAll(async () => {
    await Promise.all([slack.close(), board.close()]);
    await database.drop();
    rmSync(workdir, { recursive: true, force: true });
  });

  /** `npm start` as a child process on the shared database; resolves once it is ready. */
  async function startVouch(): Promise<{ vouch: SpawnedVouch; requests: SlackRequester }> {
    const port = await freePort();
    const vouch = spawnVouch(
      {
        SLACK_BOT_TOKEN: 'xoxb-crash-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        DATABASE_URL: database.url,
        PORT: String(port),
        FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
        VOUCH_WORK_LEASE_SECONDS: LEASE_SECONDS,
        LOG_LEVEL: 'warn',
      },
      workdir,
    );
    running.push(vouch);
    await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200, 20_000);
    const requests = createSlackRequester(`http://127.0.0.1:${port}`, SIGNING_SECRET, slack.responseUrl);
    return { vouch, requests };
  }

  async function kill(vouch: SpawnedVouch): Promise<void> {
    vouch.child.kill('SIGKILL');
    const { signal } = await vouch.exited;
    expect(signal).toBe('SIGKILL');
  }

  it.skipIf(!isBuilt)(
    'a link being fetched when the process dies gets its card after a restart, once, without any re-delivery',
    async () => {
      const url = board.job(
        '/jobs/crash-card',
        { title: 'Staff Engineer', company: 'Crashco' },
        { delayMs: 30_000 },
      );
      const first = await startVouch();
      const shared = linkSharedEvent({ channel: 'C0CRASH', user: 'U0CRASH', urls: [url] });
      const ack = await first.requests.eventCallback(shared);
      expect(ack.status).toBe(200);
      await eventually(() => board.requests('/jobs/crash-card').length > 0, 'the fetch to start');
      await kill(first.vouch);
      expect(slack.calls('chat.unfurl')).toEqual([]);

      // The board answers now; nobody sends the event again.
      board.job('/jobs/crash-card', { title: 'Staff Engineer', company: 'Crashco' }, { delayMs: 0 });
      const second = await startVouch();
      const unfurl = await slack.waitFor('chat.unfurl', (c) => c.args.ts === shared.message_ts, 20_000);
      expect(JSON.stringify(unfurl.args.unfurls)).toContain('Staff Engineer');

      // Slack re-delivering the same event now finds the job and starts nothing.
      const again = await second.requests.eventCallback(shared, { eventId: ack.eventId, retryNum: 1 });
      expect(again.status).toBe(200);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(slack.calls('chat.unfurl').filter((c) => c.args.ts === shared.message_ts)).toHaveLength(1);
    },
    60_000,
  );
});
