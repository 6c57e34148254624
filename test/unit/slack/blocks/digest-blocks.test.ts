import { describe, expect, it } from 'vitest';
import {
  type DigestPosting,
  digestMessage,
  digestResult,
} from '../../../../src/slack/blocks/digest-blocks.js';
import { findLimitViolations } from '../../../../src/slack/blocks/limits.js';
import { hugeSummary, pinterestSummary } from './fixtures.js';

function posting(i: number, summary = pinterestSummary): DigestPosting {
  return {
    postingId: `posting-${i}`,
    summary: { ...summary, title: `Backend Engineer ${i}`, url: `https://jobs.example.com/${i}` },
    counts: { referrers: 2, interested: i },
    shareLink: `https://vouch-test.slack.com/archives/C0JOBS/p${1_700_000_000 + i}000100`,
  };
}

const postingSections = (blocks: unknown[]) =>
  JSON.stringify(blocks)
    .match(/Backend Engineer \d+/g)
    ?.filter((title, i, all) => all.indexOf(title) === i) ?? [];

describe('digestMessage', () => {
  it('names each posting with its company, place, counts and a link to where it was shared', () => {
    const message = digestMessage({
      channelId: 'C0JOBS',
      frequency: 'weekly',
      postings: [posting(3)],
      total: 1,
    });
    expect(findLimitViolations(message, 'message')).toEqual([]);
    const text = JSON.stringify(message.blocks);
    for (const words of [
      'Weekly job digest',
      '<https://jobs.example.com/3|Backend Engineer 3>* at Pinterest',
      '📍 San Francisco, CA · Hybrid',
      '🙋 *2* can refer · 👀 *3* interested',
      '<https://vouch-test.slack.com/archives/C0JOBS/p1700000003000100|shared here>',
      '1 posting shared in <#C0JOBS> since the last digest is still open',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('more:');
  });

  it('many postings: the message stays within Slack’s limits and says how many more, and where', () => {
    const postings = Array.from({ length: 60 }, (_, i) => posting(i + 1));
    const message = digestMessage({ channelId: 'C0JOBS', frequency: 'daily', postings, total: 75 });
    expect(findLimitViolations(message, 'message')).toEqual([]);
    const listed = postingSections(message.blocks).length;
    expect(listed).toBeGreaterThan(5);
    expect(listed).toBeLessThan(60);
    expect(JSON.stringify(message.blocks)).toContain(`…and ${75 - listed} more: \`/vouch list\``);
    expect(message.text).toMatch(/^Job digest: Backend Engineer 1 at Pinterest; .* and 70 more postings$/);
  });

  it('postings with very long words and links are cut to fit, never past the limits', () => {
    const long = {
      ...hugeSummary(),
      locations: Array.from({ length: 30 }, (_, i) => `${'Place'.repeat(40)} ${i}`),
    };
    const postings = Array.from({ length: 30 }, (_, i) => ({
      ...posting(i + 1, long),
      shareLink: `https://vouch-test.slack.com/archives/C0JOBS/p1?x=${'a'.repeat(2_500)}`,
    }));
    const message = digestMessage({ channelId: 'C0JOBS', frequency: 'weekly', postings, total: 30 });
    expect(findLimitViolations(message, 'message')).toEqual([]);
    expect(JSON.stringify(message.blocks)).toMatch(/…and \d+ more/);
  });

  it('a posting without a permalink is still listed, linking its job page', () => {
    const message = digestMessage({
      channelId: 'C0JOBS',
      frequency: 'weekly',
      postings: [{ ...posting(1), shareLink: null }],
      total: 1,
    });
    expect(JSON.stringify(message.blocks)).toContain('<https://jobs.example.com/1|Backend Engineer 1>');
    expect(JSON.stringify(message.blocks)).not.toContain('shared here');
  });
});

describe('digestResult', () => {
  const nextDueAt = new Date('2026-12-14T09:00:00Z');

  it('says when the next digest goes out, in each reader’s time zone', () => {
    const message = digestResult({ kind: 'shown', setting: { frequency: 'weekly', nextDueAt } });
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('*weekly* digest');
    expect(text).toContain(
      `<!date^${nextDueAt.getTime() / 1000}^{date_short_pretty} at {time}|Mon, 14 Dec 2026, 09:00 UTC>`,
    );
    expect(message.text).toContain('Mon, 14 Dec 2026, 09:00 UTC');
    expect(message.text).not.toContain('<!date');
  });

  it.each([
    [{ kind: 'shown', setting: null } as const, 'This channel has no digest.'],
    [{ kind: 'off', wasOn: true } as const, 'This channel’s digest is off.'],
    [{ kind: 'notMember', channelId: 'C0JOBS' } as const, 'Only members of <#C0JOBS> can change its digest.'],
    [{ kind: 'cannotSee' } as const, 'Invite it with `/invite @Vouch`'],
    [{ kind: 'notChannel' } as const, 'Digests are posted in channels'],
  ])('%j: a clear sentence', (answer, words) => {
    const message = digestResult(answer);
    expect(JSON.stringify(message.blocks)).toContain(words);
    expect(findLimitViolations(message, 'message')).toEqual([]);
  });
});
