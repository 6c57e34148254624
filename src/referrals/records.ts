/**
 * The stored records the rest of the app reads (Slack code included), by name. They are Prisma's
 * generated types; code outside the storage layer imports them from here, never from the client.
 */
export type {
  Company,
  Member,
  OfferStatus,
  Posting,
  Referral,
  ReferralOffer,
  ReferralStatus,
} from '../generated/sqlite/client.js';
