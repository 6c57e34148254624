import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import type { Logger } from '../logger.js';
import type { ReferralService, ReferralWithPeople } from '../referrals/referral-service.js';
import { openStatuses, whoOwesNextStep } from '../referrals/status-machine.js';
import { teamWorkspace } from '../runtime/workspace-context.js';
import { reminderDm } from '../slack/blocks/referral-dms.js';
import { dmJob } from '../slack/effects/effect-jobs.js';
import { daysBetween, partiesOf } from '../slack/support/posting-ref.js';
import { addJob, type WorkQueue } from '../work/work-queue.js';
import type { PeriodicJob } from './job-scheduler.js';

export interface RemindersJobDeps {
  db: Db;
  referrals: Pick<ReferralService, 'getReferral'>;
  /** Wakes the work queue once a round wrote reminder DMs as jobs. */
  work: Pick<WorkQueue, 'wake'>;
  logger: Logger;
  reminderDays: number;
  now?: () => Date;
}

/** Referrals looked at per status and round; the oldest first. */
const BATCH = 200;

/**
 * Nudges whoever owes the next step of a referral unchanged for `reminderDays`, once per stage:
 * the Reminder row (primary key referral + status) and its DMs, as jobs of the work queue, are
 * written in one transaction, so two replicas or two runs can never both send it, and a crash after
 * the row is written cannot lose the DM. A request sent to "anyone who can refer" names the candidate only to
 * the referrer they accepted: until then nobody is nudged with it (the invitations stay anonymous).
 */
export function createRemindersJob(deps: RemindersJobDeps): PeriodicJob & { runOnce(): Promise<number> } {
  const { db, referrals, work, logger, reminderDays } = deps;
  const now = deps.now ?? (() => new Date());

  /** Slack user ids to nudge; empty when nobody can act yet. */
  function recipientsOf(referral: ReferralWithPeople, owner: 'candidate' | 'referrer'): string[] {
    if (owner === 'candidate') return [referral.candidate.slackUserId];
    return referral.referrer !== null ? [referral.referrer.slackUserId] : [];
  }

  async function runOnce(): Promise<number> {
    const at = now();
    const before = new Date(at.getTime() - reminderDays * 86_400_000);
    let sent = 0;
    for (const status of openStatuses) {
      const owner = whoOwesNextStep(status);
      if (owner === null) continue;
      // Referrals already reminded at this stage are left out by the query itself, so they can
      // never crowd newer ones out of the batch.
      const due = await db.referral.findMany({
        where: { status, statusChangedAt: { lte: before }, reminders: { none: { status } } },
        orderBy: { statusChangedAt: 'asc' },
        take: BATCH,
        select: { id: true, posting: { select: { workspaceId: true } } },
      });
      for (const row of due) {
        const referral = await referrals.getReferral(row.id);
        if (referral.status !== status) continue;
        const message = reminderDm({
          referral: partiesOf(referral),
          status,
          days: daysBetween(referral.statusChangedAt, at),
        });
        const recipients = recipientsOf(referral, owner);
        if (message === null || recipients.length === 0) continue;
        try {
          await db.$transaction(async (tx) => {
            await tx.reminder.create({ data: { referralId: row.id, status, sentAt: at } });
            // Keyed by the Reminder row's own key: written once, with it.
            await addJob(
              tx,
              ...recipients.map((userId) => ({
                ...dmJob(`reminder:${row.id}:${status}:${userId}`, userId, message),
                workspace: teamWorkspace(row.posting.workspaceId),
              })),
            );
          });
        } catch (error) {
          if (isUniqueViolation(error)) continue;
          throw error;
        }
        sent += 1;
      }
    }
    if (sent > 0) {
      work.wake();
      logger.info({ sent }, 'referral reminders written');
    }
    return sent;
  }
  return {
    name: 'referral-reminders',
    everyMs: 60 * 60 * 1000,
    run: async () => {
      await runOnce();
    },
    runOnce,
  };
}
