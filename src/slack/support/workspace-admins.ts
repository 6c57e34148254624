import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { createRecentMap, recentOrLoad } from '../../runtime/recent-map.js';
import { slackErrorCode } from '../slack-error.js';

/** How long a member's admin standing is trusted: a demoted admin loses it after at most this. */
const DEFAULT_TTL_MS = 60 * 1000;
/** Members whose standing is kept at once (the least recently used go first). */
const MAX_MEMBERS = 1000;

const userInfoSchema = z.object({
  user: z
    .object({
      deleted: z.boolean().optional(),
      is_admin: z.boolean().optional(),
      is_owner: z.boolean().optional(),
      is_primary_owner: z.boolean().optional(),
    })
    .optional(),
});

export interface WorkspaceAdminsDeps {
  logger: Pick<Logger, 'info'>;
  ttlMs?: number;
  now?: () => number;
}

/**
 * Whether a member is an admin or owner of the workspace (`users.info`: `is_admin`, `is_owner`,
 * `is_primary_owner`), cached for a minute per member: moderation asks on a click, and a click
 * should not cost a Web API call every time. A member Slack does not know (`user_not_found`) is no
 * admin; a failure that can pass (rate limit, network) is thrown and not cached, so the click is
 * run again.
 * @see https://api.slack.com/methods/users.info
 */
export function createWorkspaceAdmins(client: WebClient, deps: WorkspaceAdminsDeps) {
  const cache = createRecentMap<string, Promise<boolean>>({
    max: MAX_MEMBERS,
    ttlMs: deps.ttlMs ?? DEFAULT_TTL_MS,
    ...(deps.now !== undefined ? { now: deps.now } : {}),
  });

  async function read(userId: string): Promise<boolean> {
    try {
      const { user } = userInfoSchema.parse(await client.users.info({ user: userId }));
      if (user === undefined || user.deleted === true) return false;
      return user.is_admin === true || user.is_owner === true || user.is_primary_owner === true;
    } catch (error) {
      const slackError = slackErrorCode(error);
      if (slackError !== 'user_not_found' && slackError !== 'user_not_visible') throw error;
      deps.logger.info({ slackError }, 'cannot read a member’s admin standing: not an admin');
      return false;
    }
  }

  return {
    /** Whether `userId` is an admin or owner of the workspace. */
    isAdmin(userId: string): Promise<boolean> {
      return recentOrLoad(cache, userId, read);
    },
  };
}

export type WorkspaceAdmins = ReturnType<typeof createWorkspaceAdmins>;
