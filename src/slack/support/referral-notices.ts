import type { Logger } from '../../logger.js';
import type { Member } from '../../referrals/records.js';
import type { ReferralService, ReferralWithPeople } from '../../referrals/referral-service.js';
import type { ActorRole, ReferralStatus } from '../../referrals/status-machine.js';
import { invitationDm } from '../blocks/offer-dms.js';
import { statusChangedDm } from '../blocks/referral-dms.js';
import type { CardPublisher } from './card-publisher.js';
import type { HomePublisher } from './home-publisher.js';
import type { Notifier } from './notifier.js';
import { eachPaced, FAN_OUT_CONCURRENCY } from './paced.js';
import { partiesOf, refOf } from './posting-ref.js';

export interface ReferralNoticesDeps {
  referrals: Pick<ReferralService, 'offersOn'>;
  notifier: Notifier;
  /** Runs from a job (`notice-jobs.ts`): refreshes the Homes of members Vouch still has. */
  home: Pick<HomePublisher, 'refresh'>;
  cards: CardPublisher;
  logger: Logger;
}

/**
 * Everything that follows a status change: the other party is told (both, when Vouch itself closed
 * it), both App Homes are refreshed, and the card's counts are updated wherever it was shared.
 */
export function createReferralNotices(deps: ReferralNoticesDeps) {
  const { notifier, home, cards, logger, referrals } = deps;

  /**
   * Referrers reached by an open request hear that someone is interested, never who: one DM each,
   * at Slack's pace, and their App Home shows the invitation.
   */
  async function invited(referral: ReferralWithPeople, members: readonly Member[]): Promise<void> {
    const message = invitationDm({
      referralId: referral.id,
      posting: refOf(referral.posting),
      channelId: referral.channelId,
    });
    await eachPaced(members, FAN_OUT_CONCURRENCY, async (member) => {
      await notifier.dm(member.slackUserId, message);
      await home.refresh(member.workspaceId, member.slackUserId);
    });
  }

  return {
    async statusChanged(change: {
      referral: ReferralWithPeople;
      from: ReferralStatus;
      to: ReferralStatus;
      role: ActorRole;
      note?: string | null;
      invited?: readonly Member[];
      offerOnly?: boolean;
    }): Promise<void> {
      const { referral } = change;
      if (change.invited !== undefined && change.invited.length > 0) await invited(referral, change.invited);
      if (change.offerOnly === true) {
        await cards
          .refresh(referral.posting)
          .catch((error: unknown) => logger.warn({ err: error }, 'card refresh failed'));
        return;
      }
      const parties = partiesOf(referral);
      const recipients: Array<'candidate' | 'referrer'> =
        change.role === 'system'
          ? ['candidate', 'referrer']
          : change.role === 'candidate'
            ? ['referrer']
            : ['candidate'];
      const teamId = referral.candidate.workspaceId;
      // Only the referrers the candidate named or accepted know who this is: they hear how it went.
      // Referrers an open request reached anonymously hear nothing; their invitation just goes away.
      const accepted = referral.askAnyone ? await referrals.offersOn(referral.id) : [];
      const referrerUserIds = [
        ...new Set([
          ...(parties.referrerUserId !== null ? [parties.referrerUserId] : []),
          ...accepted.filter((o) => o.status === 'accepted').map((o) => o.referrer.slackUserId),
        ]),
      ];
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
      await Promise.all(homes.map((userId) => home.refresh(teamId, userId)));
      await cards
        .refresh(referral.posting)
        .catch((error: unknown) => logger.warn({ err: error }, 'card refresh failed'));
    },
  };
}

export type ReferralNotices = ReturnType<typeof createReferralNotices>;
