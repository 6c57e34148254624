import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReferralError } from '../../../../src/referrals/referral-service.js';
import { encodeStatusUpdate } from '../../../../src/slack/blocks/action-values.js';
import { encodeViewMetadata } from '../../../../src/slack/blocks/view-metadata.js';
import { onDetails } from '../../../../src/slack/features/details/open-details.js';
import { onInterestSubmitted } from '../../../../src/slack/features/interest/submit-interest.js';
import { onICanRefer } from '../../../../src/slack/features/refer/i-can-refer.js';
import { onStatusButton } from '../../../../src/slack/features/status/status-button.js';
import { onTagSubmitted } from '../../../../src/slack/features/tag/submit-tag.js';
import {
  cardActionIds,
  interestModalIds,
  statusUpdateActionPattern,
  tagModalIds,
} from '../../../../src/slack/ids.js';
import { createMemberProfiles } from '../../../../src/slack/support/member-profiles.js';
import type { Message } from '../../../../src/slack/support/notifier.js';
import { createListenerRouter } from '../../../../src/slack/transport/listener-router.js';
import { createAppWithFakeReceiver } from '../../../helpers/fake-receiver.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../../helpers/fake-slack-api.mjs';
import { interestFormValues } from '../../../helpers/slack-flows.js';
import { blockAction, viewSubmission } from '../../../helpers/slack-payloads.mjs';

/**
 * One listener at a time, on the real Bolt App (fake receiver), with only the services its `Pick<>`
 * names: what each listener does with a payload, without a database or HTTP.
 */

let slack: FakeSlackApi;
beforeAll(async () => {
  slack = await startFakeSlackApi();
});
afterAll(() => slack.close());
beforeEach(() => slack.reset());

function setUp() {
  const { app, receiver } = createAppWithFakeReceiver({ clientOptions: { slackApiUrl: slack.url } });
  const errors: unknown[] = [];
  app.error(async (error) => {
    errors.push(error.original ?? error);
  });
  const said: Array<{ userId: string; message: Message; how: 'dm' | 'ephemeral' }> = [];
  const warnings: string[] = [];
  const notifier = {
    dm: async (userId: string, message: Message) => {
      said.push({ userId, message, how: 'dm' });
      return { channel: 'D1', ts: '1.1' };
    },
    ephemeral: async (_channel: string | undefined, userId: string, message: Message) => {
      said.push({ userId, message, how: 'ephemeral' });
    },
  };
  const logger = { warn: (message: string) => warnings.push(message), info: () => undefined };
  return { app, receiver, router: createListenerRouter(app), errors, said, warnings, notifier, logger };
}

const click = (actionId: string, value: string) =>
  blockAction({ user: 'U0CLICKER', actionId, value, responseUrl: `${slack.url}/respond` });

