import type { BlockAction } from '@slack/bolt';
import { offerReceivedDm, offerSentMessage } from '../../blocks/offer-dms.js';
import { refOf } from '../../support/posting-ref.js';
import { completeDeliveryWithin } from '../../transport/durable-deliveries.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick, refusePrivately } from '../listener-kit.js';

/**
 * "Offer to refer" in an anonymous invitation: the candidate hears who offered and decides. The
 * referrer still does not learn who it is. The button's value only says which request; whether the
 * clicker may offer is the database's answer (`referrals.offerToRefer` asks the authorization module).
 */
export function onOfferToRefer(
  deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'home' | 'logger'>,
): ActionListener<BlockAction> {
  const { referrals, notifier, home } = deps;
  return onClick(deps, 'Offer to refer click', async (click, { respond, context }) => {
    const member = await referrals.ensureMember(click.teamId, click.userId);
    const result = await referrals.offerToRefer(click.value, member.id, (tx) =>
      completeDeliveryWithin(tx, context),
    );
    if (!result.ok) return refusePrivately(notifier, click, result);
    const posting = refOf(result.referral.posting);
    await notifier.dm(
      result.referral.candidate.slackUserId,
      offerReceivedDm({ offerId: result.offerId, referrerUserId: click.userId, posting }),
    );
    const sent = offerSentMessage(posting);
    await respond({ replace_original: true, text: sent.text, blocks: sent.blocks }).catch(() =>
      notifier.ephemeral(click.channel, click.userId, sent),
    );
    await Promise.all([
      home.publish(click.teamId, click.userId),
      home.publish(click.teamId, result.referral.candidate.slackUserId),
    ]);
  });
}
