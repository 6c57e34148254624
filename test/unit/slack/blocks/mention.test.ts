import { describe, expect, it } from 'vitest';
import { FORMER_MEMBER_SLACK_ID } from '../../../../src/privacy/former-member.js';
import { inChannel, mention, mentionList } from '../../../../src/slack/blocks/mrkdwn.js';

describe('mentions', () => {
  it('mention a member by a Slack-shaped id', () => {
    expect(mention('U0ABC123')).toBe('<@U0ABC123>');
  });

  it('show an erased member as "a former member", never as an id', () => {
    expect(mention(FORMER_MEMBER_SLACK_ID)).toBe('_a former member_');
    expect(mentionList(['U0ABC123', FORMER_MEMBER_SLACK_ID])).toBe('<@U0ABC123>, _a former member_');
  });

  it('never turn a malformed id into a live mention', () => {
    expect(mention('U0ZZZ> <!channel')).not.toContain('<!channel');
  });
});

describe('naming the channel where something happened', () => {
  it('names a public or private channel for Slack to render', () => {
    expect(inChannel('C0JOBS')).toBe(' in <#C0JOBS>');
    expect(inChannel('G0PRIVATE')).toBe(' in <#G0PRIVATE>');
  });

  it('leaves out a DM, an unknown place and anything not shaped like a channel id', () => {
    expect(inChannel('D0SOMEONE')).toBe('');
    expect(inChannel(null)).toBe('');
    expect(inChannel('C0X> <!channel')).toBe('');
  });
});
