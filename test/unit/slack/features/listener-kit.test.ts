import { describe, expect, it } from 'vitest';
import { ReferralError } from '../../../../src/referrals/referral-service.js';
import {
  domainErrorMessage,
  readClick,
  readSubmitter,
  replyToDomainError,
} from '../../../../src/slack/features/listener-kit.js';
import type { Message } from '../../../../src/slack/support/notifier.js';

describe('errors inside a listener’s work', () => {
  it('answer the member privately when they are expected domain errors, in the words of the one table', async () => {
    const sent: Message[] = [];
    const error = new ReferralError('posting_not_found', 'no posting p1');
    await replyToDomainError(error, async (message) => sent.push(message));
    expect(sent).toEqual([{ text: 'That job posting is no longer in Vouch.' }]);
  });

  it('never show the member the log message of a domain error', () => {
    expect(domainErrorMessage(new ReferralError('invalid_company', 'no company name in "  "'))).toBe(
      'Please give a company name.',
    );
    expect(domainErrorMessage(new ReferralError('referral_not_found', 'no referral r9'))).toBe(
      'That referral no longer exists.',
    );
  });

  it('go on to app.error when they are anything else, with nothing said to the member', async () => {
    const sent: Message[] = [];
    const bug = new TypeError('cannot read properties of undefined');
    await expect(replyToDomainError(bug, async (message) => sent.push(message))).rejects.toBe(bug);
    expect(sent).toEqual([]);
    expect(domainErrorMessage(bug)).toBeNull();
  });
});

describe('reading a click', () => {
  const body = {
    team: { id: 'T1' },
    user: { id: 'U1' },
    channel: { id: 'C1' },
    container: { message_ts: '1.2' },
    trigger_id: 'trig',
  };

  it('takes who, where and the value', () => {
    expect(readClick(body, { value: 'p1' })).toEqual({
      teamId: 'T1',
      userId: 'U1',
      channel: 'C1',
      messageTs: '1.2',
      triggerId: 'trig',
      value: 'p1',
    });
  });

  it('falls back to the user’s team (Enterprise Grid payloads carry no team)', () => {
    expect(
      readClick({ ...body, team: null, user: { id: 'U1', team_id: 'T2' } }, { value: 'p1' })?.teamId,
    ).toBe('T2');
  });

  it('is null for a malformed payload instead of throwing', () => {
    expect(readClick({ ...body, user: undefined }, { value: 'p1' })).toBeNull();
    expect(readClick(body, { value: 42 })).toBeNull();
    expect(readClick({ ...body, team: null }, { value: 'p1' })).toBeNull();
  });
});

describe('reading who submitted a modal', () => {
  it('takes the team and the user, or null when either is missing', () => {
    expect(readSubmitter({ team: { id: 'T1' }, user: { id: 'U1' } })).toEqual({ teamId: 'T1', userId: 'U1' });
    expect(readSubmitter({ user: { id: 'U1' } })).toBeNull();
    expect(readSubmitter({ team: { id: 'T1' } })).toBeNull();
  });
});
