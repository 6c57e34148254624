import { expect, it } from 'vitest';
import { eventually, pause, type StartedVouch, useCrashHarness } from '../../helpers/crash-harness.js';
import { dmChannelOf } from '../../helpers/slack-blocks.js';
import {
  clickButton,
  openInterestModal,
  shareJobByCommand,
  submitInterestForm,
} from '../../helpers/slack-flows.js';
import { linkSharedEvent } from '../../helpers/slack-payloads.mjs';
import { isBuilt } from '../../helpers/spawn-vouch.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

describeEachDatabase('acknowledged work survives a SIGKILL of the process', (kind) => {
  const harness = useCrashHarness(kind);

  it.skipIf(!isBuilt)(
    'a link being fetched when the process dies gets its card after a restart, once, without any re-delivery',
    async () => {
      const [slack, board] = [harness.slack(), harness.board()];
      const url = board.job(
        '/jobs/crash-card',
        { title: 'Staff Engineer', company: 'Crashco' },
        { delayMs: 30_000 },
      );
      const first = await harness.startVouch();
      const shared = linkSharedEvent({ channel: 'C0CRASH', user: 'U0CRASH', urls: [url] });
      const ack = await first.side.requests.eventCallback(shared);
      expect(ack.status).toBe(200);
      await eventually(() => board.requests('/jobs/crash-card').length > 0, 'the fetch to start');
      await harness.kill(first.vouch);
      expect(slack.calls('chat.unfurl')).toEqual([]);

      // The board answers now; nobody sends the event again.
      board.job('/jobs/crash-card', { title: 'Staff Engineer', company: 'Crashco' }, { delayMs: 0 });
      const second = await harness.startVouch();
      const unfurl = await slack.waitFor('chat.unfurl', (c) => c.args.ts === shared.message_ts, 20_000);
      expect(JSON.stringify(unfurl.args.unfurls)).toContain('Staff Engineer');

      // Slack re-delivering the same event now finds the job and starts nothing.
      const again = await second.side.requests.eventCallback(shared, { eventId: ack.eventId, retryNum: 1 });
      expect(again.status).toBe(200);
      await pause(1_500);
      expect(slack.calls('chat.unfurl').filter((c) => c.args.ts === shared.message_ts)).toHaveLength(1);
    },
    60_000,
  );

  /** DMs the bot posted to `user` (the fake keeps every chat.postMessage it answered or held). */
  const dmsTo = (user: string) =>
    harness
      .slack()
      .calls('chat.postMessage')
      .filter((c) => c.args.channel === dmChannelOf(user));

  /** A posting shared by command, with `referrer` listed as able to refer; returns its id. */
  async function postingWithReferrer(
    { side }: StartedVouch,
    slug: string,
    referrer: string,
  ): Promise<string> {
    const url = harness.board().job(`/jobs/${slug}`, { title: `Engineer ${slug}`, company: `Co ${slug}` });
    const { postingId } = await shareJobByCommand(side, { url, channel: 'C0CRASH', user: 'U0SHARER' });
    await clickButton(side, {
      user: referrer,
      actionId: 'i_can_refer',
      value: postingId,
      channel: 'C0CRASH',
    });
    await harness.slack().waitFor('chat.postEphemeral', (c) => c.args.user === referrer);
    return postingId;
  }

  it.skipIf(!isBuilt)(
    'DMs being sent when the process dies reach each person once after a restart, without any re-delivery',
    async () => {
      const slack = harness.slack();
      const first = await harness.startVouch();
      const [candidate, referrer] = ['U0CRCAND1', 'U0CRREF1'];
      const postingId = await postingWithReferrer(first, 'crash-dm', referrer);
      const { view } = await openInterestModal(first.side, {
        postingId,
        user: candidate,
        channel: 'C0CRASH',
      });
      // Slack takes the DMs in, and its answers never make it back: the process dies first.
      slack.hold('chat.postMessage', 60_000);
      const submitted = await submitInterestForm(first.side, {
        user: candidate,
        view,
        form: { note: 'I know the stack', referrer },
      });
      expect(submitted.status).toBe(200);
      await eventually(
        () =>
          dmsTo(candidate).length > 0 &&
          dmsTo(referrer).some((c) => JSON.stringify(c.args.blocks).includes(candidate)),
        'both DMs to reach Slack',
      );
      await harness.kill(first.vouch);
      slack.hold('chat.postMessage', 0);

      await harness.startVouch();
      // The restarted process claims the jobs once their lease runs out, finds each DM in its
      // conversation (its job key is in the message metadata) and does not post it again.
      await pause(4_000);
      const requests = dmsTo(referrer).filter((c) => String(c.args.text).includes('Engineer crash-dm'));
      expect(requests.filter((c) => JSON.stringify(c.args.blocks).includes(candidate))).toHaveLength(1);
      expect(dmsTo(candidate)).toHaveLength(1);
    },
    60_000,
  );

  it.skipIf(!isBuilt)(
    'a process killed at any moment of an interest submission leaves the referral and all its DMs, or neither',
    async () => {
      const outcomes: string[] = [];
      // The last round kills right after the answer: the one moment known to follow the write.
      const moments: Array<number | 'answered'> = [0, 15, 40, 80, 150, 'answered'];
      for (const [round, killAfterMs] of moments.entries()) {
        const vouch = await harness.startVouch();
        const [candidate, referrer] = [`U0CRCAND${round}X`, `U0CRREF${round}X`];
        const postingId = await postingWithReferrer(vouch, `crash-write-${round}`, referrer);
        const { view } = await openInterestModal(vouch.side, {
          postingId,
          user: candidate,
          channel: 'C0CRASH',
        });
        const submission = submitInterestForm(vouch.side, {
          user: candidate,
          view,
          form: { note: 'hi', referrer },
        }).then(
          (r) => r.status,
          () => 'no answer',
        );
        if (killAfterMs === 'answered') await submission;
        else await pause(killAfterMs);
        await harness.kill(vouch.vouch);
        const answered = await submission;

        const restarted = await harness.startVouch();
        await pause(3_000);
        const toCandidate = dmsTo(candidate).length;
        const toReferrer = dmsTo(referrer).filter((c) =>
          JSON.stringify(c.args.blocks).includes(candidate),
        ).length;
        outcomes.push(
          `${killAfterMs}${killAfterMs === 'answered' ? '' : ' ms'}: answered ${answered}, DMs ${toCandidate}/${toReferrer}`,
        );
        // All or nothing, and an acknowledged submission is never lost.
        expect([`${toCandidate}/${toReferrer}`]).toContain(toCandidate === 0 ? '0/0' : '1/1');
        if (answered === 200) expect(toCandidate).toBe(1);
        await harness.kill(restarted.vouch);
      }
      console.info(`interest submission killed mid-way [${kind}]: ${outcomes.join('; ')}`);
    },
    180_000,
  );

  it.skipIf(!isBuilt)(
    'an "I can refer" click acknowledged before a crash takes effect once: not lost before its write, not toggled twice after it',
    async () => {
      const [slack, board] = [harness.slack(), harness.board()];
      const first = await harness.startVouch();
      const url = board.job('/jobs/crash-click', { title: 'Engineer crash-click', company: 'Clickco' });
      const { postingId } = await shareJobByCommand(first.side, {
        url,
        channel: 'C0CRASH',
        user: 'U0SHARER',
      });
      const referrers = () => referrerCount(postingId);

      // Killed before its write: the click waits on Slack (users.info) when the process dies.
      slack.hold('users.info', 60_000);
      const before = await clickButton(first.side, {
        user: 'U0CLICK1',
        actionId: 'i_can_refer',
        value: postingId,
        channel: 'C0CRASH',
      });
      expect(before.status).toBe(200);
      await slack.waitFor('users.info', (c) => c.args.user === 'U0CLICK1');
      await harness.kill(first.vouch);
      slack.hold('users.info', 0);
      expect(await referrers()).toBe(0);

      // Killed after its write: the click waits on Slack (its private "thanks") when the process dies.
      const second = await harness.startVouch();
      await eventually(
        () => slack.calls('chat.postEphemeral').some((c) => c.args.user === 'U0CLICK1'),
        'the first click to take effect',
      );
      expect(await referrers()).toBe(1);
      slack.hold('chat.postEphemeral', 60_000);
      await clickButton(second.side, {
        user: 'U0CLICK2',
        actionId: 'i_can_refer',
        value: postingId,
        channel: 'C0CRASH',
      });
      await eventually(
        () => slack.calls('chat.postEphemeral').some((c) => c.args.user === 'U0CLICK2'),
        'the second click to write',
      );
      await harness.kill(second.vouch);
      slack.hold('chat.postEphemeral', 0);

      await harness.startVouch();
      await pause(3_000);
      // Both listed, once each: the first click ran again and took effect, the second did not run again.
      expect(await referrers()).toBe(2);
    },
    60_000,
  );

  /** Members listed as able to refer on a posting, read from the database the processes share. */
  const referrerCount = (postingId: string) =>
    harness.withDatabase((db) => db.prisma.postingReferrer.count({ where: { postingId } }));
});
