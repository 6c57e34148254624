import type { VerificationChanges } from '../../referrals/referrer-verification.js';
import type { JobSpec } from '../../work/work-queue.js';
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
