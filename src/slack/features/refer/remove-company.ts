import type { BlockAction } from '@slack/bolt';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, readClick } from '../listener-kit.js';

/** "Remove" next to a company on the Home tab: the member no longer refers there. */
export function onRemoveCompany(
  deps: Pick<FeatureDeps, 'referrals' | 'home' | 'logger'>,
): ActionListener<BlockAction> {
  const { referrals, home, logger } = deps;
  return async ({ ack, body, action }) => {
    await ack();
    const click = readClick(body, action);
    if (click === null) return logger.warn('malformed remove-company click ignored');
    const member = await referrals.ensureMember(click.teamId, click.userId);
    await referrals.forgetCompanyReferrer(click.teamId, click.value, member.id);
    await home.publish(click.teamId, click.userId);
  };
}
