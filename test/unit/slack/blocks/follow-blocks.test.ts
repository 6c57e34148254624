import { describe, expect, it } from 'vitest';
import {
  followDm,
  followingHomeBlocks,
  followModal,
  readFollowSubmission,
} from '../../../../src/slack/blocks/follow-blocks.js';
import { findLimitViolations } from '../../../../src/slack/blocks/limits.js';
import type { PostingCardInput } from '../../../../src/slack/blocks/posting-card.js';
import { followModalIds, homeActionIds } from '../../../../src/slack/ids.js';
import { cardInput, hugeSummary } from './fixtures.js';

function posting(i: number): PostingCardInput {
  const base = cardInput();
  return {
    ...base,
    postingId: `posting-${i}`,
    summary: { ...base.summary, title: `Backend Engineer ${i}`, url: `https://jobs.example.com/${i}` },
  };
}

describe('followDm', () => {
  it('one posting: the card with its buttons, and where it was shared', () => {
    const message = followDm([{ card: posting(1), channelId: 'C0JOBS' }]);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('in <#C0JOBS>');
    expect(json).toContain('"action_id":"im_interested"');
    expect(json).toContain('Backend Engineer 1');
    expect(findLimitViolations(message, 'message')).toEqual([]);
  });

  it('twenty postings: one message within Slack limits, naming every one of them', () => {
    const postings = Array.from({ length: 20 }, (_, i) => ({ card: posting(i + 1), channelId: 'C0JOBS' }));
    const message = followDm(postings);
    expect(findLimitViolations(message, 'message')).toEqual([]);
    const json = JSON.stringify(message.blocks);
    for (let i = 1; i <= 20; i += 1) expect(json).toContain(`https://jobs.example.com/${i}`);
    expect(message.text).toContain('and 15 more');
  });

  it('one very long posting: still its card with its buttons, within limits', () => {
    const message = followDm([{ card: { ...posting(1), summary: hugeSummary() }, channelId: 'C0JOBS' }]);
    expect(findLimitViolations(message, 'message')).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('"action_id":"im_interested"');
  });

  it('long postings: as many whole cards as fit the text budget, the rest as links', () => {
    const postings = Array.from({ length: 6 }, (_, i) => ({
      card: { ...posting(i + 1), summary: { ...hugeSummary(), url: `https://jobs.example.com/${i + 1}` } },
      channelId: 'C0JOBS',
    }));
    const message = followDm(postings);
    expect(findLimitViolations(message, 'message')).toEqual([]);
    const json = JSON.stringify(message.blocks);
    for (let i = 1; i <= 6; i += 1) expect(json).toContain(`https://jobs.example.com/${i}`);
    expect(json).toContain('Also shared');
  });
});

describe('the Following section of App Home', () => {
  it('lists follows with Unfollow buttons and ends with Follow…', () => {
    const blocks = followingHomeBlocks([{ id: 'f1', position: 1, label: 'Stripe' }]);
    const json = JSON.stringify(blocks);
    expect(json).toContain(homeActionIds.unfollow);
    expect(json).toContain('"value":"f1"');
    expect(json).toContain(homeActionIds.openFollowModal);
  });
});

describe('the follow modal', () => {
  it('is within view limits and its submission reads back', () => {
    expect(findLimitViolations(followModal(), 'modal')).toEqual([]);
    expect(
      readFollowSubmission({
        [followModalIds.wordsBlock]: {
          [followModalIds.wordsInput]: { type: 'plain_text_input', value: ' staff ' },
        },
        [followModalIds.workplaceBlock]: {
          [followModalIds.workplaceSelect]: { type: 'static_select', selected_option: { value: 'remote' } },
        },
        [followModalIds.placeBlock]: {
          [followModalIds.placeInput]: { type: 'plain_text_input', value: null },
        },
      }),
    ).toEqual({ words: 'staff', workplaceType: 'remote', place: null });
  });
});
