import { z } from 'zod';

/** How often a channel gets its digest. */
export const digestFrequencySchema = z.enum(['daily', 'weekly']);
export type DigestFrequency = z.infer<typeof digestFrequencySchema>;

/**
 * When digests go out, for every channel of the deployment (`VOUCH_DIGEST_HOUR_UTC`,
 * `VOUCH_DIGEST_WEEKDAY`): daily at `hourUtc`:00 UTC, weekly on `weekday` (as `Date.getUTCDay()`
 * numbers it: 0 is Sunday) at that hour. UTC has no daylight saving: every day has the same hour.
 */
export interface DigestSchedule {
  hourUtc: number;
  weekday: number;
}

/** Monday 09:00 UTC for weekly digests, 09:00 UTC every day for daily ones. */
export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { hourUtc: 9, weekday: 1 };

const DAYS: Record<DigestFrequency, number> = { daily: 1, weekly: 7 };

/** The first time of the schedule strictly after `after`. */
export function nextDigestAt(frequency: DigestFrequency, after: Date, schedule: DigestSchedule): Date {
  const at = new Date(
    Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), schedule.hourUtc),
  );
  if (frequency === 'weekly') at.setUTCDate(at.getUTCDate() + ((schedule.weekday - at.getUTCDay() + 7) % 7));
  if (at.getTime() <= after.getTime()) at.setUTCDate(at.getUTCDate() + DAYS[frequency]);
  return at;
}

/** The last time of the schedule at or before `at`: where a new digest's first period starts. */
export function previousDigestAt(frequency: DigestFrequency, at: Date, schedule: DigestSchedule): Date {
  const before = nextDigestAt(frequency, at, schedule);
  before.setUTCDate(before.getUTCDate() - DAYS[frequency]);
  return before;
}
