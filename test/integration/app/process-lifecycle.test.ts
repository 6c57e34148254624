import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../../helpers/fake-slack-api.mjs';
import { createSlackRequester } from '../../helpers/slack-requests.js';
import { freePort, isBuilt, spawnVouch, waitForStatus } from '../../helpers/spawn-vouch.js';

describe.skipIf(!isBuilt)('npm start (node dist/main.js) as a process', () => {
  let workdir: string;
  let slack: FakeSlackApi;

  beforeAll(async () => {
    workdir = mkdtempSync(join(tmpdir(), 'vouch-process-'));
    slack = await startFakeSlackApi();
  });
  afterAll(async () => {
    await slack.close();
    rmSync(workdir, { recursive: true, force: true });
  });

  /** A bot token, a signing secret and the fake Slack API, with `more` (which wins). */
  const slackEnv = (more: Record<string, string>) => ({
    SLACK_BOT_TOKEN: 'xoxb-1-2-3',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: slack.url,
    ...more,
  });

  it('without Slack variables exits non-zero within 10 s, naming each missing variable and both modes', async () => {
    const vouch = spawnVouch({}, workdir);
    const { code, afterMs } = await vouch.exited;
    expect(code).not.toBe(0);
    expect(afterMs).toBeLessThan(10_000);
    const stderr = vouch.stderr();
    expect(stderr).toContain('SLACK_BOT_TOKEN is missing');
    expect(stderr).toContain('Bot User OAuth Token');
    expect(stderr).toContain('SLACK_APP_TOKEN');
    expect(stderr).toContain('SLACK_SIGNING_SECRET');
    expect(stderr).not.toMatch(/ZodError|at .*\.js:\d+/);
  });

  it('with an invalid DATABASE_URL says so in one line and exits non-zero', async () => {
    const vouch = spawnVouch(slackEnv({ DATABASE_URL: 'mysql://x/y' }), workdir);
    const { code } = await vouch.exited;
    expect(code).not.toBe(0);
    expect(vouch.stderr()).toMatch(/DATABASE_URL must start with file: \(SQLite\) or postgresql:\/\//);
  });

  it('with an unreachable PostgreSQL prints one clear line, no stack trace, and exits non-zero within 10 s', async () => {
    const closedPort = await freePort();
    const database = `postgresql://vouch:pw@127.0.0.1:${closedPort}/vouch`;
    const vouch = spawnVouch(slackEnv({ DATABASE_URL: database, PORT: String(await freePort()) }), workdir);
    const { code, afterMs } = await vouch.exited;
    expect(code).toBe(1);
    expect(afterMs).toBeLessThan(10_000);
    const lines = vouch.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Vouch cannot start: .*127\.0\.0\.1/);
    expect(vouch.stderr()).not.toContain('pw@');
  });

  it('with a bot token Slack rejects explains it in one paragraph and exits non-zero, with no stack trace', async () => {
    slack.fail('auth.test', { kind: 'slack_error', error: 'invalid_auth' }, 10);
    const vouch = spawnVouch(
      slackEnv({ DATABASE_URL: 'file:./data/rejected.db', PORT: String(await freePort()) }),
      workdir,
    );
    const { code, afterMs } = await vouch.exited;
    slack.reset();
    expect(code).toBe(1);
    expect(afterMs).toBeLessThan(10_000);
    const stderr = vouch.stderr();
    expect(stderr).toContain('SLACK_BOT_TOKEN');
    expect(stderr).toContain('invalid_auth');
    expect(stderr).toContain('Bot User OAuth Token');
    expect(stderr).not.toMatch(/WebAPIPlatformError|\n\s+at /);
    expect(vouch.stdout()).not.toMatch(/WebAPIPlatformError|"stack"/);
  });

  it('with Slack unreachable at start serves /healthz, reports not ready on /readyz, and turns ready once Slack answers', async () => {
    // Every auth.test of the first check fails (the client's own retries included); the re-check works.
    slack.fail('auth.test', { kind: 'server_error', status: 503 }, 4);
    const port = await freePort();
    const vouch = spawnVouch(
      slackEnv({ DATABASE_URL: 'file:./data/unreachable.db', PORT: String(port), LOG_LEVEL: 'info' }),
      workdir,
    );
    try {
      await waitForStatus(`http://127.0.0.1:${port}/healthz`, 200, 15_000);
      const notReady = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({
        status: 'Slack is unreachable: the bot token is not confirmed yet',
      });
      await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200, 15_000);
      expect(vouch.stdout()).toContain('bot token confirmed');
      expect(vouch.stdout()).not.toMatch(/"level":50/);
    } finally {
      vouch.child.kill('SIGTERM');
      slack.reset();
    }
    expect((await vouch.exited).code).toBe(0);
  });

  it('with a configuration serves /healthz within 5 s, answers url_verification, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const vouch = spawnVouch(
      slackEnv({
        SLACK_BOT_TOKEN: 'xoxb-process-test',
        SLACK_SIGNING_SECRET: 'process-secret',
        DATABASE_URL: 'file:./data/vouch.db',
        PORT: String(port),
        LOG_LEVEL: 'info',
      }),
      workdir,
    );
    try {
      const ready = await waitForStatus(`http://127.0.0.1:${port}/healthz`, 200, 5_000);
      expect(ready).toBeLessThan(5_000);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

      const requests = createSlackRequester(`http://127.0.0.1:${port}`, 'process-secret', slack.responseUrl);
      const verification = await requests.event({ type: 'url_verification', challenge: 'c-123', token: 't' });
      expect(verification.status).toBe(200);
      expect(verification.text).toContain('c-123');

      expect(vouch.stdout()).not.toContain('xoxb-process-test');
      expect(vouch.stdout()).not.toContain('process-secret');
    } finally {
      vouch.child.kill('SIGTERM');
    }
    const { code, afterMs } = await vouch.exited;
    expect(code).toBe(0);
    expect(afterMs).toBeLessThan(20_000);
    expect(vouch.stdout()).toContain('"msg":"stopped"');
  });
});
