import type { BlockAction } from '@slack/bolt';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick } from '../listener-kit.js';

/** "Remove" next to a company on the Home tab: the member no longer refers there. */
export function onRemoveCompany(
  deps: Pick<FeatureDeps, 'referrals' | 'home' | 'notifier' | 'logger'>,
): ActionListener<BlockAction> {
  const { referrals, home } = deps;
  return onClick(deps, 'remove-company click', async (click) => {
    const member = await referrals.ensureMember(click.teamId, click.userId);
    await referrals.forgetCompanyReferrer(click.teamId, click.value, member.id);
    await home.publish(click.teamId, click.userId);
  });
}
