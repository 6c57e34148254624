import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';

/** What a feature registers its listeners on: Bolt's own methods, with Bolt's types. */
export type SlackListeners = Pick<App, 'action' | 'view' | 'command' | 'shortcut' | 'event' | 'use'>;

type AnyListener = Middleware<AnyMiddlewareArgs>;
type Kind = 'action' | 'view' | 'command' | 'shortcut' | 'event';

/**
 * Bolt runs every request through every listener's own middleware chain (a type check and a
 * constraint match each, with an object copy and a promise per step), so with ~20 listeners most of
 * a click's dispatch time (≈ 0.2 ms per request) went to listeners that did not match
 * (bench/findings.md, round 2). This router takes the listeners features register with a plain id
 * (action_id, callback_id, command, event type) and serves them from one Bolt middleware that looks
 * the request up in a map. Any other form (a RegExp or object constraint, several middleware) goes to
 * Bolt unchanged.
 * What would let it go: Bolt routing listeners by id itself (see README.md).
 */
export function createListenerRouter(app: App): SlackListeners {
  const routes: Record<Kind, Map<string, AnyListener[]>> = {
    action: new Map(),
    view: new Map(),
    command: new Map(),
    shortcut: new Map(),
    event: new Map(),
  };
  let installed = false;

  const install = () => {
    if (installed) return;
    installed = true;
    app.use(async (args) => {
      const listeners = routeOf(routes, args.body as Record<string, unknown>, args.payload);
      if (listeners === undefined) return args.next();
      const noop = async () => undefined;
      for (const listener of listeners) await listener({ ...args, next: noop } as never);
    });
  };

  const add =
    (kind: Kind) =>
    (constraint: unknown, ...listeners: unknown[]): void => {
      const [listener] = listeners;
      if (typeof constraint !== 'string' || listeners.length !== 1 || typeof listener !== 'function') {
        // Not a plain id with one listener: Bolt's own matching handles it.
        (app[kind] as (...a: unknown[]) => void)(constraint, ...listeners);
        return;
      }
      install();
      const list = routes[kind].get(constraint) ?? [];
      list.push(listener as AnyListener);
      routes[kind].set(constraint, list);
    };

  const router = {
    action: add('action'),
    view: add('view'),
    command: add('command'),
    shortcut: add('shortcut'),
    event: add('event'),
    // Global middleware must run before the router's lookup: registered on Bolt in order, and the
    // router installs itself at its first listener (features register their middleware first).
    use: (...middleware: unknown[]) => {
      if (installed) throw new Error('register Slack middleware before the first listener');
      (app.use as (...a: unknown[]) => void)(...middleware);
      return router;
    },
  };
  return router as unknown as SlackListeners;
}

/** The listeners registered for this request, by the same fields Bolt matches on. */
function routeOf(
  routes: Record<Kind, Map<string, AnyListener[]>>,
  body: Record<string, unknown>,
  payload: unknown,
): AnyListener[] | undefined {
  const type = body.type;
  if (type === 'block_actions' || type === 'interactive_message') {
    const actionId = (payload as { action_id?: unknown } | undefined)?.action_id;
    return typeof actionId === 'string' ? routes.action.get(actionId) : undefined;
  }
  if (type === 'view_submission') {
    const callbackId = (body.view as { callback_id?: unknown } | undefined)?.callback_id;
    return typeof callbackId === 'string' ? routes.view.get(callbackId) : undefined;
  }
  if (type === 'shortcut' || type === 'message_action') {
    const callbackId = body.callback_id;
    return typeof callbackId === 'string' ? routes.shortcut.get(callbackId) : undefined;
  }
  if (type === 'event_callback') {
    const eventType = (body.event as { type?: unknown } | undefined)?.type;
    return typeof eventType === 'string' ? routes.event.get(eventType) : undefined;
  }
  if (typeof body.command === 'string' && type === undefined) return routes.command.get(body.command);
  return undefined;
}
