import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { createWorkspaceAdmins } from '../../../src/slack/support/workspace-admins.js';

/** A Web API client whose users.info answers with `answer` and counts its calls. */
function fakeClient(answer: (user: string) => unknown) {
  const calls: string[] = [];
  const client = {
    users: {
      info: async (args: { user: string }) => {
        calls.push(args.user);
        return answer(args.user);
      },
    },
  } as unknown as WebClient;
  return { client, calls };
}

const logger = createLogger('silent');
const slackError = (code: string) =>
  Object.assign(new Error(`An API error occurred: ${code}`), { data: { error: code } });

describe('workspace admins', () => {
  it('counts admins, owners and the primary owner, nobody else and no deactivated admin', async () => {
    const users: Record<string, Record<string, boolean>> = {
      U0ADMIN: { is_admin: true },
      U0OWNER: { is_owner: true },
      U0PRIMARY: { is_primary_owner: true },
      U0MEMBER: { is_admin: false },
      U0GONE: { is_admin: true, deleted: true },
    };
    const { client } = fakeClient((user) => ({ ok: true, user: { id: user, ...users[user] } }));
    const admins = createWorkspaceAdmins(client, { logger });
    const verdicts = await Promise.all(Object.keys(users).map((user) => admins.isAdmin(user)));
    expect(verdicts).toEqual([true, true, true, false, false]);
  });

  it('asks Slack once a minute per member', async () => {
    const { client, calls } = fakeClient(() => ({ ok: true, user: { is_admin: true } }));
    let now = 0;
    const admins = createWorkspaceAdmins(client, { logger, ttlMs: 60_000, now: () => now });
    await admins.isAdmin('U0ADMIN');
    await admins.isAdmin('U0ADMIN');
    expect(calls).toHaveLength(1);
    now = 60_001;
    await admins.isAdmin('U0ADMIN');
    expect(calls).toHaveLength(2);
  });

  it('takes a member Slack does not know for no admin, and does not cache a failure that can pass', async () => {
    let failure: Error | null = slackError('ratelimited');
    const { client } = fakeClient((user) => {
      if (user === 'U0UNKNOWN') throw slackError('user_not_found');
      if (failure !== null) throw failure;
      return { ok: true, user: { is_admin: true } };
    });
    const admins = createWorkspaceAdmins(client, { logger });
    expect(await admins.isAdmin('U0UNKNOWN')).toBe(false);
    await expect(admins.isAdmin('U0ADMIN')).rejects.toThrow('ratelimited');
    failure = null;
    expect(await admins.isAdmin('U0ADMIN')).toBe(true);
  });
});
