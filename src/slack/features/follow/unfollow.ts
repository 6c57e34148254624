import type { BlockAction } from '@slack/bolt';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick } from '../listener-kit.js';

/** "Unfollow" next to a follow on the Home tab (a second click finds nothing to remove). */
export function onUnfollow(
  deps: Pick<FeatureDeps, 'referrals' | 'follows' | 'home' | 'notifier' | 'logger'>,
): ActionListener<BlockAction> {
  const { referrals, follows, home } = deps;
  return onClick(deps, 'unfollow click', async (click) => {
    const member = await referrals.ensureMember(click.teamId, click.userId);
    await follows.removeById(member.id, click.value);
    await home.publish(click.teamId, click.userId);
  });
}
