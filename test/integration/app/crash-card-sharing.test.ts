import { expect, it } from 'vitest';
import { eventually, pause, useCrashHarness } from '../../helpers/crash-harness.js';
import { mentions } from '../../helpers/slack-blocks.js';
import { channelMessageEvent, messageShortcut } from '../../helpers/slack-payloads.mjs';
import { isBuilt } from '../../helpers/spawn-vouch.js';
import { describeEachDatabase } from '../../helpers/test-database.js';

const CHANNEL = 'C0CRASHCARD';

/**
 * A card posted for `/vouch <url>`, as a thread reply or by the message shortcut, with the process SIGKILLed after Slack took
 * the card and before its ts was recorded: the delivery runs again after a restart and finds its
 * card by the claim in its metadata (a thread card among the thread's replies), instead of posting
 * a second one.
 */
describeEachDatabase('a card posted just before a SIGKILL is posted once', (kind) => {
  const harness = useCrashHarness(kind);
  let counter = 0;

  const how = {
    command: '`/vouch <url>`',
    thread: 'a link in a channel message (thread reply)',
    shortcut: 'the message shortcut (thread reply)',
  } as const;
  for (const where of ['command', 'thread', 'shortcut'] as const) {
    it.skipIf(!isBuilt)(
      `a card posted for ${how[where]} is found after a restart, not posted again`,
      async () => {
        const slack = harness.slack();
        const first = await harness.startVouch();
        counter += 1;
        const url = harness.board().job(`/jobs/crash-card-${where}-${counter}`, {
          title: `Engineer card ${counter}`,
          company: `Cardco ${counter}`,
        });
        const cards = () =>
          slack
            .calls('chat.postMessage')
            .filter((c) => c.failed === undefined && c.args.channel === CHANNEL && mentions(c.args, url));

        // Slack takes the card in; its answer (the ts to record) never makes it back.
        slack.hold('chat.postMessage', 60_000);
        let threadTs: string | undefined;
        if (where === 'command') {
          const response = await first.side.requests.command({
            text: url,
            user_id: 'U0CARDS',
            channel_id: CHANNEL,
          });
          expect(response.status).toBe(200);
        } else if (where === 'thread') {
          const message = channelMessageEvent({
            channel: CHANNEL,
            user: 'U0CARDS',
            text: `Hiring: <${url}>`,
          });
          threadTs = message.ts;
          expect((await first.side.requests.eventCallback(message)).status).toBe(200);
        } else {
          const shortcut = messageShortcut({
            user: 'U0CARDS',
            channel: CHANNEL,
            text: `Hiring: <${url}>`,
            responseUrl: slack.responseUrl(`shortcut-${counter}`),
          });
          threadTs = shortcut.message_ts;
          expect((await first.side.requests.interaction(shortcut)).status).toBe(200);
        }
        await eventually(() => cards().length > 0, 'the card to reach Slack');
        await harness.kill(first.vouch);
        slack.hold('chat.postMessage', 0);

        await harness.startVouch();
        const recordedTs = () =>
          harness.withDatabase(
            async (db) =>
              (await db.prisma.share.findFirst({ where: { channelId: CHANNEL, url } }))?.cardTs ?? null,
          );
        await expect.poll(recordedTs, { timeout: 20_000, interval: 500 }).not.toBeNull();
        await pause(2_000);
        expect(cards()).toHaveLength(1);
        if (threadTs !== undefined) expect(cards()[0]?.args.thread_ts).toBe(threadTs);
      },
      90_000,
    );
  }
});
