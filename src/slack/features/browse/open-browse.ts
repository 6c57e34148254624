import type { BlockAction } from '@slack/bolt';
import { browseModal, emptyBrowseForm } from '../../blocks/browse-blocks.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick } from '../listener-kit.js';
import { browseOutcome } from './browse-outcome.js';

/** "Browse open postings" on the Home tab: the modal, with the newest open postings and no filter. */
export function onOpenBrowse(
  deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'logger'>,
): ActionListener<BlockAction> {
  return onClick(deps, 'browse click', async (click, { client }) => {
    const outcome = await browseOutcome(deps.referrals, click.teamId, emptyBrowseForm, 1);
    await client.views.open({ trigger_id: click.triggerId, view: browseModal(emptyBrowseForm, outcome) });
  });
}
