import type { Logger } from '../logger.js';
import type { PostingStore } from '../postings/posting-store.js';
import type { ReferralService } from '../referrals/referral-service.js';
import { teamWorkspace, withWorkspace } from '../runtime/workspace-context.js';
import { statusNoticeJob } from '../slack/effects/notice-jobs.js';
import type { CardPublisher } from '../slack/support/card-publisher.js';
import { addJob } from '../work/work-queue.js';
import type { PeriodicJob } from './job-scheduler.js';

export interface LivenessJobDeps {
  postings: Pick<PostingStore, 'dueForCheck' | 'recheck'>;
  referrals: Pick<ReferralService, 'openReferralsOf' | 'changeStatus'>;
  cards: Pick<CardPublisher, 'refresh'>;
  logger: Logger;
  livenessHours: number;
}

/**
 * Re-checks open postings every `livenessHours`. A posting the job board reports gone is closed, its
 * open referrals are closed by the system, and both people of each are told (nobody left wondering).
 */
export function createLivenessJob(
  deps: LivenessJobDeps,
): PeriodicJob & { runOnce(): Promise<{ checked: number; closed: number }> } {
  const { postings, referrals, cards, logger, livenessHours } = deps;
  const periodMs = livenessHours * 60 * 60 * 1000;
  async function runOnce() {
    const due = await postings.dueForCheck(periodMs, 100);
    let closed = 0;
    for (const posting of due) {
      try {
        const result = await postings.recheck(posting);
        if (!result.closedNow) continue;
        closed += 1;
        for (const referral of await referrals.openReferralsOf(posting.id)) {
          // Closed, and both parties' notices queued, in one transaction.
          await referrals.changeStatus(
            { referralId: referral.id, actor: { kind: 'system' }, to: 'closed' },
            (tx, written) =>
              addJob(tx, { ...statusNoticeJob(written), workspace: teamWorkspace(posting.workspaceId) }),
          );
        }
        // The card is in the posting's workspace: its token (with several workspaces).
        await withWorkspace(teamWorkspace(posting.workspaceId), () => cards.refresh(posting));
      } catch (error) {
        logger.warn({ err: error, postingId: posting.id }, 'liveness check failed for a posting');
      }
    }
    if (due.length > 0) logger.info({ checked: due.length, closed }, 'posting liveness checked');
    return { checked: due.length, closed };
  }
  return {
    name: 'posting-liveness',
    // Check often, in small batches: each posting is still only re-checked every `livenessHours`.
    everyMs: Math.min(periodMs, 60 * 60 * 1000),
    run: async () => {
      await runOnce();
    },
    runOnce,
  };
}
