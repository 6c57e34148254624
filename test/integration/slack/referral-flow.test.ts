import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../../src/db/client.js';
import { createLogger } from '../../../src/logger.js';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import {
  buttonsOf,
  buttonValue,
  channelMessages,
  dmChannelOf,
  dmsTo,
  stringsMentioning,
  textOf,
  unfurlBlocksOf,
} from '../../helpers/slack-blocks.js';
import {
  clickButton,
  openInterestModal,
  settle,
  shareJobByUnfurl,
  submitInterestForm,
  tagFormValues,
  waitForDm,
} from '../../helpers/slack-flows.js';
import { CANDIDATE, CHANNEL, REFERRER, SHARER } from '../../helpers/slack-members.js';
import { blockAction, viewSubmission } from '../../helpers/slack-payloads.mjs';
import type { SlackResponse } from '../../helpers/slack-requests.js';
import type { TestApp } from '../../helpers/start-test-app.js';
import { useAppForSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

/** Posts a fresh job link in CHANNEL as SHARER and waits for its unfurled card. */
async function shareJob(
  app: TestApp,
  board: FakeJobBoard,
  path: string,
): Promise<{ postingId: string; url: string; ts: string }> {
  const url = board.job(path, { title: `Engineer ${path}`, company: 'Acme Robotics' });
  const { postingId, ts } = await shareJobByUnfurl(app, { url, channel: CHANNEL, user: SHARER });
  return { postingId, url, ts };
}

/** `user` clicks `actionId` on the card of a job shared in CHANNEL (`ts`: the card's message, if known). */
function clickOnCard(
  app: TestApp,
  user: string,
  actionId: string,
  card: { postingId: string; ts?: string },
): Promise<SlackResponse> {
  return clickButton(app, { user, actionId, value: card.postingId, channel: CHANNEL, messageTs: card.ts });
}

/** "I'm interested" on the card in CHANNEL: acked within 3 s; resolves with the modal's view. */
async function openInterestModalOnCard(
  app: TestApp,
  postingId: string,
  user: string,
  ts: string,
): Promise<Record<string, unknown>> {
  const { view, response } = await openInterestModal(app, {
    postingId,
    user,
    channel: CHANNEL,
    messageTs: ts,
    responseUrl: app.slack.responseUrl('x'),
    timeoutMs: 5_000,
  });
  expect(response.elapsedMs).toBeLessThan(3_000);
  return view;
}

describe('the referral workflow, end to end', () => {
  let app: TestApp;
  let board: FakeJobBoard;
  let db: Database;
  useAppForSuite({ startBoard: startFakeJobBoard, resetSlackBeforeEach: false }, async (started) => {
    ({ app, board } = started);
    app.slack.addUser({ id: REFERRER, realName: 'Rita Referrer' });
    db = await createDatabase({ url: app.databaseUrl, logger: createLogger('silent') });
  });
  afterAll(() => db?.close());

  it('takes a candidate from interested to hired, telling the other party at every step', async () => {
    const { postingId, url, ts } = await shareJob(app, board, '/jobs/flow');

    // A colleague says they can refer: listed on the card, offered the company directory.
    await clickOnCard(app, REFERRER, 'i_can_refer', { postingId, ts });
    const prompt = await app.slack.waitFor('chat.postEphemeral', (c) => c.args.user === REFERRER);
    expect(textOf(prompt.args)).toContain('Acme Robotics');
    const refreshed = await app.slack.waitFor('chat.unfurl', (c) =>
      textOf(unfurlBlocksOf(c, url)).includes(`<@${REFERRER}>`),
    );
    const card = textOf(unfurlBlocksOf(refreshed, url));
    expect(card).toContain('1* can refer');
    // The refreshed copy still names who shared it.
    expect(card).toContain(`Shared by <@${SHARER}>`);

    // They accept: remembered for Acme Robotics.
    await clickButton(app, {
      user: REFERRER,
      actionId: 'remember_referrer_company_yes',
      value: buttonValue(prompt.args.blocks, 'remember_referrer_company_yes', { prefix: true }),
      channel: CHANNEL,
    });
    await app.slack.waitFor('response_url', (c) => textOf(c.args).includes('future Acme Robotics postings'));
    expect(await db.prisma.companyReferrer.count()).toBe(1);

    // The candidate is interested: the modal offers the referrer by name; they ask them privately.
    const view = await openInterestModalOnCard(app, postingId, CANDIDATE, ts);
    expect(textOf(view)).toContain('Rita Referrer');
    const submitted = await submitInterestForm(app, {
      user: CANDIDATE,
      view,
      form: { note: 'I shipped recsys at scale', referrer: REFERRER },
    });
    expect(submitted.status).toBe(200);
    const request = await waitForDm(app, REFERRER, {
      matching: /asked you for a referral/,
      timeoutMs: 8_000,
    });
    expect(textOf(request.args)).toContain('I shipped recsys at scale');
    expect(textOf(request.args)).toContain(`<@${CANDIDATE}>`);
    await waitForDm(app, CANDIDATE, { matching: /We asked/, timeoutMs: 8_000 });
    await app.slack.waitFor('chat.unfurl', (c) => textOf(unfurlBlocksOf(c, url)).includes('1* interested'));

    // The candidate cannot mark themselves referred: refused with the reason.
    const markReferred = buttonValue(request.args.blocks, 'mark_referred', { prefix: true });
    await clickButton(app, {
      user: CANDIDATE,
      actionId: 'mark_referred',
      value: markReferred,
      channel: 'D0CANDIDATE',
    });
    const refusal = await app.slack.waitFor(
      'chat.postEphemeral',
      (c) => c.args.user === CANDIDATE && /Only/.test(String(c.args.text)),
    );
    expect(refusal.args.text).toMatch(/Only the referrer can/);

    // The referrer refers: the candidate hears it, the DM's buttons are settled.
    await clickButton(app, {
      user: REFERRER,
      actionId: 'mark_referred',
      value: markReferred,
      channel: 'D0REFERRER',
      blocks: request.args.blocks as unknown[],
    });
    const told = await waitForDm(app, CANDIDATE, { matching: /referred you|referral/i, timeoutMs: 8_000 });
    const update = await app.slack.waitFor('chat.update', (c) => c.args.channel === 'D0REFERRER');
    expect(buttonsOf(update.args.blocks)).toEqual([]);

    // The candidate moves it along; the referrer hears each step.
    const referral = await db.prisma.referral.findFirstOrThrow({ where: { posting: { id: postingId } } });
    for (const to of ['interviewing', 'offer', 'hired'] as const) {
      const before = dmsTo(app, REFERRER).length;
      await clickButton(app, {
        user: CANDIDATE,
        actionId: `status_update:${to}`,
        value: JSON.stringify({ referralId: referral.id, to }),
        channel: dmChannelOf(CANDIDATE),
        responseUrl: app.slack.responseUrl(to),
      });
      await expect.poll(() => dmsTo(app, REFERRER).length, { timeout: 8_000 }).toBe(before + 1);
    }
    const hiredNews = dmsTo(app, REFERRER).at(-1);
    expect(textOf(hiredNews?.args)).toMatch(/hired|got the job/i);
    const events = await db.prisma.referralEvent.findMany({
      where: { referralId: referral.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => e.toStatus)).toEqual([
      'interested',
      'requested',
      'referred',
      'interviewing',
      'offer',
      'hired',
    ]);
    expect((await db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).status).toBe('hired');
    expect(told).toBeDefined();

    // Nobody in the channel ever learned who was interested.
    for (const call of channelMessages(app, { withComposerUnfurls: true }))
      expect(stringsMentioning(call.args, CANDIDATE)).toEqual([]);
    expect(url).toContain('/jobs/flow');
  });

  it('applies a quick double click on "I can refer" as on, then off (clicks are acknowledged on arrival)', async () => {
    const { postingId, ts } = await shareJob(app, board, '/jobs/double-click');
    const click = (n: number) =>
      app.requests.interaction(
        blockAction({
          user: 'U0DOUBLE',
          actionId: 'i_can_refer',
          value: postingId,
          channel: CHANNEL,
          messageTs: ts,
          responseUrl: app.slack.responseUrl(`double-${n}`),
        }),
      );
    // Each click is sent as soon as the previous one is acknowledged, before its work is done.
    for (let n = 1; n <= 5; n += 1) expect((await click(n)).status).toBe(200);
    await app.slack.waitFor(
      'chat.postEphemeral',
      (c) => c.args.user === 'U0DOUBLE' && /no longer listed/.test(String(c.args.text)),
    );
    await expect
      .poll(
        async () => {
          const ephemerals = app.slack.calls('chat.postEphemeral').filter((c) => c.args.user === 'U0DOUBLE');
          return ephemerals.length;
          // Concurrent toggles of one member serialise in the database: one that lost a race is retried
          // with backoff (1 s, then 2 s), so its answer can come seconds after the others.
        },
        { timeout: 15_000 },
      )
      .toBe(5);
    const answers = app.slack
      .calls('chat.postEphemeral')
      .filter((c) => c.args.user === 'U0DOUBLE')
      .map((c) => (/no longer listed/.test(String(c.args.text)) ? 'off' : 'on'));
    expect(answers).toEqual(['on', 'off', 'on', 'off', 'on']);
    const member = await db.prisma.member.findFirst({ where: { slackUserId: 'U0DOUBLE' } });
    expect(await db.prisma.postingReferrer.count({ where: { postingId, memberId: member?.id } })).toBe(1);
  });

  it('names the candidate on the card only when they chose to show their name', async () => {
    const { postingId, ts } = await shareJob(app, board, '/jobs/named');
    const view = await openInterestModalOnCard(app, postingId, 'U0PROUD', ts);
    await submitInterestForm(app, { user: 'U0PROUD', view, form: { showName: true } });
    await app.slack.waitFor('chat.unfurl', (c) => textOf(c.args).includes('<@U0PROUD>'));
  });

  it('tells a candidate nobody can refer yet, and tells them again when someone can', async () => {
    const url = board.job('/jobs/lonely', { title: 'Lonely Role', company: 'Nobody Knows Inc' });
    const { postingId, ts } = await shareJobByUnfurl(app, { url, channel: CHANNEL, user: SHARER });

    const view = await openInterestModalOnCard(app, postingId, 'U0WAITER', ts);
    expect(textOf(view)).toContain('Nobody has said they can refer');
    await submitInterestForm(app, { user: 'U0WAITER', view, form: { note: 'keen' } });
    await waitForDm(app, 'U0WAITER', { matching: /saved/, timeoutMs: 8_000 });

    await clickOnCard(app, 'U0LATE', 'i_can_refer', { postingId });
    const news = await waitForDm(app, 'U0WAITER', { matching: /Good news/, timeoutMs: 8_000 });
    expect(textOf(news.args)).toContain('<@U0LATE>');
  });

  it('opens Details with the whole summary and answers a click on a posting that no longer exists kindly', async () => {
    const { postingId, ts } = await shareJob(app, board, '/jobs/details');
    await clickOnCard(app, CANDIDATE, 'details', { postingId, ts });
    const details = await app.slack.waitFor('views.open', (c) =>
      textOf(c.args).includes('Engineer /jobs/details'),
    );
    expect(textOf(details.args.view)).toContain('distributed systems');

    await clickButton(app, {
      user: CANDIDATE,
      actionId: 'im_interested',
      value: 'no-such-posting',
      channel: CHANNEL,
    });
    const sorry = await app.slack.waitFor('chat.postEphemeral', (c) =>
      /no longer in Vouch/.test(String(c.args.text)),
    );
    expect(sorry.args.user).toBe(CANDIDATE);
  });

  it('tags a colleague privately: a DM with the right buttons, nothing in the channel', async () => {
    const { postingId, ts } = await shareJob(app, board, '/jobs/tag');
    await clickOnCard(app, SHARER, 'tag_someone', { postingId, ts });
    const opened = await app.slack.waitFor(
      'views.open',
      (c) => (c.args.view as { callback_id?: string }).callback_id === 'tag_submit',
    );
    const before = channelMessages(app, { withComposerUnfurls: true }).length;
    await app.requests.interaction(
      viewSubmission({
        user: SHARER,
        view: opened.args.view as Record<string, unknown>,
        values: tagFormValues('U0FRIEND', 'candidate'),
      }),
    );
    const dm = await waitForDm(app, 'U0FRIEND', { matching: /might be interested/, timeoutMs: 8_000 });
    const ids = buttonsOf(dm.args.blocks).map((b) => b.action_id);
    expect(ids).toContain('im_interested');
    expect(ids).not.toContain('i_can_refer');
    await waitForDm(app, SHARER, { matching: /private message/, timeoutMs: 8_000 });
    expect(channelMessages(app, { withComposerUnfurls: true }).length).toBe(before);
  });

  it('keeps the tag form open, saying so, when the colleague was already told about this job', async () => {
    const { postingId, ts } = await shareJob(app, board, '/jobs/tag-twice');
    const tagOnce = async () => {
      await clickOnCard(app, SHARER, 'tag_someone', { postingId, ts });
      const opened = await app.slack.waitFor(
        'views.open',
        (c) =>
          (c.args.view as { callback_id?: string }).callback_id === 'tag_submit' &&
          JSON.stringify(c.args.view).includes(postingId) &&
          !answered.has(String(c.args.trigger_id)),
      );
      answered.add(String(opened.args.trigger_id));
      return app.requests.interaction(
        viewSubmission({
          user: SHARER,
          view: { ...(opened.args.view as Record<string, unknown>), id: `VTAG${answered.size}` },
          values: tagFormValues('U0TWICE', 'referrer'),
        }),
      );
    };
    const answered = new Set<string>();
    expect((await tagOnce()).status).toBe(200);
    await waitForDm(app, 'U0TWICE', { matching: /might be able to refer/ });
    expect((await tagOnce()).json).toEqual({
      response_action: 'errors',
      errors: { tag_user: 'They were already told about this job.' },
    });
    await settle(300);
    expect(dmsTo(app, 'U0TWICE')).toHaveLength(1);
  });

  it('acknowledges every interactive request within 3 s', async () => {
    const { postingId } = await shareJob(app, board, '/jobs/fast-ack');
    for (const actionId of ['i_can_refer', 'details', 'tag_someone', 'open_posting']) {
      const response = await clickButton(app, {
        user: 'U0CLICKER',
        actionId,
        value: postingId,
        channel: CHANNEL,
        responseUrl: app.slack.responseUrl(actionId),
      });
      expect(response.status).toBe(200);
      expect(response.elapsedMs).toBeLessThan(3_000);
    }
  });
});

describeEachDatabase('50 parallel submissions of the interest form', (kind) => {
  let app: TestApp;
  let board: FakeJobBoard;
  useAppForSuite(
    { database: kind, resetSlackBeforeEach: false, startBoard: startFakeJobBoard },
    (started) => {
      ({ app, board } = started);
    },
  );

  it('create exactly one referral for one member and one posting', async () => {
    const { postingId, ts } = await shareJob(app, board, '/jobs/parallel');
    const view = await openInterestModalOnCard(app, postingId, 'U0EAGER', ts);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        submitInterestForm(app, { user: 'U0EAGER', view, form: { note: 'please' } }),
      ),
    );
    for (const response of responses) expect(response.status).toBe(200);
    const db = await createDatabase({ url: app.databaseUrl, logger: createLogger('silent') });
    try {
      await expect
        .poll(
          async () =>
            (await db.prisma.referralEvent.count()) > 0 && app.slack.calls('chat.postMessage').length >= 50,
          {
            timeout: 20_000,
          },
        )
        .toBe(true);
      expect(await db.prisma.referral.count({ where: { postingId } })).toBe(1);
      expect(await db.prisma.referralEvent.count()).toBe(1);
      // Every submission was answered (49 "you already told Vouch"), none ended in an error.
      expect(app.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
