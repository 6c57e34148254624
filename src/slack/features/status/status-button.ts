import type { BlockAction } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { statusLabel } from '../../../referrals/status-machine.js';
import { addJob } from '../../../work/work-queue.js';
import { parseStatusUpdate } from '../../blocks/action-values.js';
import { context } from '../../blocks/block-kit.js';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import { statusNoticeJob } from '../../effects/notice-jobs.js';
import { completeDeliveryWithin } from '../../transport/durable-deliveries.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick, refusePrivately } from '../listener-kit.js';

/** Removes the buttons of a handled message and says what happened, so nobody clicks twice. */
function settledBlocks(original: unknown, line: string): KnownBlock[] {
  const blocks = Array.isArray(original) ? (original as KnownBlock[]) : [];
  return [...blocks.filter((b) => b.type !== 'actions'), context(line)].slice(0, 50);
}

/**
 * Moving a referral along: status buttons in DMs and on the Home tab, "I referred them", "Decline".
 * Permission is the state machine's: a click by someone not allowed is refused with the reason.
 * The clicked message loses its buttons; the other party hears of the change.
 */
export function onStatusButton(
  deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'work' | 'logger'>,
): ActionListener<BlockAction> {
  const { referrals, notifier, work, logger } = deps;
  return onClick(deps, 'status button', async (click, { body, client, context }) => {
    const update = parseStatusUpdate(click.value);
    if (update === null) return logger.warn('malformed status button ignored');
    const member = await referrals.ensureMember(click.teamId, click.userId);
    // The change, "this click is handled" and "everyone concerned will be told" commit together.
    const change = await referrals.changeStatus(
      { referralId: update.referralId, actor: { kind: 'member', memberId: member.id }, to: update.to },
      async (tx, written) => {
        await completeDeliveryWithin(tx, context);
        // The clicker's own Home too (an invited referrer is not one of the parties notices tell).
        await addJob(tx, statusNoticeJob(written, { teamId: click.teamId, userId: click.userId }));
      },
    );
    if (!change.ok) return refusePrivately(notifier, click, change);
    const done = change.offerOnly
      ? "👋 Okay: you're out of this request. Nobody is told who declined."
      : `✅ You marked this *${escapeMrkdwn(statusLabel(change.to))}*.`;
    // The clicked message is rewritten from the blocks the payload carries: only in a DM with the
    // clicker (`D…`), where nobody else can read what a crafted payload would put there. Status
    // buttons live in DMs and on the Home tab, never in a channel.
    const inOwnDm = click.channel?.startsWith('D') === true;
    if (
      inOwnDm &&
      click.channel !== undefined &&
      click.messageTs !== undefined &&
      body.container?.type === 'message'
    ) {
      await client.chat
        .update({
          channel: click.channel,
          ts: click.messageTs,
          text: change.offerOnly ? 'You declined this request.' : `Marked as ${statusLabel(change.to)}`,
          blocks: settledBlocks(body.message?.blocks, done),
        })
        .catch((error: unknown) => logger.info({ err: error }, 'could not update the clicked message'));
    }
    work.wake();
  });
}
