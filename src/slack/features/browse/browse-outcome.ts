import type { BrowseFilters, ReferralService } from '../../../referrals/referral-service.js';
import type { BrowseOutcome } from '../../blocks/browse-blocks.js';
import { browseRow } from '../../support/posting-ref.js';

/**
 * One page of open postings as the browse surfaces draw it (the modal, whose `BrowseForm` is a set of
 * `BrowseFilters`, and `/vouch list`).
 */
export async function browseOutcome(
  referrals: Pick<ReferralService, 'browsePostings'>,
  teamId: string,
  filters: BrowseFilters,
  page: number,
  at: Date = new Date(),
): Promise<BrowseOutcome> {
  const found = await referrals.browsePostings(teamId, filters, page);
  return {
    rows: found.rows.map((row) => browseRow(row, at)),
    page: found.page,
    pages: found.pages,
    total: found.total,
    more: found.more,
    reading: found.reading,
    workplaceType: filters.workplaceType ?? null,
    sinceDays: filters.sinceDays ?? null,
    canRefer: filters.canRefer ?? false,
  };
}
