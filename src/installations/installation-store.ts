import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Db } from '../db/client.js';
import { VouchError } from '../errors.js';
import type { TokenCipher } from './token-cipher.js';

/** No installation answers a query: the workspace never installed Vouch, or uninstalled it. */
export class NotInstalledError extends VouchError<'not_installed'> {
  override readonly name = 'NotInstalledError';
}

export interface InstallationStoreDeps {
  db: Pick<Db, 'installation' | 'orgWorkspace' | 'workspaceRemoval' | '$transaction'>;
  cipher: TokenCipher;
}

export interface VouchInstallationStore extends Required<InstallationStore> {
  /** Records that `teamId` is a workspace of the org-wide install of `enterpriseId` (idempotent). */
  rememberOrgWorkspace(teamId: string, enterpriseId: string): Promise<void>;
  /** The teams known to belong to the organisation `enterpriseId` (seen in its requests). */
  teamsOfOrg(enterpriseId: string): Promise<string[]>;
}

/** The row an installation or a query is kept under: the organisation's for an org-wide install. */
function rowId(query: {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string | undefined {
  return query.isEnterpriseInstall === true ? query.enterpriseId : query.teamId;
}

/**
 * `@slack/oauth`'s InstallationStore on Vouch's own database (SQLite or PostgreSQL, the
 * `Installation` table). The whole installation object, tokens included, is stored sealed
 * (`token-cipher.ts`); only the ids needed to find it are in clear. Storing an installation also
 * cancels a pending erasure of its workspace: installing again within the grace period keeps the data.
 * @see https://docs.slack.dev/tools/node-slack-sdk/oauth#storing-installations-in-a-database
 */
export function createInstallationStore(deps: InstallationStoreDeps): VouchInstallationStore {
  const { db, cipher } = deps;

  async function rowFor(query: InstallationQuery<boolean>) {
    const id = rowId(query);
    const row = id !== undefined ? await db.installation.findUnique({ where: { id } }) : null;
    if (row !== null || query.isEnterpriseInstall || query.teamId === undefined) return row;
    // A workspace of an org-wide install asked by its team id (a job written outside a request).
    const org =
      query.enterpriseId ??
      (await db.orgWorkspace.findUnique({ where: { teamId: query.teamId } }))?.enterpriseId ??
      undefined;
    if (org === undefined) return null;
    const orgRow = await db.installation.findUnique({ where: { id: org } });
    return orgRow?.isEnterpriseInstall === true ? orgRow : null;
  }

  async function teamsOfOrg(enterpriseId: string): Promise<string[]> {
    const rows = await db.orgWorkspace.findMany({ where: { enterpriseId }, select: { teamId: true } });
    return rows.map((row) => row.teamId);
  }

  return {
    async storeInstallation(installation) {
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const teamId = installation.team?.id;
      const enterpriseId = installation.enterprise?.id;
      const id = rowId({ isEnterpriseInstall, teamId, enterpriseId });
      if (id === undefined) throw new Error('an installation names neither its team nor its organisation');
      const sealed = cipher.seal(JSON.stringify(installation));
      const kept = {
        teamId: teamId ?? null,
        enterpriseId: enterpriseId ?? null,
        isEnterpriseInstall,
        sealed,
      };
      const returning =
        isEnterpriseInstall && enterpriseId !== undefined ? await teamsOfOrg(enterpriseId) : [];
      await db.$transaction([
        db.installation.upsert({ where: { id }, create: { id, ...kept }, update: kept }),
        db.workspaceRemoval.deleteMany({
          where: { workspaceId: { in: [...(teamId !== undefined ? [teamId] : []), ...returning] } },
        }),
      ]);
    },

    async fetchInstallation(query) {
      const row = await rowFor(query);
      if (row === null)
        throw new NotInstalledError(
          'not_installed',
          `Vouch is not installed in ${query.isEnterpriseInstall ? `organisation ${query.enterpriseId}` : `workspace ${query.teamId}`}`,
        );
      return JSON.parse(cipher.open(row.sealed)) as Installation<'v1' | 'v2', boolean>;
    },

    async deleteInstallation(query) {
      const id = rowId(query);
      if (id !== undefined) await db.installation.deleteMany({ where: { id } });
    },

    async rememberOrgWorkspace(teamId, enterpriseId) {
      await db.orgWorkspace.upsert({
        where: { teamId },
        create: { teamId, enterpriseId },
        update: { enterpriseId },
      });
    },

    teamsOfOrg,
  };
}
