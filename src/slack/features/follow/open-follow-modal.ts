import type { BlockAction } from '@slack/bolt';
import { followModal } from '../../blocks/follow-blocks.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick } from '../listener-kit.js';

/** "Follow…" on the Home tab: opens the form (company or keywords, workplace, place). */
export function onOpenFollowModal(
  deps: Pick<FeatureDeps, 'notifier' | 'logger'>,
): ActionListener<BlockAction> {
  return onClick(deps, 'follow click', async (click, { client }) => {
    await client.views.open({ trigger_id: click.triggerId, view: followModal() });
  });
}
