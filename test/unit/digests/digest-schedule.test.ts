import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIGEST_SCHEDULE,
  type DigestFrequency,
  type DigestSchedule,
  nextDigestAt,
  previousDigestAt,
} from '../../../src/digests/digest-schedule.js';

const fridayMidnight: DigestSchedule = { hourUtc: 0, weekday: 5 };

describe('when digests go out', () => {
  // 2026-12-07 is a Monday.
  it.each<[string, DigestFrequency, string, string, DigestSchedule?]>([
    ['daily, before today’s', 'daily', '2026-12-07T08:59:59Z', '2026-12-07T09:00:00Z'],
    ['daily, at 09:00 itself (it has passed)', 'daily', '2026-12-07T09:00:00Z', '2026-12-08T09:00:00Z'],
    ['daily, over the new year', 'daily', '2026-12-31T23:30:00Z', '2027-01-01T09:00:00Z'],
    ['weekly, on Monday before 09:00', 'weekly', '2026-12-07T08:00:00Z', '2026-12-07T09:00:00Z'],
    ['weekly, on Monday at 09:00', 'weekly', '2026-12-07T09:00:00Z', '2026-12-14T09:00:00Z'],
    ['weekly, on Thursday', 'weekly', '2026-12-10T18:00:00Z', '2026-12-14T09:00:00Z'],
    ['weekly, late on Sunday', 'weekly', '2026-12-13T23:59:00Z', '2026-12-14T09:00:00Z'],
    [
      'weekly, the operator’s Friday midnight',
      'weekly',
      '2026-12-07T12:00:00Z',
      '2026-12-11T00:00:00Z',
      fridayMidnight,
    ],
    [
      'daily, the operator’s midnight',
      'daily',
      '2026-12-07T12:00:00Z',
      '2026-12-08T00:00:00Z',
      fridayMidnight,
    ],
  ])('%s: after %s… the next is at the expected time', (_what, frequency, after, expected, schedule) => {
    expect(nextDigestAt(frequency, new Date(after), schedule ?? DEFAULT_DIGEST_SCHEDULE).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });

  it.each<[DigestFrequency, string, string]>([
    ['daily', '2026-12-09T15:00:00Z', '2026-12-09T09:00:00Z'],
    ['weekly', '2026-12-09T15:00:00Z', '2026-12-07T09:00:00Z'],
    ['daily', '2026-12-09T09:00:00Z', '2026-12-09T09:00:00Z'],
  ])('a new %s digest set at %s covers what was shared since %s', (frequency, now, start) => {
    expect(previousDigestAt(frequency, new Date(now), DEFAULT_DIGEST_SCHEDULE).toISOString()).toBe(
      new Date(start).toISOString(),
    );
  });
});
