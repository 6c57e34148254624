import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createListenerRouter } from '../../../../src/slack/transport/listener-router.js';

/** A stand-in Bolt app that keeps what was registered on it. */
function fakeApp() {
  const middleware: Array<(args: Record<string, unknown>) => Promise<unknown>> = [];
  const direct: unknown[][] = [];
  const app = {
    use: (fn: (args: Record<string, unknown>) => Promise<unknown>) => middleware.push(fn),
    action: (...args: unknown[]) => direct.push(['action', ...args]),
    view: (...args: unknown[]) => direct.push(['view', ...args]),
    command: (...args: unknown[]) => direct.push(['command', ...args]),
    shortcut: (...args: unknown[]) => direct.push(['shortcut', ...args]),
    event: (...args: unknown[]) => direct.push(['event', ...args]),
  };
  /** Runs a request through the registered middleware, as Bolt does; true when it reached the end. */
  const dispatch = async (body: Record<string, unknown>, payload?: unknown) => {
    let reachedEnd = false;
    const run = async (i: number): Promise<void> => {
      const fn = middleware[i];
      if (fn === undefined) {
        reachedEnd = true;
        return;
      }
      await fn({ body, payload, next: () => run(i + 1) });
    };
    await run(0);
    return reachedEnd;
  };
  return { app: app as unknown as App, middleware, direct, dispatch };
}

describe('listener router', () => {
  it('calls the listener registered for the action_id, callback_id, command or event type', async () => {
    const fake = fakeApp();
    const router = createListenerRouter(fake.app);
    const seen: string[] = [];
    router.action('i_can_refer', async () => void seen.push('action'));
    router.view('interest_submit', async () => void seen.push('view'));
    router.command('/vouch', async () => void seen.push('command'));
    router.shortcut('share_job', async () => void seen.push('shortcut'));
    router.event('link_shared', async () => void seen.push('event'));

    await fake.dispatch({ type: 'block_actions' }, { action_id: 'i_can_refer' });
    await fake.dispatch({ type: 'view_submission', view: { callback_id: 'interest_submit' } });
    await fake.dispatch({ command: '/vouch', text: 'help' });
    await fake.dispatch({ type: 'message_action', callback_id: 'share_job' });
    await fake.dispatch({ type: 'event_callback', event: { type: 'link_shared' } });
    expect(seen).toEqual(['action', 'view', 'command', 'shortcut', 'event']);
    expect(fake.middleware).toHaveLength(1);
  });

  it('passes requests nobody registered for on to Bolt, and a closed modal is not a submission', async () => {
    const fake = fakeApp();
    const router = createListenerRouter(fake.app);
    router.view('interest_submit', async () => {
      throw new Error('must not run');
    });
    expect(await fake.dispatch({ type: 'block_actions' }, { action_id: 'unknown' })).toBe(true);
    expect(await fake.dispatch({ type: 'view_closed', view: { callback_id: 'interest_submit' } })).toBe(true);
  });

  it('leaves other constraint forms to Bolt', () => {
    const fake = fakeApp();
    const router = createListenerRouter(fake.app);
    const listener = async () => undefined;
    router.action(/^home_/, listener);
    router.action({ action_id: 'x', block_id: 'y' }, listener);
    expect(fake.direct.map((call) => call[0])).toEqual(['action', 'action']);
    expect(fake.middleware).toHaveLength(0);
  });

  it('runs global middleware first and refuses middleware added after the first listener', () => {
    const fake = fakeApp();
    const router = createListenerRouter(fake.app);
    router.use(async ({ next }) => next());
    router.event('app_home_opened', async () => undefined);
    expect(fake.middleware).toHaveLength(2);
    expect(() => router.use(async ({ next }) => next())).toThrow(/before the first listener/);
  });

  it('lets a listener error reach Bolt (and so app.error)', async () => {
    const fake = fakeApp();
    const router = createListenerRouter(fake.app);
    router.command('/vouch', async () => {
      throw new Error('listener failed');
    });
    await expect(fake.dispatch({ command: '/vouch' })).rejects.toThrow('listener failed');
  });
});
