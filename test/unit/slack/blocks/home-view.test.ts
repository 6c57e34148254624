import { describe, expect, it } from 'vitest';
import { parseStatusUpdate } from '../../../../src/slack/blocks/action-values.js';
import { homeView } from '../../../../src/slack/blocks/home-view.js';
import { findLimitViolations } from '../../../../src/slack/blocks/limits.js';
import { homeActionIds } from '../../../../src/slack/ids.js';
import { stringsMentioning, textOf } from '../../../helpers/slack-blocks.js';
import { mlManagerRef } from './fixtures.js';

const posting = mlManagerRef;

describe('homeView', () => {
  it('tells a new member what to do in every empty section', () => {
    const view = homeView({ asCandidate: [], waitingOnMe: [], companies: [], recentPostings: [] });
    const text = textOf(view);
    expect(view.type).toBe('home');
    expect(text).toContain('Paste a job link in any channel, or `/vouch <link>`');
    expect(text).toContain('`/vouch refer-at <company>`');
    expect(text).toContain("press *I'm interested* on its card");
    expect(text).toContain('Nothing is waiting on you');
    expect(findLimitViolations(view, 'home')).toEqual([]);
  });

  it('shows my referrals with their status and the buttons the state machine allows me', () => {
    const view = homeView({
      asCandidate: [
        { referralId: 'r1', status: 'referred', posting, referrerUserId: 'U0REF', daysSinceChange: 3 },
      ],
      waitingOnMe: [
        { referralId: 'r2', status: 'requested', posting, candidateUserId: 'U0CAND', note: 'hi <!here>' },
      ],
      companies: ['Pinterest'],
      recentPostings: [{ ...posting, counts: { referrers: 2, interested: 1 } }],
    });
    const text = textOf(view);
    expect(text).toContain('📨 Referred · with <@U0REF> · 3 days ago');
    expect(text).toContain('<@U0CAND> for *<https://example.com/j/1|ML Manager>* at Pinterest');
    expect(stringsMentioning(view, '<!here>')).toEqual([]);
    const statusValues = view.blocks
      .flatMap((b) => (b.type === 'actions' ? b.elements : []))
      .map((e) => ('value' in e ? parseStatusUpdate(e.value) : null));
    expect(statusValues).toEqual([
      { referralId: 'r2', to: 'referred' },
      { referralId: 'r2', to: 'declined' },
      { referralId: 'r1', to: 'interviewing' },
      { referralId: 'r1', to: 'not_selected' },
      { referralId: 'r1', to: 'withdrawn' },
    ]);
    expect(view.blocks).toContainEqual(
      expect.objectContaining({
        accessory: expect.objectContaining({ action_id: homeActionIds.removeCompany, value: 'Pinterest' }),
      }),
    );
    expect(text).toContain('🙋 2 can refer · 👀 1 interested');
  });

  it('a finished referral shows its status but no buttons', () => {
    const view = homeView({
      asCandidate: [{ referralId: 'r1', status: 'hired', posting, referrerUserId: null }],
      waitingOnMe: [],
      companies: [],
      recentPostings: [],
    });
    expect(textOf(view)).toContain('🎉 Hired');
    expect(view.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('caps long lists and points to /vouch mine', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      referralId: `r${i}`,
      status: 'requested' as const,
      posting,
      referrerUserId: null,
    }));
    const view = homeView({ asCandidate: many, waitingOnMe: [], companies: [], recentPostings: [] });
    expect(textOf(view)).toContain('…and 28 more: `/vouch mine`');
    expect(findLimitViolations(view, 'home')).toEqual([]);
  });
});
