import type { ChannelSettingsStore } from '../../channels/channel-settings.js';
import type { Config } from '../../config.js';
import type { EventLedger } from '../../deliveries/event-ledger.js';
import type { DigestStore } from '../../digests/digest-store.js';
import type { FollowStore } from '../../follows/follow-store.js';
import type { WorkspaceRemoval } from '../../installations/workspace-removal.js';
import type { Logger } from '../../logger.js';
import type { PostingStore } from '../../postings/posting-store.js';
import type { MemberData } from '../../privacy/member-data.js';
import type { ProfileStore } from '../../profiles/profile-store.js';
import type { ReferralService } from '../../referrals/referral-service.js';
import type { ShareStore } from '../../shares/share-store.js';
import type { WorkQueue } from '../../work/work-queue.js';
import type { CardPublisher } from '../support/card-publisher.js';
import type { ChannelMembers } from '../support/channel-members.js';
import type { FileSender } from '../support/file-sender.js';
import type { HomePublisher } from '../support/home-publisher.js';
import type { MemberProfiles } from '../support/member-profiles.js';
import type { Notifier } from '../support/notifier.js';
import type { CardSharer } from './share/card-sharer.js';

/**
 * Everything Slack features are built from; main.ts builds each once. There is no database here:
 * features reach storage through the domain services, and each listener takes a `Pick<>` of the
 * services it uses, so its dependencies are readable from its signature.
 */
export interface FeatureDeps {
  config: Config;
  logger: Logger;
  referrals: ReferralService;
  postings: PostingStore;
  ledger: EventLedger;
  notifier: Notifier;
  cards: CardPublisher;
  home: HomePublisher;
  shares: ShareStore;
  shareCard: CardSharer;
  /** Export and erasure of a member's data (src/privacy). */
  memberData: MemberData;
  /** What members follow (src/follows/). */
  follows: FollowStore;
  files: FileSender;
  /** Candidate profiles (src/profiles/). */
  profiles: ProfileStore;
  /** Wakes the work queue after a transaction wrote follow-up jobs (`addJob`, src/work/). */
  work: Pick<WorkQueue, 'wake'>;
  /** Channel digests (src/digests/). */
  digests: DigestStore;
  /** Who is in a channel (cached `conversations.members`). */
  channelMembers: Pick<ChannelMembers, 'of'>;
  /** Members' Slack profiles (users.info, cached): display name, e-mail domain, admin (src/slack/features/verify/). */
  memberProfiles: MemberProfiles;
  /** What each channel asked of Vouch (`/vouch channel`, src/channels/). */
  channelSettings: ChannelSettingsStore;
  /** Several workspaces: an uninstall deletes the tokens now and the data after a grace period. */
  workspaceRemoval?: Pick<WorkspaceRemoval, 'uninstalled'>;
}
