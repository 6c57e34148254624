import type { Db } from '../db/client.js';
import { createPostingRows, type PostingRows } from '../postings/posting-rows.js';
import { createCompanyDirectory } from './company-directory.js';
import { createMembers } from './members.js';
import { createPostingBrowse } from './posting-browse.js';
import { createReferralLifecycle } from './referral-lifecycle.js';
import { createReferralReadModels } from './referral-read-models.js';
import { createReferrerVerification, type ReferrerVerification } from './referrer-verification.js';

export type { CompanyDirectory, ReferrerListed, VerifiedMember } from './company-directory.js';
export type { Members } from './members.js';
export type { BrowseFilters, BrowsePage, BrowseRow, PostingBrowse } from './posting-browse.js';
export { ReferralError, type ReferralErrorCode } from './referral-error.js';
export type {
  InterestInput,
  ReferralLifecycle,
  StatusActor,
  StatusChange,
} from './referral-lifecycle.js';
export type {
  CardState,
  Invitation,
  OfferWithReferrer,
  ReferralReadModels,
  ReferralWithPeople,
} from './referral-read-models.js';

export interface ReferralServiceDeps {
  db: Db;
  now?: () => Date;
  /** The posting rows the posting store keeps current; a private set when none is shared. */
  postingRows?: PostingRows;
  /** Who receives requests (`VOUCH_REFERRERS`): every referrer (default), or only verified ones. */
  referrerPolicy?: 'any' | 'verified';
}

/** The parts of the referral domain, built on one database and one set of caches. */
export function createReferralParts(deps: ReferralServiceDeps) {
  const { db } = deps;
  const postingRows = deps.postingRows ?? createPostingRows(db);
  const members = createMembers({ db });
  // The directory asks verification about the rows it writes; verification finds companies through it.
  let verification: ReferrerVerification | undefined;
  const directory = createCompanyDirectory({
    db,
    members,
    verifiedAt: (store, memberId, companyId) =>
      verification === undefined
        ? Promise.resolve(false)
        : verification.verifiedAt(store, memberId, companyId),
    referrerPolicy: deps.referrerPolicy ?? 'any',
  });
  verification = createReferrerVerification({
    db,
    directory,
    ...(deps.now !== undefined ? { now: deps.now } : {}),
  });
  const readModels = createReferralReadModels({ db, members, postingRows, directory });
  const lifecycle = createReferralLifecycle({
    db,
    ...(deps.now !== undefined ? { now: deps.now } : {}),
    members,
    directory,
    readModels,
  });
  const browse = createPostingBrowse({ db, ...(deps.now !== undefined ? { now: deps.now } : {}) });
  return { members, directory, readModels, lifecycle, verification, browse };
}

export type ReferralParts = ReturnType<typeof createReferralParts>;

/**
 * The referral domain as one object: members, the company directory, the request/offer lifecycle,
 * the read models and referrer verification. A thin composition kept so the Slack features and jobs that use several parts
 * can go on taking a `Pick<ReferralService, …>`; a consumer of one part is given that part.
 */
export function composeReferralService(parts: ReferralParts) {
  return {
    ...parts.members,
    ...parts.directory,
    ...parts.readModels,
    ...parts.lifecycle,
    ...parts.verification,
    ...parts.browse,
  };
}

/** `composeReferralService(createReferralParts(deps))`. */
export function createReferralService(deps: ReferralServiceDeps) {
  return composeReferralService(createReferralParts(deps));
}

export type ReferralService = ReturnType<typeof createReferralService>;
