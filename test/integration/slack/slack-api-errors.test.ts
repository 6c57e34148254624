import { WebClient } from '@slack/web-api';
import { afterAll, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../../src/db/client.js';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import type { RecordedCall } from '../../helpers/fake-slack-api.mjs';
import { postingIdOf, postsTo, textOf } from '../../helpers/slack-blocks.js';
import {
  expectStillServing,
  openInterestModal,
  settle,
  submitInterestForm,
  waitForDm,
} from '../../helpers/slack-flows.js';
import { appHomeOpened, channelMessageEvent, messageShortcut } from '../../helpers/slack-payloads.mjs';
import { TEST_BOT_TOKEN, type TestApp } from '../../helpers/start-test-app.js';
import { useAppForSuite } from '../../helpers/suite-app.js';
import { createRecordingLogger, describeEachDatabase } from '../../helpers/test-database.js';

const SHARER = 'U0ERRSHARER';

describeEachDatabase('Slack API errors', (kind) => {
  let app: TestApp;
  let board: FakeJobBoard;
  let database: Database;

  async function sharesIn(channel: string) {
    return database.prisma.share.findMany({ where: { channelId: channel } });
  }

  useAppForSuite({ database: kind, startBoard: startFakeJobBoard }, async (started) => {
    ({ app, board } = started);
    database = await createDatabase({ url: app.databaseUrl, logger: createRecordingLogger() });
  });
  afterAll(() => database?.close());

  it('explains not_in_channel on /vouch <url> (invite the bot) and records no share', async () => {
    const url = board.job('/jobs/not-in-channel', { title: 'Outsider Engineer', company: 'Closed Doors' });
    app.slack.fail('chat.postMessage', { kind: 'slack_error', error: 'not_in_channel' });
    await app.requests.command({ text: url, user_id: SHARER, channel_id: 'C0NOTJOINED' });

    const answer = await app.slack.waitFor('response_url', (c) => c.args.replace_original === true, 10_000);
    expect(answer.args.response_type).toBe('ephemeral');
    expect(String(answer.args.text)).toMatch(/not in this channel/i);
    expect(String(answer.args.text)).toContain('/invite @Vouch');
    expect(await sharesIn('C0NOTJOINED')).toEqual([]);
    await expectStillServing(app);

    // After /invite, the same command works.
    await app.requests.command({ text: url, user_id: SHARER, channel_id: 'C0NOTJOINED' });
    await app.slack.waitFor('response_url', (c) => /shared/i.test(String(c.args.text)), 10_000);
    await expect.poll(async () => (await sharesIn('C0NOTJOINED')).length, { timeout: 5_000 }).toBe(1);
  });

  it('explains channel_not_found the same way', async () => {
    const url = board.job('/jobs/no-channel', { title: 'Private Channel Engineer', company: 'Hidden' });
    app.slack.fail('chat.postMessage', { kind: 'slack_error', error: 'channel_not_found' });
    await app.requests.command({ text: url, user_id: SHARER, channel_id: 'G0PRIVATE' });
    const answer = await app.slack.waitFor('response_url', (c) => c.args.replace_original === true, 10_000);
    expect(String(answer.args.text)).toMatch(/cannot see this channel/i);
    expect(await sharesIn('G0PRIVATE')).toEqual([]);
    await expectStillServing(app);
  });

  it('waits out a 429 with Retry-After on chat.postMessage and still posts the card', async () => {
    const url = board.job('/jobs/rate-limited', { title: 'Patient Poster', company: 'Ratelimit Ltd' });
    app.slack.fail('chat.postMessage', { kind: 'rate_limited', retryAfterSeconds: 1 });
    await app.requests.command({ text: url, user_id: SHARER, channel_id: 'C0BUSY' });

    await app.slack.waitFor('response_url', (c) => /shared/i.test(String(c.args.text)), 15_000);
    const attempts = postsTo(app, 'C0BUSY');
    expect(attempts).toHaveLength(2);
    const [first, second] = attempts as [RecordedCall, RecordedCall];
    // Retry-After: 1 was honoured (with a wide margin for a busy machine).
    expect(second.at - first.at).toBeGreaterThanOrEqual(900);
    expect(textOf(second.args.blocks)).toContain('Patient Poster');
    await expect.poll(async () => (await sharesIn('C0BUSY')).length, { timeout: 5_000 }).toBe(1);
    await expectStillServing(app);
  });

  it('retries a 500 on conversations.open and still sends the DM', async () => {
    const url = board.job('/jobs/dm-retry', { title: 'DM Retry Engineer', company: 'Flaky Slack' });
    await app.requests.command({ text: url, user_id: SHARER, channel_id: 'C0DMRETRY' });
    const card = await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === 'C0DMRETRY', 10_000);
    const postingId = postingIdOf(card.args.blocks);

    const { view } = await openInterestModal(app, {
      postingId,
      user: 'U0FLAKYDM',
      channel: 'C0DMRETRY',
      responseUrl: app.slack.responseUrl('dm-retry'),
    });
    app.slack.reset();
    app.slack.fail('conversations.open', { kind: 'server_error' });
    await submitInterestForm(app, { user: 'U0FLAKYDM', view, form: { note: 'hi', referrer: 'anyone' } });

    const dm = await waitForDm(app, 'U0FLAKYDM', { timeoutMs: 15_000 });
    expect(textOf(dm.args.blocks)).toContain('DM Retry Engineer');
    expect(
      app.slack.calls('conversations.open').filter((c) => c.args.users === 'U0FLAKYDM').length,
    ).toBeGreaterThanOrEqual(2);
    const referrals = await database.prisma.referral.findMany({
      where: { candidate: { slackUserId: 'U0FLAKYDM' } },
    });
    expect(referrals).toHaveLength(1);
    await expectStillServing(app);
  });

  it('drops a thread card Slack refuses (not_in_channel) without a crash or a share, so a later one can post', async () => {
    const url = board.job('/jobs/thread-refused', { title: 'Thread Refused Engineer', company: 'Nope Inc' });
    app.slack.fail('chat.postMessage', { kind: 'slack_error', error: 'not_in_channel' });
    const message = channelMessageEvent({ channel: 'C0THREADNO', user: SHARER, text: `<${url}>` });
    await app.requests.eventCallback(message);
    await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === 'C0THREADNO', 10_000);
    await settle();
    expect(await sharesIn('C0THREADNO')).toEqual([]);
    // No ephemeral for thread cards: nobody asked for one.
    expect(app.slack.calls('chat.postEphemeral')).toHaveLength(0);
    await expectStillServing(app);

    // Once the bot is invited, sharing that same message with the shortcut posts its card.
    await app.requests.interaction(
      messageShortcut({
        user: SHARER,
        channel: 'C0THREADNO',
        ts: message.ts,
        text: message.text,
        responseUrl: app.slack.responseUrl('after-invite'),
      }),
    );
    await app.slack.waitFor(
      'chat.postMessage',
      (c) =>
        c.args.channel === 'C0THREADNO' &&
        c.args.thread_ts === message.ts &&
        postsTo(app, 'C0THREADNO').indexOf(c) === 1,
      10_000,
    );
    await expect.poll(async () => (await sharesIn('C0THREADNO')).length, { timeout: 5_000 }).toBe(1);
  });

  it('survives a failing views.publish when the Home tab is opened', async () => {
    app.slack.fail('views.publish', { kind: 'slack_error', error: 'not_enabled' }, 1);
    await app.requests.eventCallback(appHomeOpened('U0HOMEFAIL'));
    await app.slack.waitFor('views.publish', () => true, 10_000);
    await settle();
    await expectStillServing(app);
    // The next open works.
    await app.requests.eventCallback(appHomeOpened('U0HOMEFAIL'));
    await expect.poll(() => app.slack.calls('views.publish').length, { timeout: 5_000 }).toBe(2);
  });

  it('gives up on a channel that keeps answering 5xx with an explanation, not a crash', async () => {
    const url = board.job('/jobs/server-errors', { title: 'Unlucky Engineer', company: 'Five Hundred' });
    app.slack.fail('chat.postMessage', { kind: 'server_error', status: 503 }, 10);
    await app.requests.command({ text: url, user_id: SHARER, channel_id: 'C0DOWN' });
    const answer = await app.slack.waitFor('response_url', (c) => c.args.replace_original === true, 20_000);
    expect(String(answer.args.text)).toMatch(/try again/i);
    expect(await sharesIn('C0DOWN')).toEqual([]);
    await expectStillServing(app);
  });

  it('refuses, as Slack would, a message or view the app must never send, with Slack’s error and pointer', async () => {
    // The Web API client the app uses, against the same fake: what any code path of the app gets back.
    const client = new WebClient(TEST_BOT_TOKEN, { slackApiUrl: app.slack.url, retryConfig: { retries: 0 } });
    const oversize = { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } };
    await expect(
      client.chat.postMessage({ channel: 'C0REFUSED', text: 'too long', blocks: [oversize] }),
    ).rejects.toMatchObject({
      data: {
        ok: false,
        error: 'invalid_blocks',
        response_metadata: {
          messages: ['[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
        },
      },
    });
    await expect(
      client.views.publish({
        user_id: SHARER,
        view: { type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' as const })) },
      }),
    ).rejects.toMatchObject({
      data: {
        error: 'invalid_arguments',
        response_metadata: {
          messages: ['[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]'],
        },
      },
    });
    // A response_url answers HTTP 400 and the bare code, as incoming webhooks do.
    const answer = await fetch(app.slack.responseUrl('refused'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replace_original: true, blocks: [oversize] }),
    });
    expect([answer.status, await answer.text()]).toEqual([400, 'invalid_blocks']);

    // Nothing refused was posted, and each refusal is kept for the suite's after-each check.
    expect(app.slack.calls('chat.postMessage').map((c) => c.failed)).toEqual(['invalid_blocks']);
    const history = await client.conversations.history({ channel: 'C0REFUSED' });
    expect(history.messages).toEqual([]);
    expect(app.slack.takeRejections().map((c) => [c.method, c.failed])).toEqual([
      ['chat.postMessage', 'invalid_blocks'],
      ['views.publish', 'invalid_arguments'],
      ['response_url', 'invalid_blocks'],
    ]);
    await expectStillServing(app);
  });
});
