import { cardWorkplace } from '../../postings/posting-search-keys.js';
import { storedSummary } from '../../postings/posting-summary.js';
import type { Posting } from '../../referrals/records.js';
import type { BrowseRow, ReferralWithPeople } from '../../referrals/referral-service.js';
import type { BrowseRowView } from '../blocks/browse-blocks.js';
import type { CandidateReferralRow, RecentPostingRow, ReferrerReferralRow } from '../blocks/home-view.js';
import type { PostingRef } from '../blocks/posting-format.js';
import type { ReferralParties } from '../blocks/referral-dms.js';

/** The few facts a DM or a Home row shows about a stored posting. */
export function refOf(posting: Posting): PostingRef {
  const summary = storedSummary(posting.summary);
  return {
    postingId: posting.id,
    title: summary?.title ?? posting.title,
    company: summary?.company ?? null,
    url: summary?.url ?? posting.url,
  };
}

/** What a modal about a posting is headed with. */
export function heading(posting: Posting): Pick<PostingRef, 'postingId' | 'title' | 'company'> {
  const { postingId, title, company } = refOf(posting);
  return { postingId, title, company };
}

export function partiesOf(referral: ReferralWithPeople): ReferralParties {
  return {
    referralId: referral.id,
    candidateUserId: referral.candidate.slackUserId,
    referrerUserId: referral.referrer?.slackUserId ?? null,
    posting: refOf(referral.posting),
  };
}

/** Whole days between two instants, rounded down. */
export function daysBetween(earlier: Date, later: Date): number {
  return Math.floor((later.getTime() - earlier.getTime()) / 86_400_000);
}

/** A referral as the candidate sees it in lists (App Home, `/vouch mine`). */
export function candidateRow(referral: ReferralWithPeople, at: Date): CandidateReferralRow {
  return {
    referralId: referral.id,
    status: referral.status,
    posting: refOf(referral.posting),
    referrerUserId: referral.referrer?.slackUserId ?? null,
    daysSinceChange: daysBetween(referral.statusChangedAt, at),
  };
}

/** A referral as the referrer sees it in lists (App Home, `/vouch mine`). */
export function referrerRow(referral: ReferralWithPeople, at: Date): ReferrerReferralRow {
  return {
    referralId: referral.id,
    status: referral.status,
    posting: refOf(referral.posting),
    candidateUserId: referral.candidate.slackUserId,
    note: referral.candidateNote,
    daysSinceChange: daysBetween(referral.statusChangedAt, at),
  };
}

/** A stored posting as a list row (App Home, `/vouch list`). */
export function postingRow(posting: Posting): RecentPostingRow {
  return { ...refOf(posting), closed: posting.status === 'closed' };
}

/** A page row of a browse (App Home's browse modal, `/vouch list`): the posting's facts and counts. */
export function browseRow(row: BrowseRow, at: Date): BrowseRowView {
  const summary = storedSummary(row.posting.summary);
  return {
    ...refOf(row.posting),
    locations: summary?.locations ?? [],
    workplaceType: summary !== null ? cardWorkplace(summary) : null,
    daysSinceShared: daysBetween(row.posting.createdAt, at),
    counts: row.counts,
  };
}
