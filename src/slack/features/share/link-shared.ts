import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import { isJobLike } from '../../../postings/posting-store.js';
import type { ShareStore } from '../../../shares/share-store.js';
import { slackChannelIdSchema, slackUserIdSchema } from '../../slack-ids.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type EventListener, eventTeam } from '../listener-kit.js';

const linkSharedSchema = z.object({
  channel: slackChannelIdSchema,
  user: slackUserIdSchema.optional(),
  message_ts: z.string(),
  thread_ts: z.string().optional(),
  unfurl_id: z.string().optional(),
  source: z.enum(['composer', 'conversations_history']).optional(),
  links: z.array(z.object({ url: z.string(), domain: z.string().optional() })).max(50),
});

export type LinkSharedDeps = Pick<FeatureDeps, 'referrals' | 'postings' | 'cards' | 'logger'> & {
  shares: Pick<ShareStore, 'recordUnfurl'>;
};

/**
 * Link unfurls: every link of a `link_shared` event gets a card in one `chat.unfurl` call — the full
 * card for a job posting, a plain link card for anything else. Works for links in the message
 * composer (unfurl_id + source) and in conversation history (channel + ts), where the share is
 * recorded so the card can be refreshed.
 * @see https://api.slack.com/reference/messaging/link-unfurling
 */
export function onLinkShared(deps: LinkSharedDeps): EventListener<'link_shared'> {
  const { referrals, postings, cards, logger, shares } = deps;
  return async ({ event, body, client }) => {
    const parsed = linkSharedSchema.safeParse(event);
    const teamId = eventTeam(body);
    if (!parsed.success || teamId === undefined) {
      logger.warn(
        { issues: parsed.success ? 'no team' : parsed.error.issues.slice(0, 3) },
        'malformed link_shared ignored',
      );
      return;
    }
    const shared = parsed.data;
    const sharer = shared.user !== undefined ? await referrals.ensureMember(teamId, shared.user) : null;
    const urls = [...new Set(shared.links.map((l) => l.url))].slice(0, 10);
    const unfurls: Record<string, { blocks: KnownBlock[] }> = {};
    await Promise.all(
      urls.map(async (url) => {
        try {
          const resolved = await postings.resolve(teamId, url);
          if (!isJobLike(resolved.summary)) {
            unfurls[url] = { blocks: cards.plain(resolved.summary).blocks };
            return;
          }
          if (shared.source !== 'composer') {
            await shares.recordUnfurl({
              postingId: resolved.posting.id,
              channelId: shared.channel,
              messageTs: shared.message_ts,
              threadTs: shared.thread_ts ?? null,
              url,
              sharedById: sharer?.id ?? null,
            });
          }
          unfurls[url] = { blocks: (await cards.render(resolved.posting.id)).blocks };
        } catch (error) {
          logger.info({ err: error, url }, 'link could not be turned into a card');
          unfurls[url] = { blocks: cards.plainLink({ url }).blocks };
        }
      }),
    );
    const target =
      shared.source === 'composer' && shared.unfurl_id !== undefined
        ? { unfurl_id: shared.unfurl_id, source: 'composer' as const }
        : { channel: shared.channel, ts: shared.message_ts };
    await client.chat.unfurl({ ...target, unfurls } as Parameters<typeof client.chat.unfurl>[0]);
  };
}
