import type { FeatureDeps } from '../feature-deps.js';
import { eventTeam } from '../listener-kit.js';

/**
 * What an uninstall (or the bot token revoked) does to the event's workspace. With several
 * workspaces: its installation's tokens are deleted now and its data erased after the grace period
 * (`src/installations/workspace-removal.ts`), so installing again soon keeps it. With one workspace
 * (SLACK_BOT_TOKEN): everything Vouch held there is erased at once.
 */
export async function workspaceGone(
  deps: Pick<FeatureDeps, 'memberData' | 'workspaceRemoval'>,
  body: unknown,
): Promise<void> {
  const teamId = eventTeam(body);
  if (deps.workspaceRemoval === undefined) {
    if (teamId !== undefined) await deps.memberData.eraseWorkspace(teamId);
    return;
  }
  const envelope = body as {
    enterprise_id?: unknown;
    is_enterprise_install?: unknown;
    authorizations?: Array<{ is_enterprise_install?: unknown; enterprise_id?: unknown }>;
  };
  const enterpriseId =
    typeof envelope.enterprise_id === 'string' && envelope.enterprise_id !== ''
      ? envelope.enterprise_id
      : undefined;
  const isEnterpriseInstall =
    envelope.is_enterprise_install === true || envelope.authorizations?.[0]?.is_enterprise_install === true;
  if (teamId === undefined && enterpriseId === undefined) return;
  await deps.workspaceRemoval.uninstalled({ teamId, enterpriseId, isEnterpriseInstall });
}
