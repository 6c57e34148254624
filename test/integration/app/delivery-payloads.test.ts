import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import { FAKE_TEAM_ID } from '../../helpers/fake-slack-api.mjs';
import { textOf } from '../../helpers/slack-blocks.js';
import { linkSharedEvent } from '../../helpers/slack-payloads.mjs';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

/**
 * A delivery job keeps the request's text (`durable-deliveries.ts`); jobs written by an older
 * version kept the parsed body. A backlog left by that version must still run after an upgrade.
 */
describeEachDatabase('delivery jobs written before an upgrade', (kind) => {
  let app: TestApp;
  let board: FakeJobBoard;
  beforeAll(async () => {
    board = await startFakeJobBoard();
    app = await startTestApp({ database: kind });
  });
  afterAll(async () => {
    await app.stop();
    await board.close();
  });

  const eventBody = (eventId: string, url: string) => ({
    type: 'event_callback',
    team_id: FAKE_TEAM_ID,
    api_app_id: 'A0VOUCH',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: linkSharedEvent({ channel: 'C0UPGRADE', user: 'U0UPGRADE', urls: [url] }),
  });

  it('runs a job that holds the parsed body (the older payload) like one that holds the text', async () => {
    const old = board.job(`/jobs/upgrade-old-${kind}`, {
      title: 'Legacy Payload Engineer',
      company: 'Upgrade Co',
    });
    const raw = board.job(`/jobs/upgrade-raw-${kind}`, {
      title: 'Raw Payload Engineer',
      company: 'Upgrade Co',
    });
    expect(
      await app.vouch.work.add({
        kind: 'slack-delivery',
        key: `event:EvOLD${kind}`,
        payload: { body: eventBody(`EvOLD${kind}`, old) },
      }),
    ).toBe(true);
    expect(
      await app.vouch.work.add({
        kind: 'slack-delivery',
        key: `event:EvRAW${kind}`,
        payload: { raw: JSON.stringify(eventBody(`EvRAW${kind}`, raw)), contentType: 'application/json' },
      }),
    ).toBe(true);
    await app.slack.waitFor('chat.unfurl', (c) => textOf(c.args).includes('Legacy Payload Engineer'));
    await app.slack.waitFor('chat.unfurl', (c) => textOf(c.args).includes('Raw Payload Engineer'));
  });

  it('fails a delivery job whose payload is neither, with the reason kept for `vouch queue`', async () => {
    await app.vouch.work.add({
      kind: 'slack-delivery',
      key: `event:EvBAD${kind}`,
      payload: { nothing: true },
    });
    await expect
      .poll(async () => (await app.vouch.work.stats()).failed, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(1);
  });
});
