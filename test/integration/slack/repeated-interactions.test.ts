import { expect, it } from 'vitest';
import type { Database } from '../../../src/db/client.js';
import { type FakeJobBoard, startFakeJobBoard } from '../../helpers/fake-job-board.mjs';
import { dmsTo } from '../../helpers/slack-blocks.js';
import {
  askVouch,
  interestFormValues,
  openInterestModal,
  settle,
  shareJobByCommand,
  waitForDm,
} from '../../helpers/slack-flows.js';
import { blockAction, viewSubmission } from '../../helpers/slack-payloads.mjs';
import type { TestApp } from '../../helpers/start-test-app.js';
import { useAppAndDatabaseForSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

/**
 * Issue #11, "Replays and repeats": the same signed interaction delivered again (Slack's scheme
 * allows a replay within five minutes, and clients retry) has no second effect.
 */
const CHANNEL = 'C0REPEATS';
const SHARER = 'U0REPSHARER';
const CANDIDATE = 'U0REPCAND';

describeEachDatabase('repeated interactions', (kind) => {
  let app: TestApp;
  let board: FakeJobBoard;
  let db: Database;
  let counter = 0;
  useAppAndDatabaseForSuite({ database: kind, startBoard: startFakeJobBoard }, (started) => {
    ({ app, board, db } = started);
  });

  async function freshPosting(company: string) {
    counter += 1;
    const url = board.job(`/jobs/repeat-${kind}-${counter}`, {
      title: `Repeat Engineer ${counter}`,
      company,
    });
    return shareJobByCommand(app, { url, channel: CHANNEL, user: SHARER });
  }

  it('lists a member once when the same "I can refer" click arrives twice', async () => {
    const { postingId } = await freshPosting(`Twice ${kind}`);
    const click = blockAction({
      user: 'U0TWICE',
      actionId: 'i_can_refer',
      value: postingId,
      channel: CHANNEL,
      responseUrl: app.slack.responseUrl('twice'),
    });
    await app.requests.interaction(click);
    await app.requests.interaction(click);
    await app.slack.waitFor('chat.postEphemeral', (c) => c.args.user === 'U0TWICE');
    await settle(300);
    expect(await db.prisma.postingReferrer.count({ where: { postingId } })).toBe(1);
    expect(app.slack.calls('chat.postEphemeral').filter((c) => c.args.user === 'U0TWICE')).toHaveLength(1);
  });

  it('makes one referral and one DM to each person of one interest form submitted 100 times at once', async () => {
    const company = `Hundred ${kind}`;
    await askVouch(app, { text: `refer-at ${company}`, user_id: 'U0HUNDREDREF' });
    const { postingId } = await freshPosting(company);
    const { view } = await openInterestModal(app, { postingId, user: CANDIDATE, channel: CHANNEL });
    const submission = viewSubmission({
      user: CANDIDATE,
      view,
      values: interestFormValues({ note: 'once, please', referrer: 'anyone' }),
    });
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => app.requests.interaction(submission)),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await waitForDm(app, CANDIDATE, { matching: /without your name/ });
    await waitForDm(app, 'U0HUNDREDREF', { matching: /is interested in/ });
    await settle(500);
    expect(await db.prisma.referral.count({ where: { postingId } })).toBe(1);
    expect(dmsTo(app, CANDIDATE)).toHaveLength(1);
    expect(dmsTo(app, 'U0HUNDREDREF')).toHaveLength(1);
  });

  it('sends one DM for one tag submitted 20 times', async () => {
    const { postingId } = await freshPosting(`Tagged ${kind}`);
    await app.requests.interaction(
      blockAction({
        user: SHARER,
        actionId: 'tag_someone',
        value: postingId,
        channel: CHANNEL,
        responseUrl: app.slack.responseUrl('tag'),
      }),
    );
    const opened = await app.slack.waitFor(
      'views.open',
      (c) => (c.args.view as { callback_id?: string }).callback_id === 'tag_submit',
    );
    const submission = viewSubmission({
      user: SHARER,
      view: opened.args.view as Record<string, unknown>,
      values: {
        tag_user: { user: { type: 'users_select', selected_user: 'U0TAGGEDONCE' } },
        tag_role: { role: { type: 'radio_buttons', selected_option: { value: 'candidate' } } },
      },
    });
    await Promise.all(Array.from({ length: 20 }, () => app.requests.interaction(submission)));
    await waitForDm(app, 'U0TAGGEDONCE', { matching: /might be interested/ });
    await settle(500);
    expect(dmsTo(app, 'U0TAGGEDONCE')).toHaveLength(1);
    // …and one confirmation to the tagger, not nineteen "already told".
    expect(dmsTo(app, SHARER)).toHaveLength(1);
  });

  it('reaches 60 referrers of an open request with one invitation each, and the candidate with one DM', async () => {
    const company = `Sixty ${kind}`;
    const referrers = Array.from({ length: 60 }, (_, i) => `U0SIXTY${String(i).padStart(2, '0')}`);
    for (const referrer of referrers) await askVouch(app, { text: `refer-at ${company}`, user_id: referrer });
    const { postingId } = await freshPosting(company);
    const { view } = await openInterestModal(app, { postingId, user: 'U0SIXTYCAND', channel: CHANNEL });
    await app.requests.interaction(
      viewSubmission({
        user: 'U0SIXTYCAND',
        view,
        values: interestFormValues({ note: 'sixty', referrer: 'anyone' }),
      }),
    );
    await waitForDm(app, 'U0SIXTYCAND', { matching: /60 people who can refer/, timeoutMs: 20_000 });
    await expect
      .poll(() => referrers.filter((r) => dmsTo(app, r).length > 0).length, { timeout: 20_000 })
      .toBe(60);
    await settle(300);
    expect(referrers.map((r) => dmsTo(app, r).length)).toEqual(referrers.map(() => 1));
    expect(dmsTo(app, 'U0SIXTYCAND')).toHaveLength(1);
  });
});
