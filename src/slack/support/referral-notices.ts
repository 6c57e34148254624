import type { Logger } from '../../logger.js';
import type { ReferralService, ReferralWithPeople } from '../../referrals/referral-service.js';
import type { ActorRole, ReferralStatus } from '../../referrals/status-machine.js';
import { referrerAppearedDm, statusChangedDm } from '../blocks/referral-dms.js';
import type { CardPublisher } from './card-publisher.js';
import type { HomePublisher } from './home-publisher.js';
import type { Notifier } from './notifier.js';
import { partiesOf, refOf } from './posting-ref.js';

export interface ReferralNoticesDeps {
  referrals: Pick<ReferralService, 'waitingForReferrer' | 'referrersFor'>;
  notifier: Notifier;
  home: HomePublisher;
  cards: CardPublisher;
  logger: Logger;
}

/**
 * Everything that follows a status change: the other party is told (both, when Vouch itself closed
 * it), both App Homes are refreshed, and the card's counts are updated wherever it was shared.
 */
export function createReferralNotices(deps: ReferralNoticesDeps) {
  const { notifier, home, cards, logger, referrals } = deps;

  /** Candidates who were waiting for someone to refer hear that `referrerUserId` now can. */
  async function tellWaiting(waiting: ReferralWithPeople[], referrerUserId: string): Promise<void> {
    await Promise.all(
      waiting
        .filter((referral) => referral.candidate.slackUserId !== referrerUserId)
        .map((referral) =>
          notifier.dm(
            referral.candidate.slackUserId,
            referrerAppearedDm({ referralId: referral.id, posting: refOf(referral.posting), referrerUserId }),
          ),
        ),
    );
  }

  return {
    async referrerAppeared(postingId: string, referrerUserId: string): Promise<void> {
      await tellWaiting(await referrals.waitingForReferrer({ postingId }), referrerUserId);
    },
    async referrerAppearedAtCompany(companyId: string, referrerUserId: string): Promise<void> {
      await tellWaiting(await referrals.waitingForReferrer({ companyId }), referrerUserId);
    },

    async statusChanged(change: {
      referral: ReferralWithPeople;
      from: ReferralStatus;
      to: ReferralStatus;
      role: ActorRole;
      note?: string | null;
    }): Promise<void> {
      const { referral } = change;
      const parties = partiesOf(referral);
      const recipients: Array<'candidate' | 'referrer'> =
        change.role === 'system'
          ? ['candidate', 'referrer']
          : change.role === 'candidate'
            ? ['referrer']
            : ['candidate'];
      const teamId = referral.candidate.workspaceId;
      // A request sent to "anyone who can refer" has no single referrer yet: everyone who was asked
      // hears how it ended, so nobody keeps it on their list.
      const referrerUserIds =
        parties.referrerUserId !== null
          ? [parties.referrerUserId]
          : referral.askAnyone
            ? (await referrals.referrersFor(referral.posting))
                .map((member) => member.slackUserId)
                .filter((id) => id !== parties.candidateUserId)
            : [];
      await Promise.all(
        recipients.flatMap((recipient) => {
          const userIds = recipient === 'candidate' ? [parties.candidateUserId] : referrerUserIds;
          const message = statusChangedDm({
            referral: parties,
            from: change.from,
            to: change.to,
            actorRole: change.role,
            note: change.note ?? null,
            recipient,
          });
          return userIds.map((userId) => notifier.dm(userId, message));
        }),
      );
      const homes = [parties.candidateUserId, ...referrerUserIds];
      await Promise.all(homes.map((userId) => home.publish(teamId, userId)));
      await cards
        .refresh(referral.posting)
        .catch((error: unknown) => logger.warn({ err: error }, 'card refresh failed'));
    },
  };
}

export type ReferralNotices = ReturnType<typeof createReferralNotices>;
