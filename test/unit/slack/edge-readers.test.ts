import { describe, expect, it } from 'vitest';
import { parseRememberCompany } from '../../../src/slack/blocks/action-values.js';
import { readInterestSubmission } from '../../../src/slack/blocks/interest-modal.js';
import { mention } from '../../../src/slack/blocks/mrkdwn.js';
import { readTagSubmission } from '../../../src/slack/blocks/tag-modal.js';
import { eventTeam, readClick, readSubmitter } from '../../../src/slack/features/listener-kit.js';
import { slackChannelIdSchema, slackTeamIdSchema, slackUserIdSchema } from '../../../src/slack/slack-ids.js';

/** Payload readers at the edge: ids by their Slack shape, member text without control characters. */

describe('Slack ids by their shape', () => {
  it.each(['U0123ABCD', 'W0123ABCD', 'U1'])('accepts the user id %s', (id) => {
    expect(slackUserIdSchema.safeParse(id).success).toBe(true);
  });

  it.each(['U0ZZZ> <!channel', 'u0123', 'C0123', '', 'U', '@U0123', 'U0123|x', `U${'1'.repeat(40)}`])(
    'refuses %j as a user id',
    (id) => {
      expect(slackUserIdSchema.safeParse(id).success).toBe(false);
    },
  );

  it('knows teams (T, Enterprise E) and channels (C, D, G, and the composer)', () => {
    for (const id of ['T0VOUCH01', 'E0ORG']) expect(slackTeamIdSchema.safeParse(id).success).toBe(true);
    for (const id of ['C0JOBS', 'D0DM', 'G0PRIVATE', 'COMPOSER'])
      expect(slackChannelIdSchema.safeParse(id).success).toBe(true);
    for (const id of ['T0<x>', 'U0TEAM']) expect(slackTeamIdSchema.safeParse(id).success).toBe(false);
    for (const id of ['#general', 'C0 JOBS']) expect(slackChannelIdSchema.safeParse(id).success).toBe(false);
  });

  it('mentions only an id of that shape', () => {
    expect(mention('U0REF')).toBe('<@U0REF>');
    expect(mention('U0ZZZ> <!channel')).toBe('@U0ZZZ&gt; &lt;!channel');
  });
});

describe('payload readers', () => {
  const click = {
    team: { id: 'T0VOUCH01' },
    user: { id: 'U0CLICKER' },
    channel: { id: 'C0JOBS' },
    container: { message_ts: '1.2' },
    trigger_id: 'trig',
  };

  it('drop a click whose user, team or channel is not shaped like a Slack id', () => {
    expect(readClick(click, { value: 'p1' })).not.toBeNull();
    expect(readClick({ ...click, user: { id: 'U0ZZZ> <!channel' } }, { value: 'p1' })).toBeNull();
    expect(readClick({ ...click, team: { id: '<!here>' } }, { value: 'p1' })).toBeNull();
    expect(readClick({ ...click, channel: { id: 'C0<x>' } }, { value: 'p1' })).toBeNull();
  });

  it('take a click’s value without control characters', () => {
    expect(readClick(click, { value: 'Acme\u0000 Labs' })?.value).toBe('Acme Labs');
  });

  it('refuse a submitter or an event team not shaped like a Slack id', () => {
    expect(readSubmitter({ team: { id: 'T0A' }, user: { id: 'U0A>' } })).toBeNull();
    expect(eventTeam({ team_id: 'T0VOUCH01' })).toBe('T0VOUCH01');
    expect(eventTeam({ team_id: 'T0<x>' })).toBeUndefined();
    expect(eventTeam({ team_id: 42 })).toBeUndefined();
  });

  it('refuse a tag of a selected user not shaped like a Slack user id', () => {
    const values = (user: string) => ({
      tag_user: { user: { type: 'users_select', selected_user: user } },
      tag_role: { role: { type: 'radio_buttons', selected_option: { value: 'referrer' } } },
    });
    expect(readTagSubmission(values('U0FRIEND'))).toEqual({ userId: 'U0FRIEND', role: 'referrer' });
    expect(readTagSubmission(values('U0ZZZ> <!channel'))).toBeNull();
  });

  it('read an interest note without control characters, and refuse a referrer that is no user id', () => {
    const values = (note: string, referrer: string) => ({
      interest_note: { note: { type: 'plain_text_input', value: note } },
      interest_referrer: { referrer: { type: 'static_select', selected_option: { value: referrer } } },
    });
    expect(readInterestSubmission(values(' hi\u0000 there\u0007\r\n ', 'anyone'))).toMatchObject({
      note: 'hi there',
      referrer: { kind: 'anyone' },
    });
    expect(readInterestSubmission(values('\u0000\u0001', 'U0REF'))).toMatchObject({
      note: null,
      referrer: { kind: 'member', userId: 'U0REF' },
    });
    expect(readInterestSubmission(values('hi', '<!channel>'))).toBeNull();
  });

  it('read a remembered company’s name without control characters', () => {
    expect(parseRememberCompany(JSON.stringify({ company: 'Acme\u0000', postingId: 'p1' }))).toEqual({
      company: 'Acme',
      postingId: 'p1',
    });
  });
});