describe('a card button listener', () => {
  it('acknowledges a malformed click, logs it, and does nothing else', async () => {
    const t = setUp();
    const referrals = {
      getPosting: async () => {
        throw new Error('must not be called');
      },
    };
    t.router.action(cardActionIds.details, onDetails({ ...t, referrals } as never));
    const body = { ...click(cardActionIds.details, 'p1'), trigger_id: undefined };
    const delivery = await t.receiver.send(body);
    expect(delivery.acked).toBe(true);
    expect(t.warnings).toEqual(['malformed Details click ignored']);
    expect(t.said).toEqual([]);
    expect(t.errors).toEqual([]);
  });

  it('answers a domain error privately, in the words of the error table', async () => {
    const t = setUp();
    const referrals = {
      getPosting: async (id: string) => {
        throw new ReferralError('posting_not_found', `no posting ${id}`);
      },
    };
    t.router.action(cardActionIds.details, onDetails({ ...t, referrals } as never));
    await t.receiver.send(click(cardActionIds.details, 'gone'));
    expect(t.said).toEqual([
      { userId: 'U0CLICKER', how: 'ephemeral', message: { text: 'That job posting is no longer in Vouch.' } },
    ]);
    expect(t.errors).toEqual([]);
  });

  it('hands anything else to app.error, and tells the member nothing', async () => {
    const t = setUp();
    const bug = new TypeError('boom');
    const referrals = {
      getPosting: async () => {
        throw bug;
      },
    };
    t.router.action(cardActionIds.details, onDetails({ ...t, referrals } as never));
    await t.receiver.send(click(cardActionIds.details, 'p1'));
    expect(t.errors).toEqual([bug]);
    expect(t.said).toEqual([]);
  });

  it('runs two "I can refer" clicks of one member on one card one after the other', async () => {
    const t = setUp();
    const order: string[] = [];
    let listed = false;
    const posting = { id: 'p1', summary: null, title: 'Engineer', status: 'open' };
    const referrals = {
      getPosting: async () => posting,
      ensureMember: async () => ({ id: 'm1' }),
      recordEmailDomain: async () => ({ changed: false, postingIds: [], newlyVerified: [] }),
      toggleReferrer: async () => {
        order.push(listed ? 'off:start' : 'on:start');
        await new Promise((resolve) => setTimeout(resolve, 20));
        listed = !listed;
        order.push(listed ? 'on:end' : 'off:end');
        return { isReferrer: listed };
      },
    };
    const work = { wake: () => undefined };
    const profiles = createMemberProfiles();
    t.router.action(
      cardActionIds.iCanRefer,
      onICanRefer({ ...t, referrals, work, memberProfiles: profiles, config: { referrers: 'any' } } as never),
    );
    await Promise.all([
      t.receiver.send(click(cardActionIds.iCanRefer, 'p1')),
      t.receiver.send(click(cardActionIds.iCanRefer, 'p1')),
    ]);
    expect(order).toEqual(['on:start', 'on:end', 'off:start', 'off:end']);
    expect(t.said.map((s) => s.message.text)).toEqual([
      '🙌 Thanks! You are listed as someone who can refer for this job.',
      'Okay, you are no longer listed as a referrer for this job.',
    ]);
  });
});

describe('a status button', () => {
  it('shows the state machine’s refusal to the clicker and changes nothing', async () => {
    const t = setUp();
    const referrals = {
      ensureMember: async () => ({ id: 'm1' }),
      changeStatus: async () => ({ ok: false, reason: 'Only the candidate can withdraw.' }),
    };
    const notices = {
      statusChanged: async () => {
        throw new Error('must not be called');
      },
    };
    t.router.action(statusUpdateActionPattern, onStatusButton({ ...t, referrals, notices } as never));
    const value = encodeStatusUpdate({ referralId: 'r1', to: 'withdrawn' });
    await t.receiver.send(click('status_update:withdrawn', value));
    expect(t.said.map((s) => s.message.text)).toEqual(['⚠️ Only the candidate can withdraw.']);
    expect(slack.calls('chat.update')).toEqual([]);
  });
});

describe('a status button that moved the referral', () => {
  function changed() {
    const t = setUp();
    const referrals = {
      ensureMember: async () => ({ id: 'm1' }),
      changeStatus: async () => ({ ok: true, to: 'referred', offerOnly: false, referral: {}, invited: [] }),
    };
    const notices = { statusChanged: async () => undefined };
    const home = { publish: async () => undefined };
    t.router.action(statusUpdateActionPattern, onStatusButton({ ...t, referrals, notices, home } as never));
    return t;
  }
  const crafted = [
    { type: 'section', text: { type: 'mrkdwn', text: '<https://evil.example|Verify account>' } },
  ];

  /** A "referred" status click on a message in `channel` that carries `blocks`; the chat.update calls. */
  async function clickIn(channel: string, blocks?: unknown[]) {
    const t = changed();
    await t.receiver.send(
      blockAction({
        user: 'U0CLICKER',
        actionId: 'status_update:referred',
        value: encodeStatusUpdate({ referralId: 'r1', to: 'referred' }),
        channel,
        messageTs: '1.1',
        ...(blocks !== undefined ? { blocks } : {}),
        responseUrl: `${slack.url}/respond`,
      }),
    );
    return slack.calls('chat.update');
  }

  it('settles the clicked message in the clicker’s own DM', async () => {
    expect((await clickIn('D0CLICKER')).map((c) => c.args.channel)).toEqual(['D0CLICKER']);
  });

  it('never rewrites a message in a channel from the blocks a payload carries', async () => {
    expect(await clickIn('C0PUBLIC', crafted)).toEqual([]);
  });
});

