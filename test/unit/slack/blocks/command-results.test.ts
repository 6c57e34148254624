import { describe, expect, it } from 'vitest';
import {
  erasedResult,
  exportResult,
  forgetMePrompt,
  helpText,
  mineResult,
  privacyResult,
  referAtResult,
  referrersResult,
  statsResult,
} from '../../../../src/slack/blocks/command-results.js';
import { findLimitViolations } from '../../../../src/slack/blocks/limits.js';
import { stringsMentioning, textOf } from '../../../helpers/slack-blocks.js';
import { mlManagerRef } from './fixtures.js';

const posting = mlManagerRef;

describe('/vouch results', () => {
  it('help lists every subcommand', () => {
    const text = textOf(helpText());
    for (const sub of [
      '<job link> [note]',
      'list [company]',
      'mine',
      'refer-at <company>',
      'refer-at remove <company>',
      'referrers <company>',
      'stats',
    ]) {
      expect(text).toContain(`/vouch ${sub}`);
    }
  });

  it('help for unknown input echoes it, escaped', () => {
    const text = textOf(helpText({ unknownText: 'frobnicate <!channel>' }));
    expect(text).toContain("I didn't understand `frobnicate &lt;!channel&gt;`");
  });

  it('mine shows both sides with statuses', () => {
    const text = textOf(
      mineResult({
        asCandidate: [{ referralId: 'r1', status: 'interviewing', posting, referrerUserId: 'U0REF' }],
        asReferrer: [
          { referralId: 'r2', status: 'requested', posting, candidateUserId: 'U0CAND', note: null },
        ],
      }),
    );
    expect(text).toContain('🗣️ Interviewing · <@U0REF>');
    expect(text).toContain('<@U0CAND> for');
    expect(text).toContain('🙏 Referral requested');
  });

  it('referrers names them, or invites the member to be one', () => {
    expect(textOf(referrersResult({ company: 'Pinterest', referrerUserIds: ['U0A', 'U0B'] }))).toContain(
      '<@U0A>, <@U0B>',
    );
    expect(textOf(referrersResult({ company: 'AT&T', referrerUserIds: [] }))).toContain(
      '`/vouch refer-at AT&amp;T`',
    );
  });

  it('refer-at confirms each case', () => {
    expect(referAtResult({ company: 'Acme', removed: false, changed: true }).text).toContain(
      'Noted: you can refer at *Acme*',
    );
    expect(referAtResult({ company: 'Acme', removed: false, changed: false }).text).toContain(
      'already listed',
    );
    expect(referAtResult({ company: 'Acme', removed: true, changed: true }).text).toContain(
      'no longer listed',
    );
    expect(referAtResult({ company: 'Acme', removed: true, changed: false }).text).toContain(
      "weren't listed",
    );
  });

  it('stats counts referrals and hires', () => {
    const stats = statsResult({
      postings: { open: 4, closed: 1 },
      referralsByStatus: { requested: 3, hired: 2 },
      referrers: 7,
    });
    const text = textOf(stats);
    expect(text).toContain('*5* referral requests · 🎉 *2* hired');
    expect(text).toContain('🙏 Referral requested: *3*');
    expect(stringsMentioning(stats, 'Withdrawn')).toEqual([]);
    expect(findLimitViolations(stats, 'message')).toEqual([]);
  });

  it('long lists stay within message limits', () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      referralId: `r${i}`,
      status: 'requested' as const,
      posting,
      referrerUserId: null,
    }));
    expect(findLimitViolations(mineResult({ asCandidate: rows, asReferrer: [] }), 'message')).toEqual([]);
  });
});

describe('/vouch data rights', () => {
  it('privacy says who sees what and names the retention, within Slack limits', () => {
    const message = privacyResult({ noteRetentionDays: 90 });
    const text = textOf(message);
    expect(text).toContain('Your interest is private');
    expect(text).toContain('erased 90 days after it closed');
    expect(findLimitViolations(message, 'message')).toEqual([]);
  });

  it('forget-me offers one red button that asks for a confirmation, within Slack limits', () => {
    const message = forgetMePrompt();
    const buttons = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    expect(buttons).toEqual([
      expect.objectContaining({
        action_id: 'privacy_erase_everything',
        style: 'danger',
        confirm: expect.any(Object),
      }),
    ]);
    expect(findLimitViolations(message, 'message')).toEqual([]);
  });

  it('answers export and erasure in a sentence', () => {
    expect(exportResult('sent').text).toMatch(/DM/);
    expect(exportResult('nothing').text).toMatch(/nothing/);
    expect(erasedResult(true).text).toMatch(/erased everything/);
    expect(erasedResult(false).text).toMatch(/nothing to erase/);
  });
});
