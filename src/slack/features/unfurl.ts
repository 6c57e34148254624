import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import { shareDedupeKey } from '../../db/share-dedupe-key.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { isJobLike } from '../../postings/posting-store.js';
import type { SlackFeature } from '../slack-feature.js';
import type { FeatureDeps } from './feature-deps.js';

const linkSharedSchema = z.object({
  channel: z.string(),
  user: z.string().optional(),
  message_ts: z.string(),
  thread_ts: z.string().optional(),
  unfurl_id: z.string().optional(),
  source: z.enum(['composer', 'conversations_history']).optional(),
  links: z.array(z.object({ url: z.string(), domain: z.string().optional() })).max(50),
});

/**
 * Link unfurls: every link of a `link_shared` event gets a card in one `chat.unfurl` call — the full
 * card for a job posting, a plain link card for anything else. Works for links in the message
 * composer (unfurl_id + source) and in conversation history (channel + ts).
 * @see https://api.slack.com/reference/messaging/link-unfurling
 */
export function unfurl(deps: FeatureDeps): SlackFeature {
  const { referrals, postings, cards, logger, db } = deps;
  return {
    name: 'unfurl',
    scopes: ['links:read', 'links:write'],
    register(app) {
      app.event('link_shared', async ({ event, body, client }) => {
        const parsed = linkSharedSchema.safeParse(event);
        const teamId = (body as { team_id?: string }).team_id;
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
                await recordShare(resolved.posting.id, url);
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

        async function recordShare(postingId: string, url: string) {
          await db.share
            .create({
              data: {
                postingId,
                channelId: shared.channel,
                messageTs: shared.message_ts,
                threadTs: shared.thread_ts ?? null,
                source: 'unfurl',
                url,
                sharedById: sharer?.id ?? null,
                dedupeKey: shareDedupeKey({
                  postingId,
                  channelId: shared.channel,
                  anchor: shared.message_ts,
                }),
              },
            })
            .catch((error: unknown) => {
              if (!isUniqueViolation(error)) throw error;
            });
        }
      });
    },
  };
}
