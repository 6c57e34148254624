import { describe, expect, it } from 'vitest';
import {
  parseVouchCommand,
  type VouchCommand,
} from '../../../../src/slack/features/command/parse-command.js';

describe('parseVouchCommand: following', () => {
  it.each<[string, VouchCommand]>([
    ['follow Stripe', { kind: 'follow', words: 'Stripe', workplaceType: null, place: null }],
    ['follow AT&amp;T', { kind: 'follow', words: 'AT&T', workplaceType: null, place: null }],
    [
      'follow staff backend remote',
      { kind: 'follow', words: 'staff backend', workplaceType: 'remote', place: null },
    ],
    [
      'FOLLOW staff backend Hybrid in Berlin',
      { kind: 'follow', words: 'staff backend', workplaceType: 'hybrid', place: 'Berlin' },
    ],
    [
      'follow data engineer on-site in New York',
      { kind: 'follow', words: 'data engineer', workplaceType: 'onsite', place: 'New York' },
    ],
    [
      'follow head of growth in marketing in Berlin',
      { kind: 'follow', words: 'head of growth in marketing', workplaceType: null, place: 'Berlin' },
    ],
    ['follow remote in Germany', { kind: 'follow', words: '', workplaceType: 'remote', place: 'Germany' }],
    ['follow remote', { kind: 'follow', words: '', workplaceType: 'remote', place: null }],
    ['following', { kind: 'following' }],
    ['unfollow 2', { kind: 'unfollow', which: 2 }],
    ['unfollow ALL', { kind: 'unfollow', which: 'all' }],
  ])('%j → %j', (text, expected) => {
    expect(parseVouchCommand(text)).toEqual(expected);
  });

  it.each([
    'follow',
    'follow remote hybrid',
    'following everything',
    'unfollow',
    'unfollow 0',
    'unfollow two',
    'unfollow 1 2',
  ])('unclear %j is unknown (answered with help)', (text) => {
    expect(parseVouchCommand(text)).toEqual({ kind: 'unknown', text });
  });
});
