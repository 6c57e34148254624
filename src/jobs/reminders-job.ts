import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import type { Logger } from '../logger.js';
import type { ReferralService } from '../referrals/referral-service.js';
import { whoOwesNextStep } from '../referrals/status-machine.js';
import { reminderDm } from '../slack/blocks/referral-dms.js';
import type { Notifier } from '../slack/support/notifier.js';
import { daysBetween, partiesOf } from '../slack/support/posting-ref.js';
import type { PeriodicJob } from './job-scheduler.js';

export interface RemindersJobDeps {
  db: Db;
  referrals: Pick<ReferralService, 'getReferral'>;
  notifier: Notifier;
  logger: Logger;
  reminderDays: number;
  now?: () => Date;
}

const OPEN = ['interested', 'requested', 'referred', 'interviewing', 'offer'] as const;

/**
 * Nudges whoever owes the next step of a referral unchanged for `reminderDays`, once per stage:
 * the Reminder row (primary key referral + status) is written before the DM, so two replicas or two
 * runs can never both send it.
 */
export function createRemindersJob(deps: RemindersJobDeps): PeriodicJob & { runOnce(): Promise<number> } {
  const { db, referrals, notifier, logger, reminderDays } = deps;
  const now = deps.now ?? (() => new Date());
  async function runOnce(): Promise<number> {
    const at = now();
    const before = new Date(at.getTime() - reminderDays * 86_400_000);
    const due = await db.referral.findMany({
      where: { status: { in: [...OPEN] }, statusChangedAt: { lte: before } },
      orderBy: { statusChangedAt: 'asc' },
      take: 200,
    });
    let sent = 0;
    for (const row of due) {
      const owner = whoOwesNextStep(row.status);
      if (owner === null) continue;
      const already = await db.reminder.findUnique({
        where: { referralId_status: { referralId: row.id, status: row.status } },
      });
      if (already !== null) continue;
      const referral = await referrals.getReferral(row.id);
      const message = reminderDm({
        referral: partiesOf(referral),
        status: referral.status,
        days: daysBetween(referral.statusChangedAt, at),
      });
      const recipient =
        owner === 'candidate' ? referral.candidate.slackUserId : referral.referrer?.slackUserId;
      if (message === null || recipient === undefined) continue;
      try {
        await db.reminder.create({ data: { referralId: row.id, status: row.status, sentAt: at } });
      } catch (error) {
        if (isUniqueViolation(error)) continue;
        throw error;
      }
      await notifier.dm(recipient, message);
      sent += 1;
    }
    if (sent > 0) logger.info({ sent }, 'referral reminders sent');
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
