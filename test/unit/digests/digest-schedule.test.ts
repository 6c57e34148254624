import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIGEST_SCHEDULE,
  nextDigestAt,
  previousDigestAt,
} from '../../../src/digests/digest-schedule.js';

const at = (iso: string) => new Date(iso);

describe('when digests go out', () => {
  it('daily: the next 09:00 UTC, tomorrow once today’s has passed (09:00 itself counts as passed)', () => {
    expect(nextDigestAt('daily', at('2026-12-07T08:59:59Z'), DEFAULT_DIGEST_SCHEDULE)).toEqual(
      at('2026-12-07T09:00:00Z'),
    );
    expect(nextDigestAt('daily', at('2026-12-07T09:00:00Z'), DEFAULT_DIGEST_SCHEDULE)).toEqual(
      at('2026-12-08T09:00:00Z'),
    );
    expect(nextDigestAt('daily', at('2026-12-31T23:30:00Z'), DEFAULT_DIGEST_SCHEDULE)).toEqual(
      at('2027-01-01T09:00:00Z'),
    );
  });

  it('weekly: the next Monday 09:00 UTC', () => {
    // 2026-12-07 is a Monday.
    expect(nextDigestAt('weekly', at('2026-12-07T08:00:00Z'), DEFAULT_DIGEST_SCHEDULE)).toEqual(
      at('2026-12-07T09:00:00Z'),
    );
    expect(nextDigestAt('weekly', at('2026-12-07T09:00:00Z'), DEFAULT_DIGEST_SCHEDULE)).toEqual(
      at('2026-12-14T09:00:00Z'),
    );
    expect(nextDigestAt('weekly', at('2026-12-10T18:00:00Z'), DEFAULT_DIGEST_SCHEDULE)).toEqual(
      at('2026-12-14T09:00:00Z'),
    );
    expect(nextDigestAt('weekly', at('2026-12-13T23:59:00Z'), DEFAULT_DIGEST_SCHEDULE)).toEqual(
      at('2026-12-14T09:00:00Z'),
    );
  });

  it('follows the operator’s hour and weekday', () => {
    const fridayMidnight = { hourUtc: 0, weekday: 5 };
    expect(nextDigestAt('weekly', at('2026-12-07T12:00:00Z'), fridayMidnight)).toEqual(
      at('2026-12-11T00:00:00Z'),
    );
    expect(nextDigestAt('daily', at('2026-12-07T12:00:00Z'), fridayMidnight)).toEqual(
      at('2026-12-08T00:00:00Z'),
    );
  });

  it('a new digest’s first period starts at the schedule’s last time, one period before its first digest', () => {
    const now = at('2026-12-09T15:00:00Z');
    expect(previousDigestAt('daily', now, DEFAULT_DIGEST_SCHEDULE)).toEqual(at('2026-12-09T09:00:00Z'));
    expect(previousDigestAt('weekly', now, DEFAULT_DIGEST_SCHEDULE)).toEqual(at('2026-12-07T09:00:00Z'));
    expect(previousDigestAt('daily', at('2026-12-09T09:00:00Z'), DEFAULT_DIGEST_SCHEDULE)).toEqual(
      at('2026-12-09T09:00:00Z'),
    );
  });
});
