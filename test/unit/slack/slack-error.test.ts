import { describe, expect, it } from 'vitest';
import { describeSlackError, slackErrorCode } from '../../../src/slack/slack-error.js';

describe('Slack’s error code of a failed Web API call', () => {
  it('is read from the platform error’s data', () => {
    const error = Object.assign(new Error('An API error occurred: not_in_channel'), {
      data: { ok: false, error: 'not_in_channel' },
    });
    expect(slackErrorCode(error)).toBe('not_in_channel');
    expect(describeSlackError(error)).toBe('not_in_channel');
  });

  it('is null for failures that did not come from Slack, which are described by their message', () => {
    const error = new Error('socket hang up');
    expect(slackErrorCode(error)).toBeNull();
    expect(describeSlackError(error)).toBe('socket hang up');
    expect(slackErrorCode(undefined)).toBeNull();
    expect(describeSlackError('timeout')).toBe('timeout');
  });
});
