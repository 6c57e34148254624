import { randomUUID } from 'node:crypto';
import type { BlockAction, ButtonAction } from '@slack/bolt';
import { storedSummary } from '../../../postings/posting-summary.js';
import { addJob } from '../../../work/work-queue.js';
import { section } from '../../blocks/block-kit.js';
import { rememberCompanyPrompt } from '../../blocks/remember-company-prompt.js';
import { ownVerificationBlock } from '../../blocks/verification-blocks.js';
import { cardRefreshJob } from '../../effects/effect-jobs.js';
import { referrerAppearedJob } from '../../effects/notice-jobs.js';
import type { Message } from '../../support/notifier.js';
import { serialByKey } from '../../support/serial-by-key.js';
import { completeDeliveryWithin } from '../../transport/durable-deliveries.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick } from '../listener-kit.js';
import { memberAsReferrer } from '../verify/check-referrer.js';

/**
 * "I can refer" on a card: lists the member as a referrer for this posting, or un-lists them on a
 * second click. Listed, they are offered to be remembered for the company, and candidates waiting
 * for a referrer there hear about them. Two clicks of one member on one card run one after the other.
 */
export function onICanRefer(
  deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'work' | 'logger' | 'memberProfiles' | 'config'>,
): ActionListener<BlockAction<ButtonAction>> {
  const { referrals, notifier, work } = deps;
  const oneToggleAtATime = serialByKey();

  return onClick(deps, 'I can refer click', (click, { client, context }) =>
    oneToggleAtATime(`${click.value}:${click.teamId}:${click.userId}`, async () => {
      const posting = await referrals.getPosting(click.value);
      // Their Slack e-mail's domain first: it decides whether they are listed as verified.
      const { member, emailDomain } = await memberAsReferrer(deps, client, click);
      // The toggle, "this click is handled" and what follows it (the card redrawn; listed, the
      // candidates waiting told and open requests reaching them) commit together: a run again after
      // a crash cannot toggle a second time, and a crash after the commit loses none of it.
      const listed = await referrals.toggleReferrer(posting.id, member.id, async (tx, written) => {
        await completeDeliveryWithin(tx, context);
        await addJob(
          tx,
          cardRefreshJob(`refer:${posting.id}:${randomUUID()}:card`, posting.id),
          // A self-declared referrer where only verified ones receive requests is listed, not asked.
          ...(written.isReferrer && written.receivesRequests
            ? [
                referrerAppearedJob(
                  { postingId: posting.id },
                  { memberId: member.id, slackUserId: click.userId },
                ),
              ]
            : []),
        );
      });
      work.wake();
      const company = storedSummary(posting.summary)?.company;
      if (!listed.isReferrer) {
        await notifier.ephemeral(click.channel, click.userId, {
          text: 'Okay, you are no longer listed as a referrer for this job.',
        });
        return;
      }
      const thanks: Message = company
        ? rememberCompanyPrompt({ company, postingId: posting.id })
        : { text: '🙌 Thanks! You are listed as someone who can refer for this job.' };
      const own =
        company && posting.companyId !== null
          ? ownVerificationBlock({
              company,
              verified: listed.verified,
              receivesRequests: listed.receivesRequests,
              emailDomain,
              companyDomains: listed.verified ? [] : await referrals.domainsOfCompany(posting.companyId),
            })
          : null;
      await notifier.ephemeral(
        click.channel,
        click.userId,
        own === null ? thanks : { ...thanks, blocks: [...(thanks.blocks ?? [section(thanks.text)]), own] },
      );
    }),
  );
}
