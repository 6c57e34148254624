import { expect, it } from 'vitest';
import { eventually, pause, useCrashHarness } from '../../helpers/crash-harness.js';
import type { RecordedCall } from '../../helpers/fake-slack-api.mjs';
import { dmChannelOf, mentions, textOf } from '../../helpers/slack-blocks.js';
import {
  clickButton,
  openInterestModal,
  type SlackSide,
  shareJobByCommand,
  submitInterestForm,
} from '../../helpers/slack-flows.js';
import { isBuilt } from '../../helpers/spawn-vouch.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

const CHANNEL = 'C0CRASHFU';

/**
 * What a change owes people after its commit (DMs, cards redrawn), with the process SIGKILLed right
 * after the commit: done after a restart, once, with no re-delivery. Before, these ran from memory
 * after the commit, and the delivery was already marked handled: a crash there lost them.
 */
describeEachDatabase('the follow-ups of a committed change survive a SIGKILL of the process', (kind) => {
  const harness = useCrashHarness(kind);
  let counter = 0;

  /** DMs the bot posted to `user` that Slack took, naming `needle`. */
  const dmsNaming = (user: string, needle: string): RecordedCall[] =>
    harness
      .slack()
      .calls('chat.postMessage')
      .filter(
        (c) =>
          c.failed === undefined && c.args.channel === dmChannelOf(user) && textOf(c.args).includes(needle),
      );

  /** Card redraws (`chat.update`) in CHANNEL of the card for `url`. */
  const redrawsOf = (url: string) =>
    harness
      .slack()
      .calls('chat.update')
      .filter((c) => c.args.channel === CHANNEL && mentions(c.args.blocks, url));

  /** A job shared by command in CHANNEL; `waiting` said they are interested (nobody could refer yet). */
  async function postingWithWaitingCandidate(side: SlackSide, waiting: string) {
    counter += 1;
    const url = harness.board().job(`/jobs/crash-fu-${counter}`, {
      title: `Engineer fu ${counter}`,
      company: `Fuco ${counter}`,
    });
    const { postingId } = await shareJobByCommand(side, { url, channel: CHANNEL, user: 'U0FUSHARER' });
    const { view } = await openInterestModal(side, { postingId, user: waiting, channel: CHANNEL });
    const submitted = await submitInterestForm(side, { user: waiting, view, form: { note: 'hi' } });
    expect(submitted.status).toBe(200);
    await harness
      .slack()
      .waitFor('views.publish', (c) => c.args.user_id === waiting && mentions(c.args, postingId));
    return { url, postingId };
  }

  it.skipIf(!isBuilt)(
    '"I can refer" committed just before the process dies still tells the waiting candidate, once, and redraws the card',
    async () => {
      const slack = harness.slack();
      const first = await harness.startVouch();
      const [waiting, referrer] = [`U0FUWAIT${counter}`, `U0FUREF${counter}`];
      const { url, postingId } = await postingWithWaitingCandidate(first.side, waiting);
      const redrawsBefore = redrawsOf(url).length;

      // The click's "thanks" (after its commit) and any DM wait on Slack when the process dies.
      slack.hold('chat.postEphemeral', 60_000);
      slack.hold('chat.postMessage', 60_000);
      const click = await clickButton(first.side, {
        user: referrer,
        actionId: 'i_can_refer',
        value: postingId,
        channel: CHANNEL,
      });
      expect(click.status).toBe(200);
      await eventually(
        () => slack.calls('chat.postEphemeral').some((c) => c.args.user === referrer),
        'the click to commit',
      );
      await pause(300);
      await harness.kill(first.vouch);
      slack.hold('chat.postEphemeral', 0);
      slack.hold('chat.postMessage', 0);

      await harness.startVouch();
      const told = `<@${referrer}> can refer`;
      await eventually(() => dmsNaming(waiting, told).length > 0, 'the waiting candidate to be told');
      await eventually(() => redrawsOf(url).length > redrawsBefore, 'the card to be redrawn');
      await pause(3_000);
      // Told once: a DM that reached Slack before the kill is found by its job key, not sent again.
      expect(dmsNaming(waiting, told)).toHaveLength(1);
    },
    90_000,
  );

  it.skipIf(!isBuilt)(
    'an erasure committed just before the process dies still redraws the cards that showed the member',
    async () => {
      const slack = harness.slack();
      const first = await harness.startVouch();
      const [waiting, leaving] = [`U0FUWAIT${counter}E`, `U0FULEAVE${counter}`];
      const { url, postingId } = await postingWithWaitingCandidate(first.side, waiting);
      const unlisted = redrawsOf(url).length;
      await clickButton(first.side, {
        user: leaving,
        actionId: 'i_can_refer',
        value: postingId,
        channel: CHANNEL,
      });
      await eventually(() => redrawsOf(url).length > unlisted, 'the card to count them');
      await pause(1_000);
      const redrawsBefore = redrawsOf(url).length;

      // The erasure's answer to the clicker (after its commit) waits on Slack when the process dies.
      slack.hold('response_url', 60_000);
      const responseUrl = slack.responseUrl(`erase-${leaving}`);
      const click = await clickButton(first.side, {
        user: leaving,
        actionId: 'privacy_erase_everything',
        value: 'erase',
        channel: CHANNEL,
        responseUrl,
      });
      expect(click.status).toBe(200);
      await eventually(
        () => slack.calls('response_url').some((c) => responseUrl.endsWith(String(c.args.path))),
        'the erasure to commit',
      );
      await harness.kill(first.vouch);
      slack.hold('response_url', 0);
      expect(
        await harness.withDatabase((db) => db.prisma.postingReferrer.count({ where: { postingId } })),
      ).toBe(0);

      await harness.startVouch();
      await eventually(() => redrawsOf(url).length > redrawsBefore, 'the card to be redrawn');
    },
    90_000,
  );
});
