import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createDatabase, type Database } from '../../src/db/client.js';
import { type FakeJobBoard, startFakeJobBoard } from './fake-job-board.mjs';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.mjs';
import type { SlackSide } from './slack-flows.js';
import { createSlackRequester } from './slack-requests.js';
import { freePort, type SpawnedVouch, spawnVouch, waitForStatus } from './spawn-vouch.js';
import { createEmptyTestDatabase, type DatabaseKind } from './test-database.js';

/** Short, so that work a killed process held is claimed again within a second or two. */
const LEASE_SECONDS = '1';
const SIGNING_SECRET = 'crash-harness-secret';
const quietDbLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Resolves when `check` holds, polling; fails after `timeoutMs` (a hang detector, not a timing). */
export async function eventually(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A process `startVouch` started, and the Slack side (signed requests, fake API) that talks to it. */
export interface StartedVouch {
  vouch: SpawnedVouch;
  side: SlackSide;
  /** Where the process listens (`http://127.0.0.1:<port>`). */
  url: string;
}

/** What `useCrashHarness` gives a describe block. */
export interface CrashHarness {
  slack: () => FakeSlackApi;
  board: () => FakeJobBoard;
  /**
   * `npm start` as a child process on the block's database; resolves once it is ready. `env` adds
   * to (or overrides) the harness's settings.
   */
  startVouch(env?: Record<string, string>): Promise<StartedVouch>;
  /** The Slack side (signed requests, the block's fake API) for requests sent to `url` (e.g. a balancer). */
  sideAt(url: string): SlackSide;
  /** SIGKILLs a started process and waits for it to exit. */
  kill(vouch: SpawnedVouch): Promise<void>;
  /** A client of the block's database for `work` (the children hold their own), closed after. */
  withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T>;
}

/**
 * For a describe block that SIGKILLs Vouch processes (`node dist/main.js`, built first): one fake
 * Slack API, one job board and one empty database of `kind` shared by every process it starts; holds
 * on Slack methods ended and processes killed after each test, everything closed after the block.
 */
export function useCrashHarness(kind: DatabaseKind): CrashHarness {
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
    for (const method of ['chat.postMessage', 'chat.postEphemeral', 'response_url']) slack.hold(method, 0);
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

  return {
    slack: () => slack,
    board: () => board,
    async startVouch(env = {}) {
      const port = await freePort();
      const vouch = spawnVouch(
        {
          SLACK_BOT_TOKEN: 'xoxb-crash-harness',
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: slack.url,
          DATABASE_URL: database.url,
          PORT: String(port),
          FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
          VOUCH_WORK_LEASE_SECONDS: LEASE_SECONDS,
          LOG_LEVEL: 'warn',
          ...env,
        },
        workdir,
      );
      running.push(vouch);
      await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200, 20_000);
      const requests = createSlackRequester(`http://127.0.0.1:${port}`, SIGNING_SECRET, slack.responseUrl);
      return { vouch, side: { requests, slack }, url: `http://127.0.0.1:${port}` };
    },
    sideAt(url) {
      return { requests: createSlackRequester(url, SIGNING_SECRET, slack.responseUrl), slack };
    },
    async kill(vouch) {
      vouch.child.kill('SIGKILL');
      const { signal } = await vouch.exited;
      expect(signal).toBe('SIGKILL');
    },
    async withDatabase(work) {
      const db = await createDatabase({ url: database.url, logger: quietDbLogger });
      try {
        return await work(db);
      } finally {
        await db.close();
      }
    },
  };
}