describe('the interest form’s submission', () => {
  const interestView = {
    callback_id: interestModalIds.callbackId,
    private_metadata: encodeViewMetadata('p1', { channel: 'C0JOBS', ts: '1.1' }),
  };
  const values = interestFormValues({ note: 'my note', referrer: 'anyone' });

  function submitWith(referrals: Record<string, unknown>) {
    const t = setUp();
    const noCall = async () => {
      throw new Error('must not be called');
    };
    t.router.view(
      interestModalIds.callbackId,
      onInterestSubmitted({
        ...t,
        referrals,
        cards: { refresh: noCall },
        home: { publish: noCall },
        notices: {},
      } as never),
    );
    return t.receiver.send(viewSubmission({ user: 'U0CANDIDATE', view: interestView, values }));
  }
  const readable = {
    ensureMember: async () => ({ id: 'm1' }),
    getPosting: async () => ({ id: 'p1', status: 'open', summary: null, title: 'Engineer' }),
    referrersFor: async () => [],
  };

  it('keeps the form open, with the note, when the referral cannot be written (the database is down)', async () => {
    const delivery = await submitWith({
      ...readable,
      expressInterest: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
    });
    expect(delivery.ackResponse).toEqual({
      response_action: 'errors',
      errors: {
        [interestModalIds.noteBlock]:
          'Vouch could not save this just now. Your note is still here: please try again in a moment.',
      },
    });
  });

  it('keeps the form open and says so when the posting closed in the meantime', async () => {
    const delivery = await submitWith({
      ...readable,
      getPosting: async () => ({ id: 'p1', status: 'closed', summary: null, title: 'Engineer' }),
    });
    expect(delivery.ackResponse).toEqual({
      response_action: 'errors',
      errors: {
        [interestModalIds.noteBlock]:
          '🔒 This posting closed in the meantime, so Vouch is not taking interest in it.',
      },
    });
  });
});

describe('the tag form’s submission', () => {
  const tagView = { callback_id: tagModalIds.callbackId, private_metadata: encodeViewMetadata('p1') };
  const values = (user: string) => ({
    [tagModalIds.userBlock]: { [tagModalIds.userSelect]: { type: 'users_select', selected_user: user } },
    [tagModalIds.roleBlock]: {
      [tagModalIds.roleRadio]: { type: 'radio_buttons', selected_option: { value: 'candidate' } },
    },
  });

  it('keeps the modal open with an error when the member tags themself', async () => {
    const t = setUp();
    t.router.view(tagModalIds.callbackId, onTagSubmitted({ ...t, referrals: {}, cards: {} } as never));
    const delivery = await t.receiver.send(
      viewSubmission({ user: 'U0TAGGER', view: tagView, values: values('U0TAGGER') }),
    );
    expect(delivery.ackResponse).toEqual({
      response_action: 'errors',
      errors: { [tagModalIds.userBlock]: 'Pick someone other than yourself.' },
    });
    expect(t.said).toEqual([]);
  });

  it('keeps the modal open with an error when the form cannot be read', async () => {
    const t = setUp();
    t.router.view(tagModalIds.callbackId, onTagSubmitted({ ...t, referrals: {}, cards: {} } as never));
    const delivery = await t.receiver.send(viewSubmission({ user: 'U0TAGGER', view: tagView, values: {} }));
    expect(delivery.ackResponse).toEqual({
      response_action: 'errors',
      errors: { [tagModalIds.userBlock]: 'Pick a colleague and a role.' },
    });
  });

  it('refuses a bot by keeping the form open with why, without recording a tag', async () => {
    const t = setUp();
    slack.addUser({ id: 'U0ROBOT', isBot: true });
    const referrals = {
      getPosting: async () => {
        throw new Error('must not be called');
      },
    };
    t.router.view(tagModalIds.callbackId, onTagSubmitted({ ...t, referrals, cards: {} } as never));
    const delivery = await t.receiver.send(
      viewSubmission({ user: 'U0TAGGER', view: tagView, values: values('U0ROBOT') }),
    );
    expect(delivery.ackResponse).toEqual({
      response_action: 'errors',
      errors: { [tagModalIds.userBlock]: 'That account cannot be tagged (it is a bot or deactivated).' },
    });
    expect(t.said).toEqual([]);
  });
});
