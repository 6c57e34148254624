import type { BlockAction } from '@slack/bolt';
import { profileModal } from '../../blocks/profile-blocks.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick } from '../listener-kit.js';

/** "Edit profile" on the Home tab: opens the profile form, filled in with what the profile holds. */
export function onOpenProfileModal(
  deps: Pick<FeatureDeps, 'referrals' | 'profiles' | 'notifier' | 'logger'>,
): ActionListener<BlockAction> {
  const { referrals, profiles } = deps;
  return onClick(deps, 'edit profile click', async (click, { client }) => {
    const member = await referrals.findMember(click.teamId, click.userId);
    const profile = member === null ? null : await profiles.get(member.id);
    await client.views.open({ trigger_id: click.triggerId, view: profileModal(profile) });
  });
}
