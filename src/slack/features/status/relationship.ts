import type { BlockAction } from '@slack/bolt';
import { parseRelationship, relationshipLabel } from '../../blocks/action-values.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick } from '../listener-kit.js';

/** The referrer's "how well do you know them", chosen in the request DM. */
export function onRelationship(
  deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'logger'>,
): ActionListener<BlockAction> {
  const { referrals, notifier, logger } = deps;
  return onClick(deps, 'relationship choice', async (click) => {
    const value = parseRelationship(click.value);
    if (value === null) return logger.warn('malformed relationship choice ignored');
    const member = await referrals.ensureMember(click.teamId, click.userId);
    const saved = await referrals.setRelationship(
      value.referralId,
      member.id,
      relationshipLabel(value.relationship),
    );
    if (!saved) {
      await notifier.ephemeral(click.channel, click.userId, {
        text: 'That referral is no longer yours to update.',
      });
    }
  });
}
