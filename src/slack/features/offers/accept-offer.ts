import type { BlockAction } from '@slack/bolt';
import { addJob } from '../../../work/work-queue.js';
import { offerAcceptedMessage } from '../../blocks/offer-dms.js';
import { referrerRequestDm } from '../../blocks/referral-dms.js';
import { dmJob, homeJob } from '../../effects/effect-jobs.js';
import { resumeFileJob } from '../../effects/resume-file-jobs.js';
import { refOf } from '../../support/posting-ref.js';
import { completeDeliveryWithin } from '../../transport/durable-deliveries.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick, refusePrivately } from '../listener-kit.js';

/**
 * The candidate accepts a referrer's offer: only now does that referrer get the request with the
 * candidate's name and note (the same DM a named referrer gets).
 */
export function onAcceptOffer(
  deps: Pick<FeatureDeps, 'referrals' | 'profiles' | 'notifier' | 'work' | 'logger'>,
): ActionListener<BlockAction> {
  const { referrals, profiles, notifier, work } = deps;
  return onClick(deps, 'Accept offer click', async (click, { respond, context }) => {
    const member = await referrals.ensureMember(click.teamId, click.userId);
    // The profile sent with the request goes to the accepted referrer only (read before the
    // transaction: used only once the acceptance is allowed and written).
    const profile = await profiles.sentWithOffer(click.value);
    // The acceptance, "this click is handled" and the referrer's request DM commit together.
    const result = await referrals.acceptOffer(click.value, member.id, async (tx, { referral, referrer }) => {
      await completeDeliveryWithin(tx, context);
      const key = `accept:${click.value}`;
      await addJob(
        tx,
        dmJob(
          `${key}:dm`,
          referrer.slackUserId,
          referrerRequestDm({
            referralId: referral.id,
            candidateUserId: referral.candidate.slackUserId,
            posting: refOf(referral.posting),
            note: referral.candidateNote,
            teamId: click.teamId,
            askedAnyone: true,
            profile,
          }),
        ),
        ...(profile?.resumeFile
          ? [
              resumeFileJob(`${key}:file`, {
                referrerUserId: referrer.slackUserId,
                candidateUserId: referral.candidate.slackUserId,
                file: profile.resumeFile,
                posting: refOf(referral.posting),
              }),
            ]
          : []),
        homeJob(`${key}:home:${click.userId}`, click.teamId, click.userId),
        homeJob(`${key}:home:${referrer.slackUserId}`, click.teamId, referrer.slackUserId),
      );
    });
    if (!result.ok) return refusePrivately(notifier, click, result);
    work.wake();
    const accepted = offerAcceptedMessage(result.referrer.slackUserId, refOf(result.referral.posting));
    await respond({ replace_original: true, text: accepted.text, blocks: accepted.blocks }).catch(() =>
      notifier.ephemeral(click.channel, click.userId, accepted),
    );
  });
}
