import { isSlackUserId } from '../../slack-ids.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type EventListener, eventTeam } from '../listener-kit.js';

/** The App Home tab, rebuilt whenever a member opens it (and after every change that concerns them). */
export function onAppHomeOpened(deps: Pick<FeatureDeps, 'home'>): EventListener<'app_home_opened'> {
  const { home } = deps;
  return async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const teamId = eventTeam(body);
    if (teamId === undefined || !isSlackUserId(event.user)) return;
    await home.publish(teamId, event.user);
  };
}
