import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { MemberData } from '../privacy/member-data.js';
import type { WorkspaceRef } from '../runtime/workspace-context.js';
import type { VouchInstallationStore } from './installation-store.js';
import type { WorkspaceTokens } from './workspace-tokens.js';

export interface WorkspaceRemovalDeps {
  db: Pick<Db, 'workspaceRemoval' | 'installation' | 'orgWorkspace'>;
  store: Pick<VouchInstallationStore, 'deleteInstallation' | 'teamsOfOrg'>;
  tokens: Pick<WorkspaceTokens, 'forget'>;
  memberData: Pick<MemberData, 'eraseWorkspace'>;
  logger: Pick<Logger, 'info'>;
  /** How long an uninstalled workspace's data waits for a reinstall (VOUCH_UNINSTALL_GRACE_DAYS). */
  graceMs: number;
  now?: () => Date;
}

export interface WorkspaceRemoval {
  /**
   * `app_uninstalled`, or the bot token revoked: the installation (its tokens) is deleted now, the
   * workspace's data is erased after the grace period unless Vouch is installed there again first.
   * An org-wide install takes every workspace of the organisation Vouch has seen.
   */
  uninstalled(ref: Pick<WorkspaceRef, 'teamId' | 'enterpriseId' | 'isEnterpriseInstall'>): Promise<void>;
  /** Erases the workspaces whose grace period is over (the `workspace-erasure` job); how many. */
  eraseDue(): Promise<number>;
}

/** At most this many workspaces erased per round: each is one long transaction. */
const BATCH = 20;

/**
 * Uninstalls in multi-workspace mode (README "Several workspaces"). With one workspace and
 * SLACK_BOT_TOKEN, an uninstall still erases at once (`src/slack/features/privacy/`).
 */
export function createWorkspaceRemoval(deps: WorkspaceRemovalDeps): WorkspaceRemoval {
  const { db, store, tokens, memberData, logger, graceMs } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    async uninstalled(ref) {
      const query = {
        teamId: ref.isEnterpriseInstall ? undefined : ref.teamId,
        enterpriseId: ref.enterpriseId,
        isEnterpriseInstall: ref.isEnterpriseInstall,
      };
      await store.deleteInstallation(query as Parameters<typeof store.deleteInstallation>[0]);
      tokens.forget(ref);
      const teams = new Set<string>();
      if (ref.teamId !== undefined) teams.add(ref.teamId);
      if (ref.isEnterpriseInstall && ref.enterpriseId !== undefined)
        for (const team of await store.teamsOfOrg(ref.enterpriseId)) teams.add(team);
      const eraseAfter = new Date(now().getTime() + graceMs);
      for (const workspaceId of teams) {
        await db.workspaceRemoval.upsert({
          where: { workspaceId },
          create: { workspaceId, eraseAfter },
          // A second uninstall event (tokens_revoked after app_uninstalled) does not push it back.
          update: {},
        });
      }
      logger.info(
        { teams: [...teams], enterpriseId: ref.enterpriseId, eraseAfter },
        'Vouch uninstalled: tokens deleted, workspace data erased after the grace period',
      );
    },

    async eraseDue() {
      const due = await db.workspaceRemoval.findMany({
        where: { eraseAfter: { lte: now() } },
        orderBy: { eraseAfter: 'asc' },
        take: BATCH,
      });
      let erased = 0;
      for (const { workspaceId } of due) {
        // Installed again meanwhile (storing the installation also cancels this, so this is a race).
        const org = await db.orgWorkspace.findUnique({ where: { teamId: workspaceId } });
        const installed = await db.installation.findFirst({
          where: { OR: [{ teamId: workspaceId }, ...(org !== null ? [{ id: org.enterpriseId }] : [])] },
          select: { id: true },
        });
        if (installed === null) {
          await memberData.eraseWorkspace(workspaceId);
          await db.orgWorkspace.deleteMany({ where: { teamId: workspaceId } });
          erased += 1;
        }
        await db.workspaceRemoval.deleteMany({ where: { workspaceId } });
      }
      return erased;
    },
  };
}
