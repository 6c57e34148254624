import { describe, expect, it } from 'vitest';
import { deliveryKey, interactionKey } from '../../../../src/slack/features/deliveries/delivery-key.js';

const click = (actionTs: string) => ({
  type: 'block_actions',
  user: { id: 'U0SOMEONE' },
  actions: [{ action_id: 'i_can_refer', value: 'p1', action_ts: actionTs }],
});
const submission = (note: string) => ({
  type: 'view_submission',
  user: { id: 'U0SOMEONE' },
  view: { id: 'V1', state: { values: { note: { note: { value: note } } } } },
});

describe('what makes an interaction itself', () => {
  it('is the same for the same click delivered twice, and differs for the next click', () => {
    expect(interactionKey(click('1700000000.000001'))).toBe(interactionKey(click('1700000000.000001')));
    expect(interactionKey(click('1700000000.000002'))).not.toBe(interactionKey(click('1700000000.000001')));
  });

  it('tells a corrected resubmission of a modal from a repeat of the same one', () => {
    expect(interactionKey(submission('a'))).toBe(interactionKey(submission('a')));
    expect(interactionKey(submission('b'))).not.toBe(interactionKey(submission('a')));
  });

  it('keys commands and shortcuts by their trigger id', () => {
    const command = { command: '/vouch', text: 'mine', trigger_id: 'T.1' };
    expect(interactionKey(command)).toBe(interactionKey({ ...command }));
    expect(interactionKey({ ...command, trigger_id: 'T.2' })).not.toBe(interactionKey(command));
    expect(interactionKey({ type: 'message_action', trigger_id: 'T.3' })).toMatch(
      /^interaction:[0-9a-f]{64}$/,
    );
  });

  it('skips clicks that only open a modal or a link (twice is harmless)', () => {
    const details = { ...click('1.2'), actions: [{ action_id: 'details', value: 'p1', action_ts: '1.2' }] };
    expect(interactionKey(details)).toBeNull();
  });

  it('keeps no user id in what the ledger stores', () => {
    expect(interactionKey(click('1.1'))).not.toContain('U0SOMEONE');
  });

  it('keys an event by its event_id, so a retry of it meets the first', () => {
    expect(deliveryKey({ type: 'event_callback', event_id: 'Ev1' })).toBe('event:Ev1');
    expect(deliveryKey(click('1.3'))).toBe(interactionKey(click('1.3')));
  });

  it('is null for events (they have their own event_id) and for clicks without action_ts', () => {
    expect(interactionKey({ type: 'event_callback', event_id: 'Ev1' })).toBeNull();
    expect(interactionKey({ type: 'block_actions', actions: [{ action_id: 'x' }] })).toBeNull();
  });
});
