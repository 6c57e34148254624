import { describe, expect, it } from 'vitest';
import {
  parseVouchCommand,
  type VouchCommand,
} from '../../../../src/slack/features/command/parse-command.js';

describe('parseVouchCommand: digests', () => {
  it.each<[string, VouchCommand]>([
    ['digest', { kind: 'digest', frequency: null }],
    ['digest daily', { kind: 'digest', frequency: 'daily' }],
    ['DIGEST Weekly', { kind: 'digest', frequency: 'weekly' }],
    ['digest off', { kind: 'digest', frequency: 'off' }],
  ])('%j → %j', (text, expected) => {
    expect(parseVouchCommand(text)).toEqual(expected);
  });

  it.each(['digest hourly', 'digest daily weekly', 'digest off now'])('%j is not understood', (text) => {
    expect(parseVouchCommand(text)).toEqual({ kind: 'unknown', text });
  });
});
