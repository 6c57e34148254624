import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { createRecentMap } from '../../runtime/recent-map.js';
import { slackErrorCode } from '../slack-error.js';

/** How long a channel's member list is trusted: joins and leaves show after at most this. */
const DEFAULT_TTL_MS = 2 * 60 * 1000;
/** Pages of 1,000 read at most (a 50,000-member channel). */
const MAX_PAGES = 50;
/** Channels whose member lists are kept at once (the least recently used go first). */
const MAX_CHANNELS = 1000;

const membersPageSchema = z.object({
  members: z.array(z.string()).optional(),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
});

export interface ChannelMembersDeps {
  logger: Pick<Logger, 'info'>;
  ttlMs?: number;
  now?: () => number;
}

/**
 * Who is in a channel, from `conversations.members`, cached for a couple of minutes per channel so a
 * burst of shares in one channel reads its members once. A channel Vouch cannot read (not a
 * member, gone) has nobody in it: nobody learns of what was shared there.
 * @see https://api.slack.com/methods/conversations.members
 */
export function createChannelMembers(client: WebClient, deps: ChannelMembersDeps) {
  const cache = createRecentMap<string, Promise<Set<string>>>({
    max: MAX_CHANNELS,
    ttlMs: deps.ttlMs ?? DEFAULT_TTL_MS,
    ...(deps.now !== undefined ? { now: deps.now } : {}),
  });

  async function read(channelId: string): Promise<Set<string>> {
    const members = new Set<string>();
    let cursor: string | undefined;
    try {
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const response = membersPageSchema.parse(
          await client.conversations.members({
            channel: channelId,
            limit: 1000,
            ...(cursor !== undefined ? { cursor } : {}),
          }),
        );
        for (const id of response.members ?? []) members.add(id);
        cursor = response.response_metadata?.next_cursor || undefined;
        if (cursor === undefined) break;
      }
    } catch (error) {
      const slackError = slackErrorCode(error);
      // Slack said no (not in the channel, channel gone): nobody there, for the cache's time.
      if (slackError === null) throw error;
      deps.logger.info({ channel: channelId, slackError }, 'cannot read channel members');
    }
    return members;
  }

  return {
    /** The members of `channelId` (Slack user ids). */
    async of(channelId: string): Promise<Set<string>> {
      const cached = cache.get(channelId);
      if (cached !== undefined) return cached;
      const members = read(channelId);
      cache.set(channelId, members);
      // A failure is not cached: the job that asked is retried and asks again.
      members.catch(() => cache.delete(channelId));
      return members;
    },
  };
}

export type ChannelMembers = ReturnType<typeof createChannelMembers>;
