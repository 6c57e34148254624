import { describe, expect, it } from 'vitest';
import { detailsModal } from '../../../../src/slack/blocks/details-modal.js';
import { homeView } from '../../../../src/slack/blocks/home-view.js';
import { interestModal } from '../../../../src/slack/blocks/interest-modal.js';
import {
  findLimitViolations,
  fitBlocks,
  slackLimits,
  textLength,
  truncate,
  truncateMrkdwn,
} from '../../../../src/slack/blocks/limits.js';
import { cardText, postingCard } from '../../../../src/slack/blocks/posting-card.js';
import { postingRef } from '../../../../src/slack/blocks/posting-format.js';
import { referrerRequestDm, statusChangedDm, tagDm } from '../../../../src/slack/blocks/referral-dms.js';
import { rememberCompanyPrompt } from '../../../../src/slack/blocks/remember-company-prompt.js';
import { tagModal } from '../../../../src/slack/blocks/tag-modal.js';
import { stringsMentioning, textOf } from '../../../helpers/slack-blocks.js';
import { cardInput, hugeSummary } from './fixtures.js';

describe('truncate', () => {
  it('leaves short text alone and ends cut text with …', () => {
    expect(truncate('hello', 5)).toBe('hello');
    expect(truncate('hello world', 8)).toBe('hello w…');
    expect(truncate('hello world', 8)).toHaveLength(8);
  });

  it('never splits an emoji in half', () => {
    const cut = truncate('ab😀😀😀', 4);
    expect(cut).toBe('ab…');
    expect(cut.isWellFormed()).toBe(true);
  });
});

describe('truncateMrkdwn', () => {
  it('does not cut inside an escape', () => {
    expect(truncateMrkdwn('AT&amp;T rocks', 6)).toBe('AT…');
  });

  it('does not cut inside a mention or link', () => {
    expect(truncateMrkdwn('hi <@U12345678> there', 10)).toBe('hi…');
    expect(truncateMrkdwn('see <https://example.com/a|the job>', 20)).toBe('see…');
  });
});

describe('fitBlocks', () => {
  const block = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

  it('keeps the tail and adds the notice when content does not fit', () => {
    const content = Array.from({ length: 10 }, (_, i) => block(`c${i}`));
    const { blocks, cut } = fitBlocks({
      content,
      tail: [block('tail')],
      maxBlocks: 5,
      notice: block('cut!'),
    });
    expect(cut).toBe(true);
    expect(blocks.map((b) => b.text.text)).toEqual(['c0', 'c1', 'c2', 'cut!', 'tail']);
  });

  it('adds no notice when everything fits', () => {
    const { blocks, cut } = fitBlocks({
      content: [block('a')],
      tail: [block('z')],
      maxBlocks: 3,
      notice: block('!'),
    });
    expect(cut).toBe(false);
    expect(blocks).toHaveLength(2);
  });

  it('cuts on the text budget too', () => {
    const content = [block('x'.repeat(60)), block('y'.repeat(60))];
    const { blocks } = fitBlocks({ content, maxBlocks: 50, maxText: 100, notice: block('cut') });
    expect(blocks.map((b) => b.text.text)).toEqual(['x'.repeat(60), 'cut']);
  });
});

describe('findLimitViolations catches what Slack would reject', () => {
  it('flags long headers, buttons, values, too many blocks and duplicate action ids', () => {
    const problems = findLimitViolations(
      {
        text: 'x',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                action_id: 'a',
                text: { type: 'plain_text', text: 'b'.repeat(76) },
                value: 'v'.repeat(2001),
              },
              { type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'ok' } },
            ],
          },
          { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })) },
          ...Array.from({ length: 50 }, () => ({ type: 'divider' })),
        ],
      },
      'message',
    );
    expect(problems.join('\n')).toMatch(/header/);
    expect(problems.join('\n')).toMatch(/button text/);
    expect(problems.join('\n')).toMatch(/button value/);
    expect(problems.join('\n')).toMatch(/duplicate action_id/);
    expect(problems.join('\n')).toMatch(/context.*elements/);
    expect(problems.join('\n')).toMatch(/^blocks: 53 > 50/m);
  });

  it('flags an overflow menu of more than 5 options or fewer than 2 (not 10: that is checkboxes)', () => {
    const overflow = (n: number) => ({
      text: 'x',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'Card' },
          accessory: {
            type: 'overflow',
            action_id: 'more',
            options: Array.from({ length: n }, (_, i) => ({
              text: { type: 'plain_text', text: `Option ${i}` },
              value: `${i}`,
            })),
          },
        },
      ],
    });
    expect(findLimitViolations(overflow(6), 'message')).toEqual(['block 0 (section) options: 6 > 5']);
    expect(findLimitViolations(overflow(1), 'message')).toEqual([
      'block 0 (section) overflow options: 1 < 2',
    ]);
    expect(findLimitViolations(overflow(5), 'message')).toEqual([]);
  });

  it('flags a modal title over 24 characters', () => {
    const problems = findLimitViolations(
      { type: 'modal', title: { type: 'plain_text', text: 't'.repeat(25) }, blocks: [] },
      'modal',
    );
    expect(problems).toEqual(['modal title: 25 > 24']);
  });
});

