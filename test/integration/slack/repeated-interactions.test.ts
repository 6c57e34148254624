import { expect, it } from 'vitest';
import { dmsTo } from '../../helpers/slack-blocks.js';
import {
  interestFormValues,
  openInterestModal,
  openTagModal,
  settle,
  shareJobPage,
  tagFormValues,
  waitForDm,
} from '../../helpers/slack-flows.js';
import { CANDIDATE, CHANNEL, SHARER } from '../../helpers/slack-members.js';
import { blockAction, viewSubmission } from '../../helpers/slack-payloads.mjs';
import { useSlackFlowSuite } from '../../helpers/suite-app.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

/**
 * Issue #11, "Replays and repeats": the same signed interaction delivered again (Slack's scheme
 * allows a replay within five minutes, and clients retry) has no second effect.
 */

describeEachDatabase('repeated interactions', (kind) => {
  const suite = useSlackFlowSuite(kind);

  /** A posting of its own at `company`, shared in the channel after `referrers` said they refer there. */
  function freshPosting(company: string, referrers: readonly string[] = []) {
    const n = suite.freshNumber();
    return shareJobPage(suite.app, suite.board, {
      path: `/jobs/repeat-${kind}-${n}`,
      title: `Repeat Engineer ${n}`,
      company,
      channel: CHANNEL,
      sharer: SHARER,
      referrers,
    });
  }

  it('lists a member once when the same "I can refer" click arrives twice', async () => {
    const { app, db } = suite;
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
    const { app, db } = suite;
    const { postingId } = await freshPosting(`Hundred ${kind}`, ['U0HUNDREDREF']);
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
    const { app } = suite;
    const { postingId } = await freshPosting(`Tagged ${kind}`);
    const { view } = await openTagModal(app, { user: SHARER, postingId, channel: CHANNEL });
    const submission = viewSubmission({
      user: SHARER,
      view,
      values: tagFormValues('U0TAGGEDONCE', 'candidate'),
    });
    await Promise.all(Array.from({ length: 20 }, () => app.requests.interaction(submission)));
    await waitForDm(app, 'U0TAGGEDONCE', { matching: /might be interested/ });
    await settle(500);
    expect(dmsTo(app, 'U0TAGGEDONCE')).toHaveLength(1);
    // …and one confirmation to the tagger, not nineteen "already told".
    expect(dmsTo(app, SHARER)).toHaveLength(1);
  });

  it('reaches 60 referrers of an open request with one invitation each, and the candidate with one DM', async () => {
    const { app } = suite;
    const referrers = Array.from({ length: 60 }, (_, i) => `U0SIXTY${String(i).padStart(2, '0')}`);
    const { postingId } = await freshPosting(`Sixty ${kind}`, referrers);
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
