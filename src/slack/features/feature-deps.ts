import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Logger } from '../../logger.js';
import type { PostingStore } from '../../postings/posting-store.js';
import type { ReferralService } from '../../referrals/referral-service.js';
import type { CardPublisher } from '../support/card-publisher.js';
import type { EventLedger } from '../support/event-ledger.js';
import type { HomePublisher } from '../support/home-publisher.js';
import type { Notifier } from '../support/notifier.js';
import type { ReferralNotices } from '../support/referral-notices.js';

/** What Slack features are built from; main.ts builds each once. */
export interface FeatureDeps {
  config: Config;
  logger: Logger;
  db: Db;
  referrals: ReferralService;
  postings: PostingStore;
  ledger: EventLedger;
  notifier: Notifier;
  cards: CardPublisher;
  home: HomePublisher;
  notices: ReferralNotices;
}
