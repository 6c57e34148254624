import { execFile } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import { eventEnvelope, linkSharedEvent, signSlackRequest } from '../../helpers/slack-payloads.mjs';
import { startTestApp, TEST_SIGNING_SECRET, type TestApp } from '../../helpers/start-test-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

/** Blocks this thread (the app's main thread: the app runs in the test process) without spinning. */
function blockMainThread(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Sends one signed request from another process and resolves with its status and when it was answered
 * (epoch ms): the test's own thread may be blocked meanwhile.
 */
function sendFromChildProcess(url: string, body: string): Promise<{ status: number; answeredAt: number }> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signSlackRequest(TEST_SIGNING_SECRET, timestamp, body),
  };
  const script = `
    const [url, headers, body] = process.argv.slice(1);
    fetch(url, { method: 'POST', headers: JSON.parse(headers), body }).then(
      (r) => console.log(JSON.stringify({ status: r.status, answeredAt: Date.now() })),
      (e) => { console.error(e); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script, url, JSON.stringify(headers), body], (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout) as { status: number; answeredAt: number });
    });
  });
}

describeEachDatabase('the acceptor thread (HTTP mode)', (database) => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('acknowledges a shared link while the main thread is blocked, and the card follows once it is free', async () => {
    app = await startTestApp({ database });
    const board = await startFakeJobBoard({
      jobAt: () => ({ title: 'Staff Engineer', company: 'Acme Robotics' }),
    });
    try {
      const link = `${board.origin}/jobs/acceptor-1`;
      const event = eventEnvelope(linkSharedEvent({ channel: 'C0JOBS', user: 'U0SHARER', urls: [link] }));
      const answer = sendFromChildProcess(`${app.baseUrl}/slack/events`, JSON.stringify(event));
      const blockedFrom = Date.now();
      // Long enough for a child Node process to start and send on a busy 2-core machine.
      blockMainThread(6_000);
      const blockedUntil = Date.now();
      const { status, answeredAt } = await answer;
      expect(status).toBe(200);
      expect(answeredAt).toBeGreaterThan(blockedFrom);
      expect(answeredAt).toBeLessThan(blockedUntil);
      const unfurl = await app.slack.waitFor(
        'chat.unfurl',
        (call) => JSON.stringify(call.args).includes(link),
        15_000,
      );
      expect(unfurl).toBeDefined();
      expect(app.slack.calls('chat.unfurl')).toHaveLength(1);
    } finally {
      await board.close();
    }
  }, 40_000);
});

describe('without the acceptor thread (VOUCH_ACK_THREAD=false)', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('serves Slack from the main thread as before: a shared link becomes one card', async () => {
    app = await startTestApp({ env: { VOUCH_ACK_THREAD: 'false' } });
    expect(app.vouch.acceptorThread).toBe(false);
    const board = await startFakeJobBoard({
      jobAt: () => ({ title: 'Staff Engineer', company: 'Acme Robotics' }),
    });
    try {
      const link = `${board.origin}/jobs/main-thread-1`;
      const response = await app.requests.event(
        eventEnvelope(linkSharedEvent({ channel: 'C0JOBS', user: 'U0SHARER', urls: [link] })),
      );
      expect(response.status).toBe(200);
      await app.slack.waitFor('chat.unfurl', (call) => JSON.stringify(call.args).includes(link), 15_000);
      expect(app.slack.calls('chat.unfurl')).toHaveLength(1);
    } finally {
      await board.close();
    }
  }, 30_000);

  it('is on by default in HTTP mode', async () => {
    app = await startTestApp();
    expect(app.vouch.acceptorThread).toBe(true);
  });
});
