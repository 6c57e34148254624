import { describe, expect, it } from 'vitest';
import {
  type ActorRole,
  actorRoles,
  canTransition,
  isOpen,
  nextActions,
  type ReferralStatus,
  referralStatuses,
  statusLabel,
  transition,
  whoOwesNextStep,
} from '../../../src/referrals/status-machine.js';

/**
 * The whole permission table, written out by hand from the product issue. Every pair not listed
 * here is refused for every role.
 */
const allowed: Record<string, readonly ActorRole[]> = {
  'interested → requested': ['candidate'],
  'interested → referred': ['referrer'],
  'interested → declined': ['referrer'],
  'interested → withdrawn': ['candidate'],
  'interested → closed': ['system'],

  'requested → referred': ['referrer'],
  'requested → declined': ['referrer'],
  'requested → withdrawn': ['candidate'],
  'requested → closed': ['system'],

  'referred → interviewing': ['candidate', 'referrer'],
  'referred → not_selected': ['candidate', 'referrer'],
  'referred → withdrawn': ['candidate'],
  'referred → closed': ['system'],

  'interviewing → offer': ['candidate', 'referrer'],
  'interviewing → not_selected': ['candidate', 'referrer'],
  'interviewing → withdrawn': ['candidate'],
  'interviewing → closed': ['system'],

  'offer → hired': ['candidate', 'referrer'],
  'offer → not_selected': ['candidate', 'referrer'],
  'offer → withdrawn': ['candidate'],
  'offer → closed': ['system'],
};

const every = referralStatuses.flatMap((from) =>
  referralStatuses.flatMap((to) => actorRoles.map((role) => ({ from, to, role }))),
);

describe('status machine: every (from, to, role)', () => {
  it('covers all 300 combinations', () => {
    expect(every).toHaveLength(10 * 10 * 3);
  });

  it.each(every)('$from → $to by $role', ({ from, to, role }) => {
    const expected = allowed[`${from} → ${to}`]?.includes(role) ?? false;
    expect(canTransition(from, to, role)).toBe(expected);
    const result = transition(from, to, role);
    expect(result.ok).toBe(expected);
    if (!result.ok) {
      expect(result.reason).toMatch(/^[A-Z].*\.$/);
      expect(result.reason.length).toBeLessThan(150);
    }
  });

  it('lists no allowed pair that is not a real status', () => {
    for (const key of Object.keys(allowed)) {
      const [from, to] = key.split(' → ') as [ReferralStatus, ReferralStatus];
      expect(referralStatuses).toContain(from);
      expect(referralStatuses).toContain(to);
    }
  });
});

describe('refusal reasons read as sentences for the person who clicked', () => {
  it('names the role that may act', () => {
    expect(transition('requested', 'referred', 'candidate')).toEqual({
      ok: false,
      reason: 'Only the referrer can mark this as referred.',
    });
    expect(transition('requested', 'withdrawn', 'referrer')).toEqual({
      ok: false,
      reason: 'Only the candidate can withdraw this request.',
    });
    expect(transition('interested', 'requested', 'referrer')).toEqual({
      ok: false,
      reason: 'Only the candidate can ask for a referral.',
    });
    expect(transition('offer', 'hired', 'system')).toEqual({
      ok: false,
      reason: 'Only the candidate or the referrer can record a hire.',
    });
    expect(transition('referred', 'closed', 'candidate')).toEqual({
      ok: false,
      reason: 'Only Vouch can close a referral, when the posting is gone.',
    });
  });

  it('says a finished referral is finished', () => {
    expect(transition('hired', 'offer', 'referrer')).toEqual({
      ok: false,
      reason: 'This referral is already hired.',
    });
    expect(transition('withdrawn', 'requested', 'candidate')).toEqual({
      ok: false,
      reason: 'This referral is already withdrawn.',
    });
  });

  it('treats a repeated click as already done', () => {
    expect(transition('referred', 'referred', 'referrer')).toEqual({
      ok: false,
      reason: 'This referral is already referred.',
    });
  });

  it('refuses going backwards', () => {
    expect(transition('interviewing', 'requested', 'candidate')).toEqual({
      ok: false,
      reason: "A referral that is at the interview stage can't be moved to “Referral requested”.",
    });
  });
});

describe('nextActions: the buttons each party sees', () => {
  const table: Array<[ReferralStatus, ActorRole, ReferralStatus[]]> = [
    ['interested', 'candidate', ['requested', 'withdrawn']],
    ['interested', 'referrer', ['referred', 'declined']],
    ['requested', 'candidate', ['withdrawn']],
    ['requested', 'referrer', ['referred', 'declined']],
    ['referred', 'candidate', ['interviewing', 'not_selected', 'withdrawn']],
    ['referred', 'referrer', ['interviewing', 'not_selected']],
    ['interviewing', 'referrer', ['offer', 'not_selected']],
    ['offer', 'candidate', ['hired', 'not_selected', 'withdrawn']],
    ['offer', 'system', ['closed']],
    ['hired', 'candidate', []],
    ['closed', 'referrer', []],
  ];
  it.each(table)('%s as %s → %j', (status, role, expected) => {
    expect(nextActions(status, role)).toEqual(expected);
  });

  it('agrees with canTransition everywhere', () => {
    for (const { from, to, role } of every) {
      expect(nextActions(from, role).includes(to)).toBe(canTransition(from, to, role));
    }
  });
});

describe('open statuses, reminders and labels', () => {
  it('only the five pipeline stages before an outcome are open', () => {
    expect(referralStatuses.filter(isOpen)).toEqual([
      'interested',
      'requested',
      'referred',
      'interviewing',
      'offer',
    ]);
  });

  it('every open status has a way out for the candidate (withdraw) and the system (close)', () => {
    for (const status of referralStatuses.filter(isOpen)) {
      expect(canTransition(status, 'withdrawn', 'candidate')).toBe(true);
      expect(canTransition(status, 'closed', 'system')).toBe(true);
    }
  });

  it.each([
    ['interested', 'referrer'],
    ['requested', 'referrer'],
    ['referred', 'candidate'],
    ['interviewing', 'candidate'],
    ['offer', 'candidate'],
    ['hired', null],
    ['declined', null],
    ['not_selected', null],
    ['withdrawn', null],
    ['closed', null],
  ] as const)('at %s the next step is owed by %s', (status, owner) => {
    expect(whoOwesNextStep(status)).toBe(owner);
  });

  it('labels every status with an emoji and words, all different', () => {
    const labels = referralStatuses.map(statusLabel);
    expect(new Set(labels).size).toBe(referralStatuses.length);
    expect(statusLabel('hired')).toBe('🎉 Hired');
    for (const label of labels) expect(label).toMatch(/^\S+ [A-Z][a-z]/);
  });
});
