import type { BlockAction, ButtonAction } from '@slack/bolt';
import { tagModal } from '../../blocks/tag-modal.js';
import { heading } from '../../support/posting-ref.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick } from '../listener-kit.js';

/** "Tag someone" on a card: opens the form to tell a colleague about the job, privately. */
export function onTagSomeone(
  deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'logger'>,
): ActionListener<BlockAction<ButtonAction>> {
  const { referrals } = deps;
  return onClick(deps, 'Tag someone click', async (click, { client }) => {
    const posting = await referrals.getPosting(click.value);
    await client.views.open({
      trigger_id: click.triggerId,
      view: tagModal({
        ...heading(posting),
        metadata: { channel: click.channel, ts: click.messageTs },
      }),
    });
  });
}
