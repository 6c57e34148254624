import type { WebClient } from '@slack/web-api';
import type { FollowStore } from '../../follows/follow-store.js';
import type { Logger } from '../../logger.js';
import type { ReferralService } from '../../referrals/referral-service.js';
import { isOpen } from '../../referrals/status-machine.js';
import { homeView } from '../blocks/home-view.js';
import { slackErrorCode } from '../slack-error.js';
import { coalesceByKey } from './coalesce-by-key.js';
import { candidateRow, postingRow, referrerRow, refOf } from './posting-ref.js';

export interface HomePublisherDeps {
  referrals: ReferralService;
  /** The member's follows, for the Home's "Following" section. */
  follows?: Pick<FollowStore, 'list'>;
  logger: Logger;
  now?: () => Date;
}

/**
 * Publishes a member's App Home: my referrals as candidate, requests waiting on me as referrer (with
 * their buttons), companies I can refer at, recent postings of the workspace.
 * @see https://api.slack.com/methods/views.publish
 */
export function createHomePublisher(client: WebClient, deps: HomePublisherDeps) {
  const { referrals, logger } = deps;
  const now = deps.now ?? (() => new Date());
  async function publishOnce(teamId: string, slackUserId: string): Promise<void> {
    const member = await referrals.ensureMember(teamId, slackUserId);
    const [asCandidate, asReferrer, invitations, companies, recent, follows] = await Promise.all([
      referrals.referralsAsCandidate(member.id),
      referrals.referralsAsReferrer(member.id),
      referrals.invitationsFor(member.id),
      referrals.companiesOf(member.id),
      referrals.recentPostings(teamId, { limit: 8 }),
      deps.follows?.list(member.id),
    ]);
    const at = now();
    const view = homeView({
      asCandidate: asCandidate.map((r) => candidateRow(r, at)),
      // Only what can still move: a declined, hired or closed request waits on nobody
      // (`/vouch mine` keeps the whole history).
      waitingOnMe: asReferrer.filter((r) => isOpen(r.status)).map((r) => referrerRow(r, at)),
      invitations: invitations.map((i) => ({
        referralId: i.referralId,
        status: i.status,
        posting: refOf(i.posting),
        channelId: i.channelId,
      })),
      companies: companies.map((c) => c.displayName),
      recentPostings: recent.map(postingRow),
      ...(follows !== undefined ? { follows } : {}),
    });
    try {
      await client.views.publish({ user_id: slackUserId, view });
    } catch (error) {
      const slackError = slackErrorCode(error);
      logger.warn({ userId: slackUserId, slackError }, 'could not publish App Home');
    }
  }

  /** Several changes for one member in quick succession publish their Home once or twice, not each time. */
  const publishCoalesced = coalesceByKey((key) => {
    const [teamId = '', slackUserId = ''] = key.split('\u0000');
    return publishOnce(teamId, slackUserId);
  });

  return {
    publish(teamId: string, slackUserId: string): Promise<void> {
      return publishCoalesced(`${teamId}\u0000${slackUserId}`);
    },
  };
}

export type HomePublisher = ReturnType<typeof createHomePublisher>;
