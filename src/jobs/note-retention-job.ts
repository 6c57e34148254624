import type { Logger } from '../logger.js';
import type { MemberData } from '../privacy/member-data.js';
import type { PeriodicJob } from './job-scheduler.js';

export interface NoteRetentionJobDeps {
  memberData: Pick<MemberData, 'eraseExpiredNotes'>;
  logger: Pick<Logger, 'info'>;
  retentionDays: number;
}

/**
 * Erases the notes of referrals closed more than `retentionDays` ago (VOUCH_NOTE_RETENTION_DAYS):
 * a note was written to get a referral; once it is over, keeping it only keeps a risk.
 */
export function createNoteRetentionJob(
  deps: NoteRetentionJobDeps,
): PeriodicJob & { runOnce(): Promise<number> } {
  const { memberData, logger, retentionDays } = deps;
  async function runOnce(): Promise<number> {
    const cleared = await memberData.eraseExpiredNotes(retentionDays);
    if (cleared > 0) logger.info({ cleared, retentionDays }, 'notes of closed referrals erased');
    return cleared;
  }
  return {
    name: 'note-retention',
    everyMs: 6 * 60 * 60 * 1000,
    run: async () => {
      await runOnce();
    },
    runOnce,
  };
}
