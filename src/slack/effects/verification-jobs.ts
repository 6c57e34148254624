import { randomUUID } from 'node:crypto';
import type { Logger } from '../../logger.js';
import { storedSummary } from '../../postings/posting-summary.js';
import { postingCompanyDomain } from '../../referrals/company-domains.js';
import type { Posting } from '../../referrals/records.js';
import type { ReferrerVerification, VerificationChanges } from '../../referrals/referrer-verification.js';
import { createRecentMap } from '../../runtime/recent-map.js';
import { teamWorkspace } from '../../runtime/workspace-context.js';
import { addJob, type JobSpec, type WorkQueue } from '../../work/work-queue.js';
import { cardRefreshJobs } from './effect-jobs.js';
import { referrerAppearedJob } from './notice-jobs.js';

/**
 * What a change of verification owes others, as jobs for the transaction that made it: the cards
 * showing a changed ✓ are redrawn, and under `VOUCH_REFERRERS=verified` a referrer who just turned
 * verified is treated as newly able to refer (candidates waiting there told, open requests reaching
 * them), as "I can refer" would have done had they been verified then.
 */
export function verificationFollowUps(
  cause: string,
  changes: VerificationChanges,
  policy: 'any' | 'verified',
): JobSpec[] {
  return [
    ...cardRefreshJobs(`${cause}:verified`, changes.postingIds),
    ...(policy === 'verified'
      ? changes.newlyVerified.map((row) =>
          referrerAppearedJob(row.where, { memberId: row.memberId, slackUserId: row.slackUserId }),
        )
      : []),
  ];
}

export interface PostingDomainWatchDeps {
  verification: Pick<ReferrerVerification, 'recheckCompany'>;
  work: Pick<WorkQueue, 'wake'>;
  policy: 'any' | 'verified';
  logger: Logger;
}

/**
 * Told of every posting written (the posting store's `rows.changed`): a posting on a company's own
 * site not seen before in this process (careers.acme.com for Acme) may make its domain one of the
 * company's, so the company's referrers are re-checked, and the cards and requests that follows
 * written as jobs. Postings on job boards, IP addresses and other sites cost nothing. After a restart
 * the first posting of each company domain re-checks once more (harmless: nothing changes).
 */
export function createPostingDomainWatch(deps: PostingDomainWatchDeps): (posting: Posting) => void {
  const seen = createRecentMap<string, true>({ max: 10_000 });
  return (posting) => {
    const companyId = posting.companyId;
    if (companyId === null) return;
    const names = [storedSummary(posting.summary)?.company ?? posting.title ?? ''].filter(Boolean);
    const domain =
      postingCompanyDomain(posting.url, names) ?? postingCompanyDomain(posting.canonicalUrl, names);
    if (domain === null) return;
    const key = `${companyId}:${domain}`;
    if (seen.get(key) !== undefined) return;
    seen.set(key, true);
    deps.verification
      .recheckCompany(companyId, async (tx, changes) => {
        // Written outside any request (a liveness check may store the posting): its workspace's work.
        const workspace = teamWorkspace(posting.workspaceId);
        const jobs = verificationFollowUps(`posting-domain:${randomUUID()}`, changes, deps.policy);
        await addJob(tx, ...jobs.map((job) => ({ ...job, workspace })));
      })
      .then((changes) => {
        if (changes.postingIds.length > 0 || changes.newlyVerified.length > 0) deps.work.wake();
      })
      .catch((error: unknown) => {
        seen.delete(key);
        deps.logger.warn(
          { err: error, companyId },
          'could not re-check verified referrers after a new posting',
        );
      });
  };
}
