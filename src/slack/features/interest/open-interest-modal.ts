import type { BlockAction, ButtonAction } from '@slack/bolt';
import { interestModal } from '../../blocks/interest-modal.js';
import { heading } from '../../support/posting-ref.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick, openModal } from '../listener-kit.js';

/**
 * "I'm interested" on a card: opens the interest form right away (a trigger_id lives three seconds)
 * from what the database already holds; a closed posting takes no interest.
 */
export function onImInterested(
  deps: Pick<FeatureDeps, 'referrals' | 'profiles' | 'notifier' | 'logger'>,
): ActionListener<BlockAction<ButtonAction>> {
  const { referrals, profiles, notifier } = deps;
  return onClick(deps, "I'm interested click", async (click, { client }) => {
    const posting = await referrals.getPosting(click.value);
    if (posting.status === 'closed') {
      await notifier.ephemeral(click.channel, click.userId, {
        text: '🔒 This posting is closed: the job is no longer listed, so Vouch is not taking interest in it.',
      });
      return;
    }
    const [candidates, member] = await Promise.all([
      referrals.referrersFor(posting),
      referrals.findMember(click.teamId, click.userId),
    ]);
    // The form starts from the member's profile; they may change it for this request.
    const profile = member === null ? null : await profiles.get(member.id);
    await openModal(
      client,
      click,
      interestModal({
        ...heading(posting),
        referrers: candidates
          .filter((m) => m.slackUserId !== click.userId)
          .map((m) => ({ userId: m.slackUserId, name: m.displayName, verified: m.verified })),
        metadata: { channel: click.channel, ts: click.messageTs },
        profile,
      }),
    );
  });
}
