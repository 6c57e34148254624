import type { SlackListeners } from './transport/listener-router.js';

/**
 * One capability of the Slack app (unfurls, the slash command, App Home...). `register` adds its
 * listeners; `scopes` are the bot scopes those listeners and their Web API calls need. A test keeps
 * manifest.json and the registered listeners in agreement.
 */
export interface SlackFeature {
  name: string;
  scopes: readonly string[];
  register(app: SlackListeners): void;
}

/**
 * A capability's one register function, written as what it is: its name, its bot scopes, and which id
 * reaches which listener. `features/<name>/index.ts` exports one of these.
 */
export function defineFeature<Deps>(
  name: string,
  scopes: readonly string[],
  register: (app: SlackListeners, deps: Deps) => void,
): (deps: Deps) => SlackFeature {
  return (deps) => ({ name, scopes, register: (app) => register(app, deps) });
}
