import type { BlockAction } from '@slack/bolt';
import { storedSummary } from '../../../postings/posting-summary.js';
import { detailsModal } from '../../blocks/details-modal.js';
import { isLimitedSource } from '../../blocks/posting-format.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick, openModal } from '../listener-kit.js';

/** "Details" on a card or a Home row: the whole summary in a modal. */
export function onDetails(
  deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'logger'>,
): ActionListener<BlockAction> {
  const { referrals, notifier } = deps;
  return onClick(deps, 'Details click', async (click, { client }) => {
    const posting = await referrals.getPosting(click.value);
    const summary = storedSummary(posting.summary);
    if (summary === null) {
      await notifier.ephemeral(click.channel, click.userId, {
        text: 'Vouch could not read the details of this posting.',
      });
      return;
    }
    await openModal(
      client,
      click,
      detailsModal(summary, {
        postingId: posting.id,
        closed: posting.status === 'closed',
        limitedSource: isLimitedSource(summary),
      }),
    );
  });
}
