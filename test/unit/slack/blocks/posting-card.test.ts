import { describe, expect, it } from 'vitest';
import type { KnownBlock } from '../../../../src/slack/blocks/block-kit.js';
import { findLimitViolations } from '../../../../src/slack/blocks/limits.js';
import { cardText, plainLinkCard, postingCard } from '../../../../src/slack/blocks/posting-card.js';
import { factsLine, formatSalary, isLimitedSource } from '../../../../src/slack/blocks/posting-format.js';
import { cardActionIds } from '../../../../src/slack/ids.js';
import { stringsIn, stringsMentioning, textOf } from '../../../helpers/slack-blocks.js';
import { cardInput, pinterestSummary } from './fixtures.js';

function buttons(blocks: KnownBlock[]) {
  const row = blocks.find((b) => b.type === 'actions');
  return row && row.type === 'actions' ? row.elements : [];
}

function texts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === 'section' || b.type === 'header') return b.text ? [b.text.text] : [];
    if (b.type === 'context') return b.elements.map((e) => ('text' in e ? e.text : ''));
    return [];
  });
}

describe('postingCard: the seed posting', () => {
  const card = postingCard(cardInput());
  const lines = texts(card.blocks);

  it('leads with the title as a header, then company · location · workplace · type · salary · team', () => {
    expect(card.blocks[0]).toEqual({
      type: 'header',
      text: {
        type: 'plain_text',
        text: 'Manager II, Machine Learning Engineering, Core Engineering',
        emoji: true,
      },
    });
    expect(lines[1]).toBe(
      'Pinterest · San Francisco, CA · Hybrid · Full-time · $244k–$342k/yr · Core Engineering',
    );
  });

  it("shows the first three of what you'd do and of the requirements, pointing to Details for the rest", () => {
    const doing = lines.find((l) => l.startsWith("*What you'd do*")) ?? '';
    expect(doing.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(3);
    expect(doing).toContain('_+2 more in Details_');
    const required = lines.find((l) => l.startsWith('*Requirements*')) ?? '';
    expect(required).toContain('• MS/PhD in Computer Science');
    expect(required).toContain('_+4 more in Details_');
  });

  it('emphasises what the posting emphasised', () => {
    expect(
      lines.some((l) => l.includes('*Emphasised:*') && l.includes('state-of-the-art machine learning')),
    ).toBe(true);
  });

  it("quotes the sharer's note with their name", () => {
    expect(lines).toContain('💬 <@U0SHARER> says:\n>My old team, great manager. Happy to answer questions!');
  });

  it('counts referrers and interested, names referrers and the company directory, once each', () => {
    const people = lines.find((l) => l.startsWith('🙋')) ?? '';
    expect(people).toBe(
      '🙋 *2* can refer · 👀 *3* interested\nCan refer: <@U0REF1>, <@U0REF2>\nAlso refers at Pinterest: <@U0DIR1>',
    );
  });

  it('a card read from the database names the first of each list and counts the rest from its totals', () => {
    const ids = (prefix: string) => Array.from({ length: 10 }, (_, i) => ({ userId: `U0${prefix}${i}` }));
    const card = postingCard(
      cardInput({
        counts: { referrers: 2_001, interested: 983 },
        referrers: ids('REF').map((r, i) => ({ ...r, verified: i === 0 })),
        companyReferrers: ids('DIR'),
        namedCandidates: ids('CAND'),
        totals: { referrers: 300, companyReferrers: 1_701, namedCandidates: 472, verified: 767 },
      }),
    );
    const people = textOf(card);
    expect(people).toContain('🙋 *2001* can refer (767 ✓) · 👀 *983* interested');
    expect(people).toContain('<@U0REF9> and 290 more');
    expect(people).toContain('<@U0DIR9> and 1691 more');
    expect(people).toContain('<@U0CAND9> and 462 more');
  });

  it('has I can refer, I’m interested, Details, Tag someone and a link to the posting, each carrying the posting id', () => {
    const row = buttons(card.blocks);
    expect(row.map((b) => b.action_id)).toEqual([
      cardActionIds.iCanRefer,
      cardActionIds.imInterested,
      cardActionIds.details,
      cardActionIds.tagSomeone,
      cardActionIds.openPosting,
    ]);
    for (const b of row) expect(b).toMatchObject({ value: 'post_1' });
    expect(row.at(-1)).toMatchObject({ url: pinterestSummary.url });
  });

  it('is within Slack limits, and its fallback text names the job', () => {
    expect(findLimitViolations(card, 'message')).toEqual([]);
    expect(card.text).toBe(
      'Manager II, Machine Learning Engineering, Core Engineering at Pinterest · San Francisco, CA · $244k–$342k/yr',
    );
  });
});

describe('postingCard: privacy', () => {
  it('never names interested members who did not opt in', () => {
    const card = postingCard(
      cardInput({ counts: { referrers: 0, interested: 5 }, referrers: [], companyReferrers: [] }),
    );
    expect(textOf(card)).toContain('👀 *5* interested');
    expect(stringsMentioning(card, 'Interested:')).toEqual([]);
    expect(stringsIn(card).flatMap((s) => s.match(/<@/g) ?? [])).toEqual(['<@']); // only the sharer
  });

  it('names those who chose to show their name', () => {
    const card = postingCard(cardInput({ namedCandidates: [{ userId: 'U0CAND1' }] }));
    expect(textOf(card)).toContain('Interested: <@U0CAND1>');
  });
});

describe('postingCard: closed, limited and minimal postings', () => {
  it('says a closed posting is closed and offers no interest (nor refer/tag) button', () => {
    const card = postingCard(cardInput({ closed: true }));
    expect(textOf(card)).toContain('This posting is closed');
    expect(buttons(card.blocks).map((b) => b.action_id)).toEqual([
      cardActionIds.details,
      cardActionIds.openPosting,
    ]);
  });

  it('says when the source (LinkedIn) shows limited details', () => {
    expect(textOf(postingCard(cardInput({ limitedSource: true })))).toContain('limited details');
    expect(stringsMentioning(postingCard(cardInput()), 'limited details')).toEqual([]);
  });

  it('calls a LinkedIn posting limited only when its page hid the description', () => {
    const linkedin = { ...pinterestSummary, source: 'linkedin' as const };
    expect(isLimitedSource(linkedin)).toBe(false);
    expect(isLimitedSource({ ...linkedin, responsibilities: [], requirements: [] })).toBe(true);
    expect(isLimitedSource({ ...pinterestSummary, responsibilities: [], requirements: [] })).toBe(false);
  });

  it('works with almost nothing known', () => {
    const bare = {
      ...pinterestSummary,
      title: null,
      company: null,
      locations: [],
      workplaceType: null,
      employmentType: null,
      department: null,
      salary: null,
      summary: null,
      responsibilities: [],
      requirements: [],
      emphasized: [],
      signals: [],
    };
    const card = postingCard(cardInput({ summary: bare, sharerNote: null, sharedBy: null }));
    expect(card.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Job posting' } });
    expect(findLimitViolations(card, 'message')).toEqual([]);
    expect(card.text).toBe('Job posting');
  });

  it('drops the link button for a URL that is not http(s), keeping the others', () => {
    const card = postingCard(cardInput({ summary: { ...pinterestSummary, url: 'javascript:alert(1)' } }));
    expect(buttons(card.blocks).map((b) => b.action_id)).not.toContain(cardActionIds.openPosting);
    expect(stringsMentioning(card, 'javascript:')).toEqual([]);
  });
});

describe('postingCard: user text cannot inject mrkdwn', () => {
  it('escapes the note, title, company and bullets', () => {
    const card = postingCard(
      cardInput({
        summary: { ...pinterestSummary, company: 'A&B <!here>', responsibilities: ['<@U0EVIL> do things'] },
        sharerNote: 'ping <!channel> and <https://evil.example|click>',
      }),
    );
    for (const injected of ['<!channel>', '<!here>', '<@U0EVIL>', '<https://evil.example']) {
      expect(stringsMentioning(card, injected)).toEqual([]);
    }
    const text = textOf(card);
    expect(text).toContain('A&amp;B &lt;!here&gt;');
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('shows a malformed user id inertly instead of as a mention', () => {
    const card = postingCard(cardInput({ sharedBy: '!channel' }));
    expect(stringsMentioning(card, '<@!channel>')).toEqual([]);
  });
});

describe('formatSalary', () => {
  it.each([
    [{ min: 180_000, max: 220_000, currency: 'USD', period: 'year' }, '$180k–$220k/yr'],
    [{ min: 50, max: 60, currency: 'EUR', period: 'hour' }, '€50–60/h'],
    [{ min: 185_500, max: null, currency: 'GBP', period: 'year' }, 'from £185.5k/yr'],
    [{ min: null, max: 90, currency: 'USD', period: 'hour' }, 'up to $90/h'],
    [{ min: 120_000, max: 120_000, currency: 'CHF', period: 'year' }, 'CHF 120k/yr'],
    [{ min: 1_200_000, max: 1_500_000, currency: 'JPY', period: 'month' }, '¥1.2M–¥1.5M/mo'],
    [{ min: 6000, max: 8000, currency: null, period: null }, '6,000–8,000'],
    [{ min: 220_000, max: 180_000, currency: 'usd', period: 'year' }, '$180k–$220k/yr'],
  ] as const)('%j → %s', (salary, expected) => {
    expect(formatSalary(salary)).toBe(expected);
  });

  it('is null without amounts', () => {
    expect(formatSalary(null)).toBeNull();
    expect(formatSalary({ min: null, max: null, currency: 'USD', period: 'year' })).toBeNull();
  });
});

describe('factsLine', () => {
  it('shows three locations then a count', () => {
    const line = factsLine({ ...pinterestSummary, locations: ['A', 'B', 'C', 'D', 'E'], salary: null });
    expect(line).toBe('Pinterest · A; B; C +2 more · Hybrid · Full-time · Core Engineering');
  });
});

describe('cardText', () => {
  it('escapes: notification text is mrkdwn too', () => {
    expect(cardText({ ...pinterestSummary, title: 'Eng <!channel>', locations: [], salary: null })).toBe(
      'Eng &lt;!channel&gt; at Pinterest',
    );
  });
});

describe('plainLinkCard', () => {
  it('links the title, shows the description and the host, and has no buttons', () => {
    const card = plainLinkCard({
      url: 'https://example.com/blog?a=1&b=2',
      title: 'A <b>post</b> | x',
      description: 'Hi & bye',
    });
    expect(card.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*<https://example.com/blog?a=1&amp;b=2|A &lt;b&gt;post&lt;/b&gt; ¦ x>*\nHi &amp; bye',
        },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '🔗 example.com' }] },
    ]);
    expect(card.text).toBe('A &lt;b&gt;post&lt;/b&gt; | x');
  });

  it('falls back to the URL as the title', () => {
    const card = plainLinkCard({ url: 'https://example.com/x', title: null, description: null });
    expect(textOf(card)).toContain('<https://example.com/x|https://example.com/x>');
    expect(findLimitViolations(card, 'message')).toEqual([]);
  });
});
