import { Writable } from 'node:stream';
import { type Config, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { type RunningVouch, startVouch } from '../../src/main.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.mjs';
import { createSlackRequester, type SlackRequester } from './slack-requests.js';
import { createTestDatabase, type DatabaseKind } from './test-database.js';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEST_BOT_TOKEN = 'xoxb-test-0000-vouch';

export interface TestApp {
  baseUrl: string;
  slack: FakeSlackApi;
  requests: SlackRequester;
  config: Config;
  databaseUrl: string;
  /** Everything the app logged, one parsed JSON object per line. */
  logs: Array<Record<string, unknown>>;
  vouch: RunningVouch;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  database?: DatabaseKind;
  /** Extra environment variables (they win over the defaults). */
  env?: Record<string, string>;
  /** Prepares the fake Slack API before the app starts (e.g. apps.connections.open for Socket Mode). */
  configureSlack?: (slack: FakeSlackApi) => void;
}

/**
 * Starts the real Vouch app in HTTP mode on a random port, against a fresh migrated database and a
 * fresh fake Slack Web API. Everything goes through real HTTP.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const slack = await startFakeSlackApi();
  options.configureSlack?.(slack);
  const database = await createTestDatabase(options.database ?? 'sqlite');
  const result = loadConfig({
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    DATABASE_URL: database.url,
    PORT: '0',
    LOG_LEVEL: 'debug',
    FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1,localhost',
    ...options.env,
  });
  if (!result.ok) throw new Error(`test configuration is invalid:\n${result.problems.join('\n')}`);
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim().length > 0) logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  const logger = createLogger(result.config.logLevel, sink);
  let vouch: RunningVouch;
  try {
    vouch = await startVouch(result.config, logger);
  } catch (error) {
    await Promise.all([slack.close(), database.cleanup()]);
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${vouch.port}`;
  return {
    baseUrl,
    slack,
    requests: createSlackRequester(baseUrl, TEST_SIGNING_SECRET, slack.responseUrl),
    config: result.config,
    databaseUrl: database.url,
    logs,
    vouch,
    async stop() {
      await vouch.stop();
      await Promise.all([slack.close(), database.cleanup()]);
    },
  };
}

/**
 * A second Vouch process against `app`'s database and fake Slack API: what a second replica behind
 * the load balancer is (its own scheduler, work queue and HTTP port). `env` adds to the app's own
 * test settings. Stop it before the app.
 */
export async function startReplica(app: TestApp, env: Record<string, string> = {}): Promise<RunningVouch> {
  const result = loadConfig({
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: app.slack.url,
    DATABASE_URL: app.databaseUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1,localhost',
    ...env,
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return startVouch(result.config, createLogger('silent'));
}
