import type { AuthorizeResult, InstallationQuery } from '@slack/oauth';
import { describe, expect, it } from 'vitest';
import { createWorkspaceTokens } from '../../../src/installations/workspace-tokens.js';

/** An installer that counts lookups and answers a token per team or organisation. */
function countingInstaller(failFor: string[] = []) {
  const asked: string[] = [];
  return {
    asked,
    authorize: async (source: InstallationQuery<boolean>): Promise<AuthorizeResult> => {
      const id = source.isEnterpriseInstall ? (source.enterpriseId ?? '') : (source.teamId ?? '');
      asked.push(id);
      if (failFor.includes(id)) throw new Error(`not installed in ${id}`);
      return { botToken: `xoxb-${id}`, teamId: source.teamId, enterpriseId: source.enterpriseId };
    },
  };
}

const team = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false }) as const;
const silent = { warn: () => undefined };

describe('tokens per workspace', () => {
  it('looks a workspace up once a minute, each workspace for itself', async () => {
    let now = 0;
    const installer = countingInstaller();
    const remembered: string[] = [];
    const tokens = createWorkspaceTokens({
      installer,
      store: { rememberOrgWorkspace: async (teamId) => void remembered.push(teamId) },
      logger: silent,
      now: () => now,
    });
    expect(await tokens.botTokenFor(team('T0A'))).toBe('xoxb-T0A');
    expect(await tokens.botTokenFor(team('T0A'))).toBe('xoxb-T0A');
    expect(await tokens.botTokenFor(team('T0B'))).toBe('xoxb-T0B');
    expect(installer.asked).toEqual(['T0A', 'T0B']);
    now = 61_000;
    await tokens.botTokenFor(team('T0A'));
    expect(installer.asked).toEqual(['T0A', 'T0B', 'T0A']);
    tokens.forget({ teamId: 'T0B', enterpriseId: undefined });
    await tokens.botTokenFor(team('T0B'));
    expect(installer.asked).toEqual(['T0A', 'T0B', 'T0A', 'T0B']);
  });

  it('does not keep a failed lookup, and uses the token a request already carries', async () => {
    const installer = countingInstaller(['T0GONE']);
    const tokens = createWorkspaceTokens({
      installer,
      store: { rememberOrgWorkspace: async () => undefined },
      logger: silent,
    });
    await expect(tokens.botTokenFor(team('T0GONE'))).rejects.toThrow(/not installed/);
    await expect(tokens.botTokenFor(team('T0GONE'))).rejects.toThrow(/not installed/);
    expect(installer.asked).toEqual(['T0GONE', 'T0GONE']);
    expect(await tokens.botTokenFor({ ...team('T0X'), botToken: 'xoxb-given' })).toBe('xoxb-given');
    expect(installer.asked).toHaveLength(2);
  });

  it("authorises an org-wide install's workspaces by the organisation, and remembers each workspace once", async () => {
    const installer = countingInstaller();
    const remembered: Array<[string, string]> = [];
    const tokens = createWorkspaceTokens({
      installer,
      store: {
        rememberOrgWorkspace: async (teamId, enterpriseId) => void remembered.push([teamId, enterpriseId]),
      },
      logger: silent,
    });
    const source = {
      teamId: 'T0ORG1',
      enterpriseId: 'E0ORG',
      isEnterpriseInstall: true,
    } as InstallationQuery<boolean>;
    expect((await tokens.authorize(source)).botToken).toBe('xoxb-E0ORG');
    await tokens.authorize({ ...source, teamId: 'T0ORG2' } as InstallationQuery<boolean>);
    await tokens.authorize(source);
    expect(installer.asked).toEqual(['E0ORG']);
    expect(remembered).toEqual([
      ['T0ORG1', 'E0ORG'],
      ['T0ORG2', 'E0ORG'],
    ]);
  });
});
