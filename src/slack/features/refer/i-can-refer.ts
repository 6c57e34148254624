import type { BlockAction, ButtonAction } from '@slack/bolt';
import { storedSummary } from '../../../postings/posting-summary.js';
import { rememberCompanyPrompt } from '../../blocks/remember-company-prompt.js';
import { createDisplayNames } from '../../support/display-names.js';
import { serialByKey } from '../../support/serial-by-key.js';
import { completeDeliveryWithin } from '../../transport/durable-deliveries.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick } from '../listener-kit.js';

/**
 * "I can refer" on a card: lists the member as a referrer for this posting, or un-lists them on a
 * second click. Listed, they are offered to be remembered for the company, and candidates waiting
 * for a referrer there hear about them. Two clicks of one member on one card run one after the other.
 */
export function onICanRefer(
  deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'cards' | 'notices' | 'logger'>,
): ActionListener<BlockAction<ButtonAction>> {
  const { referrals, notifier, cards, notices } = deps;
  const displayName = createDisplayNames();
  const oneToggleAtATime = serialByKey();

  return onClick(deps, 'I can refer click', (click, { client, context }) =>
    oneToggleAtATime(`${click.value}:${click.teamId}:${click.userId}`, async () => {
      const posting = await referrals.getPosting(click.value);
      const member = await referrals.ensureMember(
        click.teamId,
        click.userId,
        await displayName(client, click.userId),
      );
      // The toggle and "this click is handled" commit together: a run again after a crash cannot
      // toggle a second time.
      const { isReferrer } = await referrals.toggleReferrer(posting.id, member.id, (tx) =>
        completeDeliveryWithin(tx, context),
      );
      const company = storedSummary(posting.summary)?.company;
      if (isReferrer) {
        await notifier.ephemeral(
          click.channel,
          click.userId,
          company
            ? rememberCompanyPrompt({ company, postingId: posting.id })
            : { text: '🙌 Thanks! You are listed as someone who can refer for this job.' },
        );
        await notices.referrerAppeared(posting.id, { memberId: member.id, slackUserId: click.userId });
      } else {
        await notifier.ephemeral(click.channel, click.userId, {
          text: 'Okay, you are no longer listed as a referrer for this job.',
        });
      }
      await cards.refresh(posting);
    }),
  );
}
