import type { BlockAction } from '@slack/bolt';
import { offerAcceptedMessage } from '../../blocks/offer-dms.js';
import { referrerRequestDm } from '../../blocks/referral-dms.js';
import { refOf } from '../../support/posting-ref.js';
import { completeDeliveryWithin } from '../../transport/durable-deliveries.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick, refusePrivately } from '../listener-kit.js';

/**
 * The candidate accepts a referrer's offer: only now does that referrer get the request with the
 * candidate's name and note (the same DM a named referrer gets).
 */
export function onAcceptOffer(
  deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'home' | 'logger'>,
): ActionListener<BlockAction> {
  const { referrals, notifier, home } = deps;
  return onClick(deps, 'Accept offer click', async (click, { respond, context }) => {
    const member = await referrals.ensureMember(click.teamId, click.userId);
    const result = await referrals.acceptOffer(click.value, member.id, (tx) =>
      completeDeliveryWithin(tx, context),
    );
    if (!result.ok) return refusePrivately(notifier, click, result);
    const { referral, referrer } = result;
    const posting = refOf(referral.posting);
    await notifier.dm(
      referrer.slackUserId,
      referrerRequestDm({
        referralId: referral.id,
        candidateUserId: referral.candidate.slackUserId,
        posting,
        note: referral.candidateNote,
        teamId: click.teamId,
        askedAnyone: true,
      }),
    );
    const accepted = offerAcceptedMessage(referrer.slackUserId, posting);
    await respond({ replace_original: true, text: accepted.text, blocks: accepted.blocks }).catch(() =>
      notifier.ephemeral(click.channel, click.userId, accepted),
    );
    await Promise.all([
      home.publish(click.teamId, click.userId),
      home.publish(click.teamId, referrer.slackUserId),
    ]);
  });
}
