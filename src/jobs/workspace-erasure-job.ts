import type { WorkspaceRemoval } from '../installations/workspace-removal.js';
import type { Logger } from '../logger.js';
import type { PeriodicJob } from './job-scheduler.js';

export interface WorkspaceErasureJobDeps {
  removal: Pick<WorkspaceRemoval, 'eraseDue'>;
  logger: Pick<Logger, 'info'>;
}

/**
 * Multi-workspace mode: erases the data of workspaces that uninstalled Vouch longer ago than
 * VOUCH_UNINSTALL_GRACE_DAYS and did not install it again (`src/installations/workspace-removal.ts`).
 */
export function createWorkspaceErasureJob(
  deps: WorkspaceErasureJobDeps,
): PeriodicJob & { runOnce(): Promise<number> } {
  async function runOnce(): Promise<number> {
    let total = 0;
    for (let erased = -1; erased !== 0; total += erased) erased = await deps.removal.eraseDue();
    if (total > 0)
      deps.logger.info({ erased: total }, 'workspaces erased after their uninstall grace period');
    return total;
  }
  return {
    name: 'workspace-erasure',
    everyMs: 60 * 60 * 1000,
    run: async () => {
      await runOnce();
    },
    runOnce,
  };
}
