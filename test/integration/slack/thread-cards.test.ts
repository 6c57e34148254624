import { expect, it } from 'vitest';
import type { FakeJobBoard } from '../../helpers/fake-job-board.mjs';
import type { RecordedCall } from '../../helpers/fake-slack-api.mjs';
import { actionIdsOf, blocksOf, postsTo } from '../../helpers/slack-blocks.js';
import { settle } from '../../helpers/slack-flows.js';
import { channelMessageEvent, messageTs } from '../../helpers/slack-payloads.mjs';
import type { TestApp } from '../../helpers/start-test-app.js';
import { useSlackSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';
import { notAJobPage } from '../../helpers/web-pages.js';

const CHANNEL = 'C0THREADS';
const POSTER = 'U0POSTER';

/** The thread cards the bot posted in CHANNEL. */
function cardsIn(app: TestApp): RecordedCall[] {
  return postsTo(app, CHANNEL);
}

/**
 * Sends a message event that must have no effect, then one that must post a card, and waits for
 * that card: by then the first event had every chance to do something.
 */
async function expectNoCardFor(
  app: TestApp,
  board: FakeJobBoard,
  event: Record<string, unknown>,
): Promise<void> {
  await app.requests.eventCallback(event);
  const control = board.job(`/jobs/control-${messageTs()}`, {
    title: 'Control Engineer',
    company: 'Control Co',
  });
  const controlMessage = channelMessageEvent({ channel: CHANNEL, user: POSTER, text: `<${control}>` });
  await app.requests.eventCallback(controlMessage);
  await app.slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === controlMessage.ts, 10_000);
  await settle(300);
  expect(cardsIn(app).map((c) => c.args.thread_ts)).toEqual([controlMessage.ts]);
}

describeEachDatabase('thread cards for job links outside the unfurl domains', (kind) => {
  const suite = useSlackSuite(kind);

  it('answers a channel message with a job link with the card as a thread reply', async () => {
    const { app, board } = suite;
    const url = board.job('/jobs/thread-1', { title: 'Infrastructure Engineer', company: 'Threadly' });
    const message = channelMessageEvent({ channel: CHANNEL, user: POSTER, text: `We're hiring: <${url}>` });
    const response = await app.requests.eventCallback(message);
    expect(response.status).toBe(200);

    const card = await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL, 10_000);
    expect(card.args.thread_ts).toBe(message.ts);
    const blocks = blocksOf(card);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Infrastructure Engineer' } });
    expect(actionIdsOf(blocks)).toContain('im_interested');
    expect(card.args.unfurl_links).toBe('false');
  });

  it('replies in the existing thread when the link was posted in a thread', async () => {
    const { app, board } = suite;
    const url = board.job('/jobs/thread-reply', { title: 'Reply Engineer', company: 'Threadly' });
    const parent = messageTs();
    const message = channelMessageEvent({
      channel: CHANNEL,
      user: POSTER,
      text: `<${url}>`,
      threadTs: parent,
    });
    await app.requests.eventCallback(message);
    const card = await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL, 10_000);
    expect(card.args.thread_ts).toBe(parent);
  });

  it("ignores bots' messages", async () => {
    const { app, board } = suite;
    const url = board.job('/jobs/from-bot', { title: 'Bot Posted Engineer', company: 'Botco' });
    const fromBot = {
      ...channelMessageEvent({ channel: CHANNEL, user: 'U0OTHERBOT', text: `<${url}>` }),
      bot_id: 'B0OTHERBOT',
    };
    await expectNoCardFor(app, board, fromBot);
    expect(board.requests('/jobs/from-bot')).toHaveLength(0);
  });

  it('ignores message subtypes (edits, joins, bot_message)', async () => {
    const { app, board } = suite;
    const url = board.job('/jobs/subtypes', { title: 'Subtype Engineer', company: 'Subco' });
    for (const subtype of ['bot_message', 'channel_join', 'thread_broadcast', 'me_message']) {
      await app.requests.eventCallback({
        ...channelMessageEvent({ channel: CHANNEL, user: POSTER, text: `<${url}>` }),
        subtype,
      });
    }
    const edited = {
      type: 'message',
      subtype: 'message_changed',
      channel: CHANNEL,
      hidden: true,
      ts: messageTs(),
      message: { type: 'message', user: POSTER, text: `<${url}>`, ts: messageTs() },
      event_ts: `${Date.now() / 1000}`,
    };
    await expectNoCardFor(app, board, edited);
    expect(board.requests('/jobs/subtypes')).toHaveLength(0);
  });

  it('leaves links on the unfurl domains to the unfurl (no thread card, no fetch)', async () => {
    const { app, board } = suite;
    // Filtered out before any fetch: no traffic leaves the machine.
    const message = channelMessageEvent({
      channel: CHANNEL,
      user: POSTER,
      text: '<https://boards.greenhouse.io/acme/jobs/4012345> and <https://jobs.lever.co/acme/0c4a5b6e-1111-2222-3333-444455556666>',
    });
    await expectNoCardFor(app, board, message);
  });

  it('posts nothing for a link that is not a job posting', async () => {
    const { app, board } = suite;
    const page = board.route('/blog/launch', notAJobPage({ title: 'We launched!', text: 'Big news.' }));
    await expectNoCardFor(
      app,
      board,
      channelMessageEvent({ channel: CHANNEL, user: POSTER, text: `Read <${page}>` }),
    );
    expect(board.requests('/blog/launch').length).toBeGreaterThan(0);
    expect(app.slack.calls('chat.postEphemeral')).toHaveLength(0);
  });

  it('posts one card when Slack re-delivers the same event', async () => {
    const { app, board } = suite;
    const url = board.job('/jobs/redelivered', { title: 'Once Only Engineer', company: 'Idempotent Inc' });
    const message = channelMessageEvent({ channel: CHANNEL, user: POSTER, text: `<${url}>` });
    const first = await app.requests.eventCallback(message, { eventId: 'EvTHREADONCE1' });
    await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL, 10_000);
    const again = await app.requests.eventCallback(message, { eventId: 'EvTHREADONCE1', retryNum: 1 });
    expect([first.status, again.status]).toEqual([200, 200]);
    await settle(600);
    expect(cardsIn(app)).toHaveLength(1);
  });

  it('posts one card when the same message arrives twice under different event ids', async () => {
    const { app, board } = suite;
    const url = board.job('/jobs/twice', { title: 'Twice Engineer', company: 'Idempotent Inc' });
    const message = channelMessageEvent({ channel: CHANNEL, user: POSTER, text: `<${url}>` });
    await Promise.all([app.requests.eventCallback(message), app.requests.eventCallback(message)]);
    await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL, 10_000);
    await settle(1_000);
    expect(cardsIn(app)).toHaveLength(1);
  });
});

describeEachDatabase('thread cards turned off with VOUCH_THREAD_CARDS=false', (kind) => {
  const suite = useSlackSuite(kind, { env: { VOUCH_THREAD_CARDS: 'false' } });

  it('posts no thread card and does not even fetch the link', async () => {
    const { app, board } = suite;
    const url = board.job('/jobs/off', { title: 'Quiet Engineer', company: 'Offco' });
    const response = await app.requests.eventCallback(
      channelMessageEvent({ channel: CHANNEL, user: POSTER, text: `<${url}>` }),
    );
    expect(response.status).toBe(200);
    // /vouch still works in this app: its card proves the app is processing requests.
    await app.requests.command({ text: url, user_id: POSTER, channel_id: 'C0OTHER' });
    await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === 'C0OTHER', 10_000);
    await settle(600);
    expect(cardsIn(app)).toHaveLength(0);
  });
});
