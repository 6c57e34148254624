import { describe, expect, it } from 'vitest';
import { startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import { textOf } from '../../helpers/slack-blocks.js';
import { linkSharedEvent } from '../../helpers/slack-payloads.mjs';
import { startTestApp } from '../../helpers/start-test-app.js';

describe('a graceful stop', () => {
  it('stops taking work but finishes what is in flight before closing the database', async () => {
    const board = await startFakeJobBoard();
    const app = await startTestApp();
    try {
      const url = board.job(
        '/jobs/in-flight',
        { title: 'In-Flight Engineer', company: 'Drain Co' },
        { delayMs: 1_500 },
      );
      const response = await app.requests.eventCallback(
        linkSharedEvent({ channel: 'C0STOP', user: 'U0STOP', urls: [url] }),
      );
      expect(response.status).toBe(200);

      const started = Date.now();
      const stopping = app.vouch.stop();
      // New work is refused while stopping (Slack retries it elsewhere or later).
      const refused = await app.requests
        .event({ type: 'url_verification', challenge: 'late', token: 't' })
        .catch(() => ({ status: 503 }));
      expect(refused.status).toBe(503);

      await stopping;
      expect(Date.now() - started).toBeLessThan(10_000);
      const unfurl = app.slack.calls('chat.unfurl');
      expect(unfurl).toHaveLength(1);
      expect(textOf(unfurl[0]?.args)).toContain('In-Flight Engineer');
    } finally {
      await app.stop();
      await board.close();
    }
  });
});
