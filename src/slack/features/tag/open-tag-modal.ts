import type { BlockAction, ButtonAction } from '@slack/bolt';
import { storedSummary } from '../../../postings/posting-summary.js';
import { tagModal } from '../../blocks/tag-modal.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, privatelyTo, readClick, replyToDomainError } from '../listener-kit.js';

/** "Tag someone" on a card: opens the form to tell a colleague about the job, privately. */
export function onTagSomeone(
  deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'logger'>,
): ActionListener<BlockAction<ButtonAction>> {
  const { referrals, notifier, logger } = deps;
  return async ({ ack, body, action, client }) => {
    await ack();
    const click = readClick(body, action);
    if (click === null) return logger.warn('malformed Tag someone click ignored');
    try {
      const posting = await referrals.getPosting(click.value);
      const summary = storedSummary(posting.summary);
      await client.views.open({
        trigger_id: click.triggerId,
        view: tagModal({
          postingId: posting.id,
          title: summary?.title ?? posting.title,
          company: summary?.company ?? null,
          metadata: { channel: click.channel, ts: click.messageTs },
        }),
      });
    } catch (error) {
      await replyToDomainError(error, privatelyTo(notifier, click));
    }
  };
}
