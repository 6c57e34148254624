import { type WebAPICallResult, WebClient, type WebClientOptions } from '@slack/web-api';
import { VouchError } from '../errors.js';
import { NotInstalledError } from '../installations/installation-store.js';
import type { WorkspaceTokens } from '../installations/workspace-tokens.js';
import { currentWorkspace } from '../runtime/workspace-context.js';
import { PermanentJobError } from '../work/retry-policy.js';

/** A Web API call made outside the work of any workspace, with several workspaces installed. */
export class NoWorkspaceError extends VouchError<'no_workspace'> {
  override readonly name = 'NoWorkspaceError';
}

/**
 * The one Web API client of multi-workspace mode: each call carries the bot token of the workspace
 * whose work it does (`src/runtime/workspace-context.ts`: the request being handled, or the job
 * being run), so the shared publishers, notifiers and job handlers built once in `src/main.ts` post
 * workspace B's cards with B's token. A call with an explicit `token` keeps it; a call outside any
 * workspace's work is refused (rather than guessed).
 */
export class WorkspaceClient extends WebClient {
  readonly #tokens: Pick<WorkspaceTokens, 'botTokenFor'>;

  constructor(tokens: Pick<WorkspaceTokens, 'botTokenFor'>, options: WebClientOptions) {
    super(undefined, options);
    this.#tokens = tokens;
  }

  /**
   * The bot token of the workspace at hand (for what is not a Web API call: file downloads). No
   * workspace, or one where Vouch is not installed (any more), fails a job for good
   * (`PermanentJobError`): another attempt would find no token either.
   */
  async currentToken(): Promise<string> {
    const workspace = currentWorkspace();
    if (workspace === undefined)
      throw new PermanentJobError('a Slack call was made outside the work of any workspace', {
        cause: new NoWorkspaceError('no_workspace', 'no workspace'),
      });
    try {
      return await this.#tokens.botTokenFor(workspace);
    } catch (error) {
      const original = (error as { original?: unknown }).original ?? error;
      if (original instanceof NotInstalledError)
        throw new PermanentJobError(original.message, { cause: error });
      throw error;
    }
  }

  override async apiCall(method: string, options: Record<string, unknown> = {}): Promise<WebAPICallResult> {
    if (options.token !== undefined) return super.apiCall(method, options);
    return super.apiCall(method, { ...options, token: await this.currentToken() });
  }
}

/** The token a client uses now: the workspace's (WorkspaceClient), else the client's own. */
export async function tokenOf(client: WebClient): Promise<string | undefined> {
  return client instanceof WorkspaceClient ? client.currentToken() : client.token;
}
