import type { FeatureDeps } from '../feature-deps.js';
import type { EventListener } from '../listener-kit.js';
import { workspaceGone } from './uninstall.js';

/**
 * `app_uninstalled`: Vouch was removed from the workspace; everything it held there is erased (with
 * several workspaces, after a grace period: `uninstall.ts`).
 * @see https://docs.slack.dev/reference/events/app_uninstalled
 */
export function onAppUninstalled(
  deps: Pick<FeatureDeps, 'memberData' | 'workspaceRemoval'>,
): EventListener<'app_uninstalled'> {
  return async ({ body }) => {
    await workspaceGone(deps, body);
  };
}
