import type { WebClient } from '@slack/web-api';
import type { FollowStore } from '../../follows/follow-store.js';
import type { Logger } from '../../logger.js';
import type { ProfileStore } from '../../profiles/profile-store.js';
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
  /** The member's candidate profile, for the Home's "Your profile" section. */
  profiles?: Pick<ProfileStore, 'get'>;
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
  async function publishOnce(teamId: string, slackUserId: string, known: boolean): Promise<void> {
    const member = known
      ? await referrals.findMember(teamId, slackUserId)
      : await referrals.ensureMember(teamId, slackUserId);
    // A refresh for a member erased since it was queued: nothing to show, and nothing to re-create.
    if (member === null) return;
    const [asCandidate, asReferrer, invitations, companies, recent, follows, profile] = await Promise.all([
      referrals.referralsAsCandidate(member.id),
      referrals.referralsAsReferrer(member.id),
      referrals.invitationsFor(member.id),
      referrals.companiesOf(member.id),
      referrals.recentPostings(teamId, { limit: 8 }),
      deps.follows?.list(member.id),
      deps.profiles?.get(member.id),
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
      verifiedCompanies: companies.filter((c) => c.verified).map((c) => c.displayName),
      recentPostings: recent.map(postingRow),
      ...(follows !== undefined ? { follows } : {}),
      ...(profile !== undefined ? { profile } : {}),
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
    const [mode = '', teamId = '', slackUserId = ''] = key.split('\u0000');
    return publishOnce(teamId, slackUserId, mode === 'known');
  });

  return {
    /** The member opened their Home (or acted): publishes it, recording the member if new. */
    publish(teamId: string, slackUserId: string): Promise<void> {
      return publishCoalesced(`any\u0000${teamId}\u0000${slackUserId}`);
    },
    /**
     * Brings a known member's Home up to date (a job queued by a change): a member erased since then,
     * or a workspace uninstalled, is not brought back.
     */
    refresh(teamId: string, slackUserId: string): Promise<void> {
      return publishCoalesced(`known\u0000${teamId}\u0000${slackUserId}`);
    },
  };
}

export type HomePublisher = ReturnType<typeof createHomePublisher>;
