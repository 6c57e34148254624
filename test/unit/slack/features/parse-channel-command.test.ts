import { describe, expect, it } from 'vitest';
import {
  parseVouchCommand,
  type VouchCommand,
} from '../../../../src/slack/features/command/parse-command.js';

describe('parseVouchCommand: channel settings', () => {
  it.each<[string, VouchCommand]>([
    ['channel', { kind: 'channel' }],
    ['Channel', { kind: 'channel' }],
    ['channel cards off', { kind: 'channelCards', on: false }],
    ['channel CARDS On', { kind: 'channelCards', on: true }],
  ])('%j → %j', (text, expected) => {
    expect(parseVouchCommand(text)).toEqual(expected);
  });

  it.each(['channel cards', 'channel cards maybe', 'channel unfurls off', 'channel cards off now'])(
    'unclear %j is unknown (answered with help)',
    (text) => {
      expect(parseVouchCommand(text)).toEqual({ kind: 'unknown', text });
    },
  );
});
