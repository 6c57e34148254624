import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The Slack workspace a piece of work belongs to: a team, and for an Enterprise Grid org-wide
 * install its organisation. In multi-workspace mode it decides whose token a Web API call uses
 * (`src/slack/workspace-client.ts`).
 */
export interface WorkspaceRef {
  teamId: string | undefined;
  enterpriseId: string | undefined;
  /** The team's installation is its organisation's (an org-wide install). */
  isEnterpriseInstall: boolean;
  /** The token Bolt already resolved for the request being handled, when there is one. */
  botToken?: string;
}

const current = new AsyncLocalStorage<WorkspaceRef | null>();

/**
 * Runs `work` as work of `workspace`, however deep it goes (awaits, listeners, jobs it writes:
 * `addJob` records it). `null` says "no workspace" explicitly: a job claimed while a request of
 * another workspace was being handled must never inherit that request's workspace.
 */
export function withWorkspace<T>(workspace: WorkspaceRef | null, work: () => T): T {
  return current.run(workspace, work);
}

/** The workspace of the work at hand, or undefined outside any. */
export function currentWorkspace(): WorkspaceRef | undefined {
  return current.getStore() ?? undefined;
}

/** The columns a job row keeps its workspace in (the `Job` table). */
export interface WorkspaceColumns {
  teamId: string | null;
  enterpriseId: string | null;
  enterpriseInstall: boolean;
}

export function workspaceColumns(
  workspace: WorkspaceRef | undefined,
): WorkspaceColumns | Record<string, never> {
  if (workspace === undefined || (workspace.teamId === undefined && workspace.enterpriseId === undefined))
    return {};
  return {
    teamId: workspace.teamId ?? null,
    enterpriseId: workspace.enterpriseId ?? null,
    enterpriseInstall: workspace.isEnterpriseInstall,
  };
}

/** A job row's workspace, or null when it was written outside any. */
export function workspaceOfRow(row: Partial<WorkspaceColumns>): WorkspaceRef | null {
  if ((row.teamId ?? null) === null && (row.enterpriseId ?? null) === null) return null;
  return {
    teamId: row.teamId ?? undefined,
    enterpriseId: row.enterpriseId ?? undefined,
    isEnterpriseInstall: row.enterpriseInstall ?? false,
  };
}

/**
 * A workspace named by its team id alone (work written outside a request: reminders, digests,
 * liveness checks); with an org-wide install its organisation is found from the team.
 */
export function teamWorkspace(teamId: string): WorkspaceRef {
  return { teamId, enterpriseId: undefined, isEnterpriseInstall: false };
}
