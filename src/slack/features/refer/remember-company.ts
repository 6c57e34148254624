import type { BlockAction } from '@slack/bolt';
import { addJob } from '../../../work/work-queue.js';
import { parseRememberCompany } from '../../blocks/action-values.js';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import { referrerAppearedJob } from '../../effects/notice-jobs.js';
import { completeDeliveryWithin } from '../../transport/durable-deliveries.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick } from '../listener-kit.js';
import { memberAsReferrer } from '../verify/check-referrer.js';

/**
 * The answer to "remember me for this company?" after "I can refer": yes lists the member for every
 * posting at the company (and tells candidates waiting there); no keeps them on this posting only.
 */
export function onRememberCompany(
  deps: Pick<
    FeatureDeps,
    'referrals' | 'notifier' | 'work' | 'home' | 'logger' | 'memberProfiles' | 'config'
  >,
  remember: boolean,
): ActionListener<BlockAction> {
  const { referrals, notifier, work, home, logger } = deps;
  return onClick(deps, 'remember-company answer', async (click, { respond, context, client }) => {
    const value = parseRememberCompany(click.value);
    if (value === null) return logger.warn('malformed remember-company answer ignored');
    let text = 'Okay: you are listed for this posting only.';
    if (remember) {
      const { member } = await memberAsReferrer(deps, client, click);
      // Listed, "this click is handled" and what follows (candidates waiting there told, open
      // requests reaching them) commit together.
      const { company } = await referrals.rememberCompanyReferrer(
        click.teamId,
        value.company,
        member.id,
        async (tx, { company, added, receivesRequests }) => {
          await completeDeliveryWithin(tx, context);
          // A self-declared referrer where only verified ones receive requests is listed, not asked.
          if (added && receivesRequests)
            await addJob(
              tx,
              referrerAppearedJob(
                { companyId: company.id },
                { memberId: member.id, slackUserId: click.userId },
              ),
            );
        },
      );
      work.wake();
      // Their own Home, redrawn at once as before (it is drawn afresh whenever they open it).
      await home.publish(click.teamId, click.userId);
      const name = escapeMrkdwn(company.displayName);
      text = `✅ Done: future ${name} postings will list you, and \`/vouch referrers ${name}\` finds you.`;
    }
    await respond({ replace_original: true, response_type: 'ephemeral', text }).catch(() =>
      notifier.ephemeral(click.channel, click.userId, { text }),
    );
  });
}
