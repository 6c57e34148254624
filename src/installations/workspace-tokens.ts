import type { AuthorizeResult, InstallationQuery, InstallProvider } from '@slack/oauth';
import type { Logger } from '../logger.js';
import type { WorkspaceRef } from '../runtime/workspace-context.js';
import type { VouchInstallationStore } from './installation-store.js';

/** How long a workspace's authorization is reused before the store is asked again. */
const DEFAULT_TTL_MS = 60_000;

export interface WorkspaceTokensDeps {
  /** `@slack/oauth`'s authorize: the installation of a team or organisation, its tokens refreshed when rotated. */
  installer: Pick<InstallProvider, 'authorize'>;
  store: Pick<VouchInstallationStore, 'rememberOrgWorkspace'>;
  logger: Pick<Logger, 'warn'>;
  ttlMs?: number;
  now?: () => number;
}

export interface WorkspaceTokens {
  /** Bolt's `authorize`: a request's tokens, by its team or organisation. */
  authorize(source: InstallationQuery<boolean>): Promise<AuthorizeResult>;
  /** The bot token of the workspace `ref` names (work outside a request: jobs). */
  botTokenFor(ref: WorkspaceRef): Promise<string>;
  /** Drops what is cached for a team or organisation (its installation was deleted). */
  forget(ref: Pick<WorkspaceRef, 'teamId' | 'enterpriseId'>): void;
}

function cacheKey(source: Pick<WorkspaceRef, 'teamId' | 'enterpriseId' | 'isEnterpriseInstall'>): string {
  return source.isEnterpriseInstall ? `E:${source.enterpriseId ?? ''}` : `T:${source.teamId ?? ''}`;
}

/**
 * Tokens per workspace in multi-workspace mode: one authorize for Bolt (requests) and for the work
 * queue (jobs, outside any request), over `@slack/oauth`'s InstallProvider and the encrypted store.
 * Answers are kept for a minute, so a burst in one workspace reads and decrypts its installation
 * once; a failed lookup is not kept. Workspaces of an org-wide install are remembered on their first
 * request, so their jobs find the organisation's installation by team id.
 */
export function createWorkspaceTokens(deps: WorkspaceTokensDeps): WorkspaceTokens {
  const ttlMs = deps.ttlMs ?? DEFAULT_TTL_MS;
  const now = deps.now ?? Date.now;
  const cache = new Map<string, { at: number; result: Promise<AuthorizeResult> }>();
  const orgTeamsSeen = new Set<string>();

  function authorize(source: InstallationQuery<boolean>): Promise<AuthorizeResult> {
    if (source.isEnterpriseInstall && source.teamId !== undefined && source.enterpriseId !== undefined)
      rememberOrgWorkspace(source.teamId, source.enterpriseId);
    const key = cacheKey(source);
    const hit = cache.get(key);
    if (hit !== undefined && now() - hit.at < ttlMs) return hit.result;
    const result = deps.installer.authorize(source);
    cache.set(key, { at: now(), result });
    result.catch(() => {
      if (cache.get(key)?.result === result) cache.delete(key);
    });
    return result;
  }

  function rememberOrgWorkspace(teamId: string, enterpriseId: string): void {
    if (orgTeamsSeen.has(teamId)) return;
    orgTeamsSeen.add(teamId);
    deps.store.rememberOrgWorkspace(teamId, enterpriseId).catch((error: unknown) => {
      orgTeamsSeen.delete(teamId);
      deps.logger.warn({ err: error, teamId }, 'could not remember a workspace of an org-wide install');
    });
  }

  return {
    authorize,
    async botTokenFor(ref) {
      if (ref.botToken !== undefined) return ref.botToken;
      const result = await authorize({
        teamId: ref.teamId,
        enterpriseId: ref.enterpriseId,
        isEnterpriseInstall: ref.isEnterpriseInstall,
      } as InstallationQuery<boolean>);
      if (result.botToken === undefined)
        throw new Error(`the installation of ${ref.teamId ?? ref.enterpriseId} has no bot token`);
      return result.botToken;
    },
    forget(ref) {
      cache.delete(`T:${ref.teamId ?? ''}`);
      cache.delete(`E:${ref.enterpriseId ?? ''}`);
    },
  };
}
