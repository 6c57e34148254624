import type { BlockAction, ButtonAction } from '@slack/bolt';
import { storedSummary } from '../../../postings/posting-summary.js';
import { interestModal } from '../../blocks/interest-modal.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, privatelyTo, readClick, replyToDomainError } from '../listener-kit.js';

/**
 * "I'm interested" on a card: opens the interest form right away (a trigger_id lives three seconds)
 * from what the database already holds; a closed posting takes no interest.
 */
export function onImInterested(
  deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'logger'>,
): ActionListener<BlockAction<ButtonAction>> {
  const { referrals, notifier, logger } = deps;
  return async ({ ack, body, action, client }) => {
    await ack();
    const click = readClick(body, action);
    if (click === null) return logger.warn("malformed I'm interested click ignored");
    try {
      const posting = await referrals.getPosting(click.value);
      if (posting.status === 'closed') {
        await notifier.ephemeral(click.channel, click.userId, {
          text: '🔒 This posting is closed: the job is no longer listed, so Vouch is not taking interest in it.',
        });
        return;
      }
      const candidates = await referrals.referrersFor(posting);
      const summary = storedSummary(posting.summary);
      await client.views.open({
        trigger_id: click.triggerId,
        view: interestModal({
          postingId: posting.id,
          title: summary?.title ?? posting.title,
          company: summary?.company ?? null,
          referrers: candidates
            .filter((m) => m.slackUserId !== click.userId)
            .map((m) => ({ userId: m.slackUserId, name: m.displayName })),
          metadata: { channel: click.channel, ts: click.messageTs },
        }),
      });
    } catch (error) {
      await replyToDomainError(error, privatelyTo(notifier, click));
    }
  };
}
