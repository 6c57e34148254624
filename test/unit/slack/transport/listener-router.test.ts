import type { CodedError } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { createListenerRouter } from '../../../../src/slack/transport/listener-router.js';
import { createAppWithFakeReceiver } from '../../../helpers/fake-receiver.js';
import {
  blockAction,
  eventEnvelope,
  linkSharedEvent,
  messageShortcut,
  slashCommand,
  viewSubmission,
} from '../../../helpers/slack-payloads.mjs';

const RESPONSE_URL = 'https://hooks.slack.invalid/actions/T0/1/x';

const click = (actionId: string) =>
  blockAction({ user: 'U0MEMBER1', actionId, value: 'p1', responseUrl: RESPONSE_URL });

/** A real Bolt App on a fake receiver, with the router installed on it and Bolt's own methods watched. */
function routedApp() {
  const { app, receiver } = createAppWithFakeReceiver();
  const bolt = {
    use: vi.spyOn(app, 'use'),
    action: vi.spyOn(app, 'action'),
    view: vi.spyOn(app, 'view'),
    command: vi.spyOn(app, 'command'),
    shortcut: vi.spyOn(app, 'shortcut'),
    event: vi.spyOn(app, 'event'),
  };
  return { app, receiver, bolt, router: createListenerRouter(app) };
}

describe('listener router, on a real Bolt App', () => {
  it('calls the listener registered for the action_id, callback_id, command or event type', async () => {
    const { receiver, bolt, router } = routedApp();
    const seen: string[] = [];
    router.action('i_can_refer', async ({ action, ack }) => {
      await ack();
      seen.push(`action ${(action as { action_id: string }).action_id}`);
    });
    router.view('interest_submit', async ({ view, ack }) => {
      await ack({ response_action: 'clear' });
      seen.push(`view ${view.callback_id}`);
    });
    router.command('/vouch', async ({ command, ack }) => {
      await ack();
      seen.push(`command ${command.text}`);
    });
    router.shortcut('share_as_referral', async ({ shortcut, ack }) => {
      await ack();
      seen.push(`shortcut ${shortcut.callback_id}`);
    });
    router.event('link_shared', async ({ event }) => void seen.push(`event ${event.type}`));

    const deliveries = [
      await receiver.send(click('i_can_refer')),
      await receiver.send(
        viewSubmission({ user: 'U0MEMBER1', view: { callback_id: 'interest_submit' }, values: {} }),
      ),
      await receiver.send(slashCommand({ text: 'help', response_url: RESPONSE_URL })),
      await receiver.send(
        messageShortcut({ user: 'U0MEMBER1', channel: 'C0JOBS', text: 'a job', responseUrl: RESPONSE_URL }),
      ),
      await receiver.send(
        eventEnvelope(linkSharedEvent({ channel: 'C0JOBS', user: 'U0MEMBER1', urls: ['https://x.test/j'] })),
      ),
    ];
    expect(seen).toEqual([
      'action i_can_refer',
      'view interest_submit',
      'command help',
      'shortcut share_as_referral',
      'event link_shared',
    ]);
    // Each listener got Bolt's own ack: what it answered is what the receiver sends Slack.
    expect(deliveries.map((d) => d.acked)).toEqual([true, true, true, true, true]);
    expect(deliveries[1]?.ackResponse).toEqual({ response_action: 'clear' });
    // One Bolt middleware serves them all; none of them became a Bolt listener with its own chain.
    expect(bolt.use).toHaveBeenCalledTimes(1);
    for (const kind of ['action', 'view', 'command', 'shortcut', 'event'] as const)
      expect(bolt[kind]).not.toHaveBeenCalled();
  });

  it('passes requests nobody registered for on to Bolt, and a closed modal is not a submission', async () => {
    const { app, receiver, router } = routedApp();
    const reachedBolt: string[] = [];
    router.view('interest_submit', async () => {
      throw new Error('must not run');
    });
    app.action(/.*/, async ({ action, ack }) => {
      await ack();
      reachedBolt.push(`action ${(action as { action_id: string }).action_id}`);
    });
    app.view({ type: 'view_closed', callback_id: 'interest_submit' }, async ({ view, ack }) => {
      await ack();
      reachedBolt.push(`closed ${view.callback_id}`);
    });

    await receiver.send(click('unknown'));
    await receiver.send({
      type: 'view_closed',
      team: { id: 'T0VOUCH01', domain: 'vouch-test' },
      user: { id: 'U0MEMBER1', team_id: 'T0VOUCH01' },
      api_app_id: 'A0VOUCH',
      token: 'legacy',
      view: { id: 'V1', team_id: 'T0VOUCH01', type: 'modal', callback_id: 'interest_submit' },
      is_cleared: false,
      is_enterprise_install: false,
    });
    expect(reachedBolt).toEqual(['action unknown', 'closed interest_submit']);
  });

  it('leaves other constraint forms to Bolt', async () => {
    const { receiver, bolt, router } = routedApp();
    const seen: string[] = [];
    const listener = async ({ action, ack }: { action: unknown; ack: () => Promise<void> }) => {
      await ack();
      seen.push((action as { action_id: string }).action_id);
    };
    router.action(/^home_/, listener);
    router.action({ action_id: 'x', block_id: 'b1' }, listener);
    expect(bolt.action.mock.calls).toEqual([
      [/^home_/, listener],
      [{ action_id: 'x', block_id: 'b1' }, listener],
    ]);
    expect(bolt.use).not.toHaveBeenCalled();

    await receiver.send(click('home_open'));
    await receiver.send(click('x'));
    await receiver.send(click('other'));
    expect(seen).toEqual(['home_open', 'x']);
  });

  it('runs global middleware first and refuses middleware added after the first listener', async () => {
    const { receiver, bolt, router } = routedApp();
    const order: string[] = [];
    const middleware = async ({ next }: { next: () => Promise<void> }) => {
      order.push('middleware');
      await next();
    };
    router.use(middleware);
    router.event('app_home_opened', async () => void order.push('listener'));
    expect(bolt.use).toHaveBeenCalledTimes(2);
    expect(bolt.use.mock.calls[0]).toEqual([middleware]);
    expect(() => router.use(async ({ next }) => next())).toThrow(/before the first listener/);

    await receiver.send(
      eventEnvelope({ type: 'app_home_opened', user: 'U0MEMBER1', channel: 'DU0MEMBER1', tab: 'home' }),
    );
    expect(order).toEqual(['middleware', 'listener']);
  });

  it('lets a listener error reach Bolt (and so app.error)', async () => {
    const failure = new Error('listener failed');
    const withoutHandler = routedApp();
    withoutHandler.router.command('/vouch', async () => {
      throw failure;
    });
    // Bolt's default error handler rethrows: the receiver sees the error.
    await expect(withoutHandler.receiver.send(slashCommand({ response_url: RESPONSE_URL }))).rejects.toThrow(
      'listener failed',
    );

    const { app, receiver, router } = routedApp();
    const errors: CodedError[] = [];
    app.error(async (error) => void errors.push(error));
    router.command('/vouch', async () => {
      throw failure;
    });
    await receiver.send(slashCommand({ response_url: RESPONSE_URL }));
    expect(errors).toHaveLength(1);
    expect((errors[0] as CodedError & { original?: unknown }).original).toBe(failure);
  });
});
