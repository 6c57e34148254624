import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createDatabase, type Database } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { type FakeJobBoard, startFakeJobBoard } from './fake-job-board.mjs';
import { startTestApp, type TestApp, type TestAppOptions } from './start-test-app.js';
import type { DatabaseKind } from './test-database.js';

/** What `useAppForSuite` started for a describe block. */
export interface SuiteApp<Board> {
  app: TestApp;
  board: Board;
}

/** How a describe block wants its app: `startTestApp` options, plus its job board and hooks. */
export interface SuiteAppOptions<Board> extends TestAppOptions {
  /** Starts the local job board the suite's links point at (e.g. `startFakeJobBoard`). */
  startBoard: () => Promise<Board>;
  /** Forget the fake Slack API's calls, failures and responders before each test (the default). */
  resetSlackBeforeEach?: boolean;
}

/**
 * The setup every Slack flow suite shares: in the enclosing describe block, starts a job board and
 * the real app once (before all its tests), hands both to `started` (which may prepare more, such
 * as a database client), clears the fake Slack API before each test, fails a test after which the
 * fake holds a call Slack would have refused (`expectNothingRefused`), and stops the app and the
 * board after the block. Hooks a suite registers after this call run before these on the way
 * out, so a client it opened in `started` is closed before the app stops.
 */
export function useAppForSuite<Board extends { close(): Promise<void> }>(
  options: SuiteAppOptions<Board>,
  started: (suite: SuiteApp<Board>) => void | Promise<void>,
): void {
  const { startBoard, resetSlackBeforeEach = true, ...appOptions } = options;
  let board: Board | undefined;
  let app: TestApp | undefined;
  beforeAll(async () => {
    board = await startBoard();
    app = await startTestApp(appOptions);
    await started({ app, board });
  });
  afterAll(async () => {
    await app?.stop();
    await board?.close();
  });
  if (resetSlackBeforeEach) beforeEach(() => app?.slack.reset());
  afterEach(() => {
    if (app !== undefined) expectNothingRefused(app.slack);
  });
}

/**
 * Throws, naming each call and Slack's messages, when the fake Slack API refused a message, unfurl or
 * view as Slack would (invalid blocks, limits): the app sent something Slack would not show. A test
 * that provokes a refusal on purpose takes it first (`app.slack.takeRejections()`).
 */
export function expectNothingRefused(slack: Pick<TestApp['slack'], 'takeRejections'>): void {
  const refused = slack.takeRejections();
  if (refused.length === 0) return;
  const lines = refused.map((c) => `${c.method}: ${c.failed} ${(c.rejected ?? []).join('; ')}`);
  throw new Error(`Slack would have refused ${refused.length} call(s):\n${lines.join('\n')}`);
}

/**
 * `useAppForSuite` with a database client of the suite's own on the app's database (to read what the
 * app wrote), closed before the app stops.
 */
export function useAppAndDatabaseForSuite<Board extends { close(): Promise<void> }>(
  options: SuiteAppOptions<Board>,
  started: (suite: SuiteApp<Board> & { db: Database }) => void,
): void {
  let db: Database | undefined;
  useAppForSuite(options, async (suite) => {
    db = await createDatabase({ url: suite.app.databaseUrl, logger: createLogger('silent') });
    started({ ...suite, db });
  });
  afterAll(() => db?.close());
}

/** What `useSlackSuite` hands a describe block: its app and job board, there once the block started. */
export interface SlackSuite {
  readonly app: TestApp;
  readonly board: FakeJobBoard;
  /** 1, 2, 3…: a number no earlier call in this suite returned, to keep tests' companies and paths apart. */
  freshNumber(): number;
}

/** A `SlackSuite` with a database client of its own on the app's database, to read what the app wrote. */
export interface SlackFlowSuite extends SlackSuite {
  readonly db: Database;
}

/** How a Slack suite wants its app: extra environment variables, and whether to clear Slack before each test. */
export type SlackSuiteOptions = Pick<SuiteAppOptions<FakeJobBoard>, 'env' | 'resetSlackBeforeEach'>;

/**
 * `useAppForSuite` on `kind` with the local job board, as a Slack suite on one database wants it:
 * tests and helpers read `suite.app` and `suite.board` (or destructure them inside a test) and take
 * fresh numbers from `suite.freshNumber()`.
 */
export function useSlackSuite(kind: DatabaseKind, options: SlackSuiteOptions = {}): SlackSuite {
  return lateSuite((started) =>
    useAppForSuite({ ...options, database: kind, startBoard: startFakeJobBoard }, started),
  );
}

/** `useSlackSuite` with `suite.db` too (`useAppAndDatabaseForSuite`). */
export function useSlackFlowSuite(kind: DatabaseKind, options: SlackSuiteOptions = {}): SlackFlowSuite {
  return lateSuite((started) =>
    useAppAndDatabaseForSuite({ ...options, database: kind, startBoard: startFakeJobBoard }, started),
  );
}

/** A suite object whose fields read what `register`'s hooks started, once they have. */
function lateSuite(
  register: (started: (suite: SuiteApp<FakeJobBoard> & { db?: Database }) => void) => void,
): SlackFlowSuite {
  let started: (SuiteApp<FakeJobBoard> & { db?: Database }) | undefined;
  let counter = 0;
  register((suite) => {
    started = suite;
  });
  const current = () => {
    if (started === undefined) throw new Error('read the suite inside a test or hook');
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get board() {
      return current().board;
    },
    get db() {
      const { db } = current();
      if (db === undefined) throw new Error('this suite has no database client: use useSlackFlowSuite');
      return db;
    },
    freshNumber() {
      counter += 1;
      return counter;
    },
  };
}
