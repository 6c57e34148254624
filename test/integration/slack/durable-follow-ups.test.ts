import { expect, it } from 'vitest';
import type { Database } from '../../../src/db/client.js';
import { encodeRememberCompany } from '../../../src/slack/blocks/action-values.js';
import { DM_METADATA_EVENT } from '../../../src/slack/effects/effect-handlers.js';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import type { RecordedCall } from '../../helpers/fake-slack-api.mjs';
import { dmChannelOf, dmsTo, textOf } from '../../helpers/slack-blocks.js';
import {
  askVouch,
  clickButton,
  expressInterest,
  settle,
  shareJobByCommand,
  waitForDm,
  waitForHome,
} from '../../helpers/slack-flows.js';
import type { TestApp } from '../../helpers/start-test-app.js';
import { useAppAndDatabaseForSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

const CHANNEL = 'C0DURABLE';
const SHARER = 'U0DSHARER';
const DAY = 86_400_000;

/**
 * What follows a change ("I can refer", `/vouch refer-at`, "remember me", a reminder) is written as
 * jobs with the change, so Slack failing the first attempt of a DM (`internal_error`, which Slack
 * asks to retry) delays it and loses nothing. Before, these DMs were sent from memory after the
 * commit, and a failed one was logged and gone.
 */
describeEachDatabase('follow-ups of a change survive Slack failing their first attempt', (kind) => {
  let app: TestApp;
  let board: FakeJobBoard;
  let db: Database;
  let counter = 0;
  useAppAndDatabaseForSuite({ database: kind, startBoard: startFakeJobBoard }, (started) => {
    ({ app, board, db } = started);
  });

  /** A card at a fresh company nobody refers at yet; `waiting` said they are interested in it. */
  async function postingWithWaitingCandidate(waiting: string) {
    counter += 1;
    const company = `Durableco ${kind} ${counter}`;
    const title = `Engineer ${kind} ${counter}`;
    const url = board.job(`/jobs/durable-${kind}-${counter}`, { title, company });
    const card = await shareJobByCommand(app, { url, channel: CHANNEL, user: SHARER });
    await expressInterest(
      app,
      { postingId: card.postingId, user: waiting, channel: CHANNEL },
      { note: 'hi' },
    );
    await waitForHome(app, waiting, { including: card.postingId });
    return { ...card, company, title };
  }

  /** DMs Slack took for `user` (the attempts it failed left out). */
  const delivered = (user: string): RecordedCall[] => dmsTo(app, user).filter((c) => c.failed === undefined);

  /** DMs to `user` naming `referrer` as someone who can refer now. */
  const toldOf = (user: string, referrer: string): RecordedCall[] =>
    delivered(user).filter((c) => textOf(c.args.blocks).includes(`<@${referrer}> can refer`));

  /** Resolves with the first DM to `user` that Slack took and whose text `matching` finds. */
  const deliveredDm = (user: string, matching: RegExp): Promise<RecordedCall> =>
    app.slack.waitFor(
      'chat.postMessage',
      (c) => c.failed === undefined && c.args.channel === dmChannelOf(user) && matching.test(textOf(c.args)),
      15_000,
    );

  /** The next `times` chat.postMessage calls answer `internal_error` (retryable, not a refusal). */
  const failNextPosts = (times: number) =>
    app.slack.fail('chat.postMessage', { kind: 'slack_error', error: 'internal_error' }, times);

  it('"I can refer" tells a waiting candidate and invites the referrer to an open request, each once', async () => {
    const [waiting, asking, first, late] = [
      `U0DWAIT${counter}A`,
      `U0DASK${counter}A`,
      'U0DREF1A',
      'U0DLATE1A',
    ];
    const { postingId, card, title } = await postingWithWaitingCandidate(waiting);
    // A first referrer, then a candidate asking anyone: an open request that reached only them.
    await clickButton(app, { user: first, actionId: 'i_can_refer', value: postingId, channel: CHANNEL });
    await waitForDm(app, waiting, { matching: new RegExp(`<@${first}> can refer`) });
    await expressInterest(
      app,
      { postingId, user: asking, channel: CHANNEL },
      { note: 'hi', referrer: 'anyone' },
    );
    await waitForDm(app, first, { textMatching: /^Someone is interested/ });
    app.slack.reset();

    failNextPosts(2);
    const click = await clickButton(app, {
      user: late,
      actionId: 'i_can_refer',
      value: postingId,
      channel: CHANNEL,
    });
    expect(click.status).toBe(200);
    await deliveredDm(waiting, new RegExp(`<@${late}> can refer`));
    await deliveredDm(late, /^Someone is interested/);
    // The card now counts the late referrer too.
    await app.slack.waitFor(
      'chat.update',
      (c) => c.args.ts === card.args.ts || textOf(c.args.blocks).includes(title),
    );
    await settle(1_500);
    expect(toldOf(waiting, late)).toHaveLength(1);
    expect(
      dmsTo(app, late).filter((c) => String(c.args.text).startsWith('Someone is interested')),
    ).toHaveLength(1);
    // Both attempts that Slack failed were made: the DMs above are their retries.
    expect(app.slack.calls('chat.postMessage').length).toBeGreaterThanOrEqual(4);
    const offers = await db.prisma.referralOffer.findMany({
      where: { referral: { postingId }, referrer: { slackUserId: late } },
    });
    expect(offers.map((o) => o.status)).toEqual(['invited']);
  });

  it('`/vouch refer-at <company>` tells the candidates waiting there, once, and refreshes the Home', async () => {
    const waiting = `U0DWAIT${counter}B`;
    const referrer = `U0DREFAT${counter}B`;
    const { company } = await postingWithWaitingCandidate(waiting);
    app.slack.reset();

    failNextPosts(1);
    await askVouch(app, { text: `refer-at ${company}`, user_id: referrer });
    await deliveredDm(waiting, new RegExp(`<@${referrer}> can refer`));
    await waitForHome(app, referrer, { including: company });
    // Said again: already listed, nobody is told twice.
    await askVouch(app, { text: `refer-at ${company}`, user_id: referrer });
    await settle(1_500);
    expect(toldOf(waiting, referrer)).toHaveLength(1);
  });

  it('"remember me for this company" tells the candidates waiting there, once', async () => {
    const waiting = `U0DWAIT${counter}C`;
    const referrer = `U0DREMEM${counter}C`;
    const { company, postingId } = await postingWithWaitingCandidate(waiting);
    app.slack.reset();

    failNextPosts(1);
    const answer = () =>
      clickButton(app, {
        user: referrer,
        actionId: 'remember_referrer_company_yes',
        value: encodeRememberCompany({ company, postingId }),
        channel: CHANNEL,
      });
    expect((await answer()).status).toBe(200);
    await deliveredDm(waiting, new RegExp(`<@${referrer}> can refer`));
    await waitForHome(app, referrer, { including: company });
    expect((await answer()).status).toBe(200);
    await settle(1_500);
    expect(toldOf(waiting, referrer)).toHaveLength(1);
  });

  it('a reminder DM is a job: Slack failing its first attempt delays it, once, marked with its job key', async () => {
    counter += 1;
    const [candidate, referrer] = [`U0DCAND${counter}D`, `U0DREMIND${counter}D`];
    const company = `Remindco ${kind} ${counter}`;
    await askVouch(app, { text: `refer-at ${company}`, user_id: referrer });
    const url = board.job(`/jobs/durable-remind-${kind}-${counter}`, {
      title: `Engineer ${counter}`,
      company,
    });
    const { postingId } = await shareJobByCommand(app, { url, channel: CHANNEL, user: SHARER });
    await expressInterest(app, { postingId, user: candidate, channel: CHANNEL }, { note: 'hi', referrer });
    await waitForDm(app, referrer, { matching: new RegExp(`<@${candidate}>`) });
    await waitForHome(app, candidate, { including: postingId });
    const referral = await db.prisma.referral.findFirstOrThrow({ where: { postingId } });
    expect(referral.status).toBe('requested');
    await db.prisma.referral.update({
      where: { id: referral.id },
      data: { statusChangedAt: new Date(Date.now() - 30 * DAY) },
    });
    await settle(1_000);
    app.slack.reset();

    failNextPosts(1);
    expect(await app.vouch.jobs.reminders.runOnce()).toBeGreaterThanOrEqual(1);
    const reminder = await deliveredDm(referrer, /^Reminder/);
    expect(reminder.args.metadata).toMatchObject({ event_type: DM_METADATA_EVENT });
    await settle(1_500);
    expect(delivered(referrer).filter((c) => String(c.args.text).startsWith('Reminder'))).toHaveLength(1);
    expect(app.slack.calls('chat.postMessage').filter((c) => c.failed !== undefined)).toHaveLength(1);
  });
});