describe('a huge posting (100 bullets of 5,000 chars, 200-char title) stays inside every limit', () => {
  const summary = hugeSummary();
  const ref = postingRef('post_big', summary);
  const manyUsers = Array.from({ length: 300 }, (_, i) => ({ userId: `U${String(i).padStart(8, '0')}` }));
  const huge = cardInput({
    summary,
    postingId: 'post_big',
    sharerNote: 'n'.repeat(5000),
    referrers: manyUsers,
    namedCandidates: manyUsers,
    companyReferrers: manyUsers.map((u) => ({ userId: `${u.userId}X` })),
    limitedSource: true,
  });

  const payloads: Array<[string, unknown, 'message' | 'modal' | 'home']> = [
    ['postingCard', postingCard(huge), 'message'],
    ['postingCard (closed)', postingCard({ ...huge, closed: true }), 'message'],
    ['detailsModal', detailsModal(summary, { postingId: 'post_big', limitedSource: true }), 'modal'],
    [
      'interestModal',
      interestModal({
        postingId: 'post_big',
        title: summary.title,
        company: summary.company,
        referrers: manyUsers.map((u) => ({ ...u, name: 'N'.repeat(200) })),
        metadata: { blob: 'm'.repeat(5000) },
      }),
      'modal',
    ],
    [
      'tagModal',
      tagModal({ postingId: 'post_big', title: summary.title, company: summary.company }),
      'modal',
    ],
    [
      'referrerRequestDm',
      referrerRequestDm({
        referralId: 'ref_1',
        candidateUserId: 'U0CAND',
        posting: ref,
        note: 'n'.repeat(5000),
        teamId: 'T0TEAM',
      }),
      'message',
    ],
    [
      'statusChangedDm',
      statusChangedDm({
        referral: { referralId: 'ref_1', candidateUserId: 'U0CAND', referrerUserId: 'U0REF', posting: ref },
        from: 'requested',
        to: 'referred',
        actorRole: 'referrer',
        note: 'n'.repeat(5000),
      }),
      'message',
    ],
    ['tagDm', tagDm({ role: 'candidate', taggedBy: 'U0TAGGER', posting: huge }), 'message'],
    [
      'rememberCompanyPrompt',
      rememberCompanyPrompt({ company: 'C'.repeat(5000), postingId: 'post_big' }),
      'message',
    ],
    [
      'homeView',
      homeView({
        asCandidate: Array.from({ length: 200 }, (_, i) => ({
          referralId: `r${i}`,
          status: 'referred' as const,
          posting: ref,
          referrerUserId: 'U0REF',
          daysSinceChange: i,
        })),
        waitingOnMe: Array.from({ length: 200 }, (_, i) => ({
          referralId: `w${i}`,
          status: 'requested' as const,
          posting: ref,
          candidateUserId: 'U0CAND',
          note: 'n'.repeat(5000),
        })),
        companies: Array.from({ length: 200 }, (_, i) => `Company ${i} ${'c'.repeat(3000)}`),
        recentPostings: Array.from({ length: 200 }, () => ({
          ...ref,
          counts: { referrers: 1, interested: 2 },
        })),
      }),
      'home',
    ],
  ];

  it.each(payloads)('%s', (_name, payload, surface) => {
    expect(findLimitViolations(payload, surface)).toEqual([]);
    expect(textLength(payload)).toBeLessThanOrEqual(slackLimits.totalText);
  });

  it('the card header is cut to 150 characters with …', () => {
    const head = postingCard(huge).blocks[0];
    expect(head).toMatchObject({ type: 'header' });
    const text = (head as { text: { text: string } }).text.text;
    expect(text).toHaveLength(150);
    expect(text.endsWith('…')).toBe(true);
  });

  it('the card keeps its buttons however big the posting', () => {
    const last = postingCard(huge).blocks.at(-1);
    expect(last).toMatchObject({ type: 'actions' });
  });

  it('the details modal says it was cut', () => {
    expect(textOf(detailsModal(summary, { postingId: 'post_big' }))).toContain('Cut to fit Slack');
  });

  it('the fallback text stays short', () => {
    expect(cardText(summary).length).toBeLessThanOrEqual(400);
  });

  it('escapes <!channel> from the posting itself', () => {
    const card = postingCard(huge);
    expect(stringsMentioning(card, '<!channel>')).toEqual([]);
    expect(textOf(card)).toContain('&lt;!channel&gt;');
  });
});
