import type { FeatureDeps } from '../feature-deps.js';
import { type EventListener, eventTeam } from '../listener-kit.js';

/**
 * `app_uninstalled`: Vouch was removed from the workspace; everything it held there is erased.
 * @see https://docs.slack.dev/reference/events/app_uninstalled
 */
export function onAppUninstalled(deps: Pick<FeatureDeps, 'memberData'>): EventListener<'app_uninstalled'> {
  return async ({ body }) => {
    const teamId = eventTeam(body);
    if (teamId !== undefined) await deps.memberData.eraseWorkspace(teamId);
  };
}
