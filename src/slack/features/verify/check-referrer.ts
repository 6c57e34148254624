import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { Member } from '../../../referrals/records.js';
import { addJob } from '../../../work/work-queue.js';
import { verificationFollowUps } from '../../effects/verification-jobs.js';
import type { FeatureDeps } from '../feature-deps.js';

/**
 * Before a member is listed as a referrer ("I can refer", `/vouch refer-at`, "remember me"): their
 * member row, with the e-mail domain of their Slack profile recorded when Slack was asked (at most
 * once an hour per member). A changed domain re-checks their other referrer rows, and the cards and
 * requests that follows are jobs of the same transaction. When Slack cannot be asked, the domain last
 * recorded stands.
 */
export async function memberAsReferrer(
  deps: Pick<FeatureDeps, 'referrals' | 'memberProfiles' | 'config' | 'work'>,
  client: WebClient,
  who: { teamId: string; userId: string },
): Promise<{ member: Member; emailDomain: string | null }> {
  const looked = await deps.memberProfiles.lookup(client, who.teamId, who.userId);
  const member = await deps.referrals.ensureMember(who.teamId, who.userId, looked?.profile.displayName);
  if (looked === null || !looked.fetched) {
    return { member, emailDomain: looked?.profile.emailDomain ?? member.emailDomain };
  }
  const { changed } = await deps.referrals.recordEmailDomain(
    member.id,
    looked.profile.emailDomain,
    async (tx, changes) => {
      await addJob(tx, ...verificationFollowUps(`email:${randomUUID()}`, changes, deps.config.referrers));
    },
  );
  if (changed) deps.work.wake();
  return { member, emailDomain: looked.profile.emailDomain };
}
