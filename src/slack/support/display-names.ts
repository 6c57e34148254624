import type { WebClient } from '@slack/web-api';
import { createRecentMap } from '../../runtime/recent-map.js';
import { cleanText } from '../../text/clean-text.js';

export interface DisplayNamesOptions {
  /** How long a looked-up name is reused; a renamed member shows the new name after this. */
  ttlMs?: number;
  max?: number;
}

/**
 * Members' Slack display names (users.info), remembered for an hour: a click needs the name to keep
 * the member row current, and users.info per click would cost a Web API call each time and run into
 * its rate limit in a busy channel. A failed lookup gives null and is not remembered.
 */
export function createDisplayNames(options: DisplayNamesOptions = {}) {
  const known = createRecentMap<string, string | null>({
    max: options.max ?? 10_000,
    ttlMs: options.ttlMs ?? 60 * 60 * 1000,
  });
  return async function displayName(client: WebClient, userId: string): Promise<string | null> {
    const hit = known.get(userId);
    if (hit !== undefined) return hit;
    try {
      const { user } = await client.users.info({ user: userId });
      const raw = user?.profile?.display_name || user?.real_name || user?.name || null;
      // A name is text from outside like any other: no control characters reach the database.
      const name = raw === null ? null : cleanText(raw) || null;
      known.set(userId, name);
      return name;
    } catch {
      return null;
    }
  };
}
