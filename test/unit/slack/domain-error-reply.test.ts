import { describe, expect, it } from 'vitest';
import { ReferralError } from '../../../src/referrals/referral-service.js';
import { replyToDomainError } from '../../../src/slack/support/domain-error-reply.js';
import type { Message } from '../../../src/slack/support/notifier.js';

describe('errors inside a listener’s work', () => {
  it('answer the member privately when they are expected domain errors', async () => {
    const sent: Message[] = [];
    const error = new ReferralError('not_allowed', 'Only the candidate can withdraw this request.');
    await replyToDomainError(error, async (message) => sent.push(message));
    expect(sent).toEqual([{ text: 'Only the candidate can withdraw this request.' }]);
  });

  it('go on to app.error when they are anything else, with nothing said to the member', async () => {
    const sent: Message[] = [];
    const bug = new TypeError('cannot read properties of undefined');
    await expect(replyToDomainError(bug, async (message) => sent.push(message))).rejects.toBe(bug);
    expect(sent).toEqual([]);
  });
});
