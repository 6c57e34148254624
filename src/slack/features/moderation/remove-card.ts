import type { BlockAction, OverflowAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { addJob } from '../../../work/work-queue.js';
import { parseCardMenuChoice } from '../../blocks/action-values.js';
import { removeCardReplies } from '../../blocks/moderation-blocks.js';
import { cardDeleteJob } from '../../effects/card-removal.js';
import { completeDeliveryWithin } from '../../transport/durable-deliveries.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, type Click, onClick } from '../listener-kit.js';

/**
 * "Remove card" in a card's "…" menu (after Slack's confirmation): the member who shared the card,
 * or a workspace admin, removes it. The removal (who, when), "this click is handled" and the job that
 * deletes the card message commit together; the posting, its referrers, referrals and follows stay.
 * Anyone else is told, privately, who can.
 */
export function onCardMenu(
  deps: Pick<FeatureDeps, 'shares' | 'referrals' | 'memberProfiles' | 'notifier' | 'work' | 'logger'>,
): ActionListener<BlockAction<OverflowAction>> {
  const { shares, referrals, memberProfiles, notifier, work, logger } = deps;

  /** Whether the clicker is a workspace admin or owner, asked of Slack now; null when Slack did not say. */
  async function isAdmin(client: WebClient, click: Click): Promise<boolean | null> {
    const asking = await memberProfiles.lookup(client, click.teamId, click.userId, { fresh: true });
    return asking === null ? null : asking.profile.isAdmin;
  }

  return onClick(deps, 'card menu choice', async (click, { client, context }) => {
    const say = (text: string) => notifier.ephemeral(click.channel, click.userId, { text });
    const choice = parseCardMenuChoice(click.value);
    if (choice === null) return logger.warn('unknown card menu choice ignored');
    const share = await shares.removable(choice.shareId);
    // A share id is a handle, not a permission: it must be a card of this workspace, in this channel.
    if (share === null || share.workspaceId !== click.teamId || share.channelId !== click.channel) {
      return say(removeCardReplies.gone);
    }
    if (share.removed) return say(removeCardReplies.alreadyRemoved);
    // The sharer needs no look-up; anyone else is asked of Slack at the click (an admin check must
    // not trust an old answer).
    const mayRemove = share.sharedBySlackUserId === click.userId || (await isAdmin(client, click));
    if (mayRemove === null) return say(removeCardReplies.cannotCheck);
    if (!mayRemove) return say(removeCardReplies.notAllowed);
    // The card clicked on: recorded when the share has no card on record yet (its run died between
    // posting and recording), so a run again finds it posted and posts nothing.
    const cardTs = share.cardTs ?? click.messageTs;
    if (cardTs === undefined) return logger.warn('card menu choice without a message ignored');
    const member = await referrals.ensureMember(click.teamId, click.userId);
    const removed = await shares.removeCard(
      share.id,
      { removedById: member.id, cardTs, reason: choice.reason },
      async (tx) => {
        await completeDeliveryWithin(tx, context);
        await addJob(tx, cardDeleteJob(share.id, { channel: share.channelId, ts: cardTs }));
      },
    );
    if (!removed) return say(removeCardReplies.alreadyRemoved);
    work.wake();
    logger.info(
      { postingId: share.postingId, channel: share.channelId, reason: choice.reason },
      'card removed',
    );
    await say(removeCardReplies.removed);
  });
}
