import { describe, expect, it } from 'vitest';
import { encodeCardMenuChoice, parseCardMenuChoice } from '../../../../src/slack/blocks/action-values.js';
import { option, overflow } from '../../../../src/slack/blocks/block-kit.js';
import { findLimitViolations } from '../../../../src/slack/blocks/limits.js';
import { postingCard } from '../../../../src/slack/blocks/posting-card.js';
import { cardMenuActionIds } from '../../../../src/slack/ids.js';
import type { Block } from '../../../helpers/slack-blocks.js';
import { cardInput } from './fixtures.js';

/** The accessories of a card's blocks that are overflow menus. */
function menusOf(blocks: readonly unknown[]): Array<Record<string, unknown>> {
  return (blocks as Array<Block & { accessory?: Record<string, unknown> }>).flatMap((block) =>
    block.accessory?.type === 'overflow' ? [block.accessory] : [],
  );
}

describe('the card’s "…" menu', () => {
  it('is on a card Vouch posted: "Remove card" as shared by mistake or as spam, naming the share, confirmed first', () => {
    const card = postingCard(cardInput({ removableShareId: 'share_1' }));
    const [menu, ...more] = menusOf(card.blocks);
    expect(more).toEqual([]);
    expect(menu).toMatchObject({
      action_id: cardMenuActionIds.menu,
      options: [
        { text: { text: 'Remove card: shared by mistake' }, value: 'remove:mistake:share_1' },
        { text: { text: 'Remove card: spam or not a job' }, value: 'remove:spam:share_1' },
      ],
      confirm: {
        title: { text: 'Remove this card?' },
        confirm: { text: 'Remove card' },
        deny: { text: 'Keep it' },
      },
    });
    expect(findLimitViolations(card, 'message')).toEqual([]);
  });

  it('sits beside the counts, which a long posting never cuts', () => {
    const many = Array.from({ length: 80 }, (_, i) => `Responsibility number ${i} `.repeat(10));
    const card = postingCard(
      cardInput({
        removableShareId: 'share_1',
        summary: { ...cardInput().summary, responsibilities: many, requirements: many },
      }),
    );
    expect(menusOf(card.blocks)).toHaveLength(1);
    expect(findLimitViolations(card, 'message')).toEqual([]);
  });

  it('is not on a card without a share of Vouch’s own (an unfurl, a DM)', () => {
    expect(menusOf(postingCard(cardInput()).blocks)).toEqual([]);
    expect(menusOf(postingCard(cardInput({ removableShareId: null })).blocks)).toEqual([]);
  });

  it('reads back only the values it wrote', () => {
    const choice = { choice: 'remove', reason: 'spam', shareId: 'cm1abc' } as const;
    expect(parseCardMenuChoice(encodeCardMenuChoice(choice))).toEqual(choice);
    for (const raw of [
      '',
      'remove:spam:',
      'remove:cm1abc',
      'delete:spam:cm1abc',
      'remove:boring:cm1abc',
      'remove:spam:a b',
      null,
      undefined,
    ]) {
      expect(parseCardMenuChoice(raw)).toBeNull();
    }
  });
});

describe('overflow menus and Slack’s limits', () => {
  it('keeps at most five options, and the checker reports more (and fewer than two)', () => {
    const six = Array.from({ length: 6 }, (_, i) => option(`Option ${i}`, `v${i}`));
    expect(overflow({ actionId: 'menu', options: six }).options).toHaveLength(5);
    const message = (options: unknown[]) => ({
      text: 'x',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'x' },
          accessory: { type: 'overflow', action_id: 'menu', options },
        },
      ],
    });
    expect(findLimitViolations(message(six), 'message')).toEqual(['block 0 (section) options: 6 > 5']);
    expect(findLimitViolations(message(six.slice(0, 1)), 'message')).toEqual([
      'block 0 (section) overflow options: 1 < 2',
    ]);
  });
});
