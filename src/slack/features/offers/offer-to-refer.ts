import type { BlockAction } from '@slack/bolt';
import { addJob } from '../../../work/work-queue.js';
import { offerReceivedDm, offerSentMessage } from '../../blocks/offer-dms.js';
import { dmJob, homeJob } from '../../effects/effect-jobs.js';
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
  deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'work' | 'logger'>,
): ActionListener<BlockAction> {
  const { referrals, notifier, work } = deps;
  return onClick(deps, 'Offer to refer click', async (click, { respond, context }) => {
    const member = await referrals.ensureMember(click.teamId, click.userId);
    // The offer, "this click is handled" and the candidate's DM commit together.
    const result = await referrals.offerToRefer(click.value, member.id, async (tx, { referral, offerId }) => {
      await completeDeliveryWithin(tx, context);
      const candidate = referral.candidate.slackUserId;
      await addJob(
        tx,
        dmJob(
          `offer:${offerId}:dm`,
          candidate,
          offerReceivedDm({ offerId, referrerUserId: click.userId, posting: refOf(referral.posting) }),
        ),
        homeJob(`offer:${offerId}:home:${click.userId}`, click.teamId, click.userId),
        homeJob(`offer:${offerId}:home:${candidate}`, click.teamId, candidate),
      );
    });
    if (!result.ok) return refusePrivately(notifier, click, result);
    work.wake();
    const sent = offerSentMessage(refOf(result.referral.posting));
    await respond({ replace_original: true, text: sent.text, blocks: sent.blocks }).catch(() =>
      notifier.ephemeral(click.channel, click.userId, sent),
    );
  });
}
