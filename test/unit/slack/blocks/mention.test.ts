import { describe, expect, it } from 'vitest';
import { FORMER_MEMBER_SLACK_ID } from '../../../../src/privacy/former-member.js';
import { mention, mentionList } from '../../../../src/slack/blocks/mrkdwn.js';

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
