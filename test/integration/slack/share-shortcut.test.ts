import { expect, it } from 'vitest';
import { createDatabase } from '../../../src/db/client.js';
import {
  actionIdsOf,
  blocksOf,
  channelPosts,
  stringsMentioning,
  textOf,
} from '../../helpers/slack-blocks.js';
import { messageShortcut, messageTs } from '../../helpers/slack-payloads.mjs';
import { useSlackSuite } from '../../helpers/suite-app.js';
import { createRecordingLogger, describeEachDatabase } from '../../helpers/test-database.js';
import { notAJobPage } from '../../helpers/web-pages.js';

const CHANNEL = 'C0SHORTCUT';
const MEMBER = 'U0SHORTCUTTER';

describeEachDatabase('message shortcut "Share as job referral"', (kind) => {
  const suite = useSlackSuite(kind);

  it("posts the card for the message's first link in that message's thread", async () => {
    const { app, board } = suite;
    const first = board.job('/jobs/shortcut-first', { title: 'Platform Engineer', company: 'Shortcut Labs' });
    const second = board.job('/jobs/shortcut-second', { title: 'Second Link Engineer', company: 'Other Co' });
    const ts = messageTs();
    const response = await app.requests.interaction(
      messageShortcut({
        user: MEMBER,
        channel: CHANNEL,
        ts,
        text: `Look at this <${first}|opening> and also <${second}>`,
        responseUrl: app.slack.responseUrl('shortcut-1'),
      }),
    );
    expect(response.status).toBe(200);

    const card = await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL, 10_000);
    expect(card.args.thread_ts).toBe(ts);
    expect(blocksOf(card)[0]).toMatchObject({ type: 'header', text: { text: 'Platform Engineer' } });
    expect(actionIdsOf(blocksOf(card))).toEqual(
      expect.arrayContaining(['i_can_refer', 'im_interested', 'details', 'tag_someone']),
    );
    expect(stringsMentioning(card.args, 'Second Link Engineer')).toEqual([]);
    expect(channelPosts(app)).toHaveLength(1);
    // Nothing to explain when it worked.
    expect(app.slack.calls('chat.postEphemeral')).toHaveLength(0);

    const db = await createDatabase({ url: app.databaseUrl, logger: createRecordingLogger() });
    try {
      const sharesOfMessage = () =>
        db.prisma.share.findMany({ where: { channelId: CHANNEL, messageTs: ts } });
      // The share is recorded right after Slack accepted the card.
      await expect.poll(async () => (await sharesOfMessage()).length, { timeout: 5_000 }).toBe(1);
      const shares = await sharesOfMessage();
      expect(shares[0]).toMatchObject({ source: 'shortcut', threadTs: ts, url: first });
    } finally {
      await db.close();
    }
  });

  it('puts the card into the existing thread when the message is itself a reply', async () => {
    const { app, board } = suite;
    const url = board.job('/jobs/shortcut-reply', { title: 'Reply Engineer', company: 'Threads Inc' });
    const parent = messageTs();
    const payload = messageShortcut({
      user: MEMBER,
      channel: CHANNEL,
      text: url,
      responseUrl: app.slack.responseUrl('shortcut-2'),
    });
    const withThread = { ...payload, message: { ...payload.message, thread_ts: parent } };
    await app.requests.interaction(withThread);
    const card = await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL, 10_000);
    expect(card.args.thread_ts).toBe(parent);
  });

  it('posts one card when the shortcut is used twice on the same message, and says so the second time', async () => {
    const { app, board } = suite;
    const url = board.job('/jobs/shortcut-twice', { title: 'Double Click Engineer', company: 'Twice Co' });
    const ts = messageTs();
    const use = (n: number) =>
      app.requests.interaction(
        messageShortcut({
          user: MEMBER,
          channel: CHANNEL,
          ts,
          text: `<${url}>`,
          responseUrl: app.slack.responseUrl(`twice-${n}`),
        }),
      );
    await Promise.all([use(1), use(2)]);
    const notice = await app.slack.waitFor('chat.postEphemeral', () => true, 10_000);
    expect(String(notice.args.text)).toMatch(/already has its card/);
    await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL, 10_000);
    expect(channelPosts(app)).toHaveLength(1);
  });

  it('acknowledges within 3 s even when the job board is slow', async () => {
    const { app, board } = suite;
    const url = board.job(
      '/jobs/shortcut-slow',
      { title: 'Slow Shortcut Engineer', company: 'Tortoise' },
      { delayMs: 2_000 },
    );
    const response = await app.requests.interaction(
      messageShortcut({
        user: MEMBER,
        channel: CHANNEL,
        text: url,
        responseUrl: app.slack.responseUrl('shortcut-3'),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(3_000);
    const card = await app.slack.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL, 10_000);
    expect(blocksOf(card)[0]).toMatchObject({ type: 'header', text: { text: 'Slow Shortcut Engineer' } });
  });

  it('explains, only to the member, that a message without a link has nothing to share', async () => {
    const { app } = suite;
    await app.requests.interaction(
      messageShortcut({
        user: MEMBER,
        channel: CHANNEL,
        text: 'We are hiring! DM me for details.',
        responseUrl: app.slack.responseUrl('shortcut-4'),
      }),
    );
    const ephemeral = await app.slack.waitFor('chat.postEphemeral', () => true, 10_000);
    expect(ephemeral.args).toMatchObject({ channel: CHANNEL, user: MEMBER });
    expect(String(ephemeral.args.text)).toMatch(/no link/i);
    expect(channelPosts(app)).toHaveLength(0);
  });

  it('explains a link that is not a job posting and posts nothing in the channel', async () => {
    const { app, board } = suite;
    const page = board.route('/team-photo', notAJobPage({ title: 'Our team offsite', text: 'Fun times.' }));
    await app.requests.interaction(
      messageShortcut({
        user: MEMBER,
        channel: CHANNEL,
        text: `<${page}>`,
        responseUrl: app.slack.responseUrl('shortcut-5'),
      }),
    );
    const ephemeral = await app.slack.waitFor('chat.postEphemeral', () => true, 10_000);
    expect(ephemeral.args.user).toBe(MEMBER);
    expect(String(ephemeral.args.text)).toMatch(/does not look like a job posting/);
    expect(textOf(ephemeral.args.blocks)).toContain('Our team offsite');
    expect(channelPosts(app)).toHaveLength(0);
  });
});
