import type { BlockAction } from '@slack/bolt';
import { parseRememberCompany } from '../../blocks/action-values.js';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick } from '../listener-kit.js';

/**
 * The answer to "remember me for this company?" after "I can refer": yes lists the member for every
 * posting at the company (and tells candidates waiting there); no keeps them on this posting only.
 */
export function onRememberCompany(
  deps: Pick<FeatureDeps, 'referrals' | 'notifier' | 'notices' | 'home' | 'logger'>,
  remember: boolean,
): ActionListener<BlockAction> {
  const { referrals, notifier, notices, home, logger } = deps;
  return onClick(deps, 'remember-company answer', async (click, { respond }) => {
    const value = parseRememberCompany(click.value);
    if (value === null) return logger.warn('malformed remember-company answer ignored');
    let text = 'Okay: you are listed for this posting only.';
    if (remember) {
      const member = await referrals.ensureMember(click.teamId, click.userId);
      const { company } = await referrals.rememberCompanyReferrer(click.teamId, value.company, member.id);
      const name = escapeMrkdwn(company.displayName);
      text = `✅ Done: future ${name} postings will list you, and \`/vouch referrers ${name}\` finds you.`;
      await notices.referrerAppearedAtCompany(company.id, { memberId: member.id, slackUserId: click.userId });
      await home.publish(click.teamId, click.userId);
    }
    await respond({ replace_original: true, response_type: 'ephemeral', text }).catch(() =>
      notifier.ephemeral(click.channel, click.userId, { text }),
    );
  });
}
