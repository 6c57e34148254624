import { z } from 'zod';
import type { FeatureDeps } from '../feature-deps.js';
import type { EventListener } from '../listener-kit.js';
import { workspaceGone } from './uninstall.js';

const revokedSchema = z.object({ tokens: z.object({ bot: z.array(z.string()).optional() }) });

/**
 * `tokens_revoked` naming the bot's token: Vouch can no longer act in the workspace, so everything it
 * held there is erased, as on `app_uninstalled`. Revoked user tokens (Vouch asks for none) change
 * nothing.
 * @see https://docs.slack.dev/reference/events/tokens_revoked
 */
export function onTokensRevoked(
  deps: Pick<FeatureDeps, 'memberData' | 'workspaceRemoval'>,
): EventListener<'tokens_revoked'> {
  return async ({ event, body }) => {
    const revoked = revokedSchema.safeParse(event);
    if (!revoked.success || (revoked.data.tokens.bot ?? []).length === 0) return;
    await workspaceGone(deps, body);
  };
}
