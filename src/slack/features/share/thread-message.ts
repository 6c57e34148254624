import { z } from 'zod';
import { cardsOn } from '../../../channels/channel-settings.js';
import { canonicalizeJobUrl } from '../../../postings/canonical-url.js';
import { slackChannelIdSchema, slackUserIdSchema } from '../../slack-ids.js';
import { isUnfurlDomain, linksInMessage } from '../../support/message-links.js';
import { isRerun } from '../../transport/durable-deliveries.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type EventListener, eventTeam } from '../listener-kit.js';

const messageSchema = z.object({
  channel: slackChannelIdSchema,
  user: slackUserIdSchema,
  ts: z.string(),
  text: z.string().max(40_000),
  thread_ts: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
});

/**
 * Thread cards: a job link from a site outside the unfurl domains, posted in a channel Vouch is in,
 * gets its card as a thread reply. Links Slack unfurls for us, bots' messages, edits and links that
 * are not job postings are left alone. A channel turns them on or off with `/vouch channel cards
 * on|off`; elsewhere VOUCH_THREAD_CARDS decides.
 */
export function onThreadMessage(
  deps: Pick<FeatureDeps, 'config' | 'logger' | 'shareCard' | 'channelSettings'>,
): EventListener<'message'> {
  const { config, logger, shareCard, channelSettings } = deps;
  return async ({ event, body, context }) => {
    // A run after a crash takes over the card this delivery claimed and may not have posted.
    const resumed = isRerun(context);
    const parsed = messageSchema.safeParse(event);
    const teamId = eventTeam(body);
    if (!parsed.success || teamId === undefined) return;
    const message = parsed.data;
    if (message.subtype !== undefined || message.bot_id !== undefined) return;
    const candidates = linksInMessage(message.text).filter((url) => !isUnfurlDomain(url));
    if (candidates.length === 0) return;
    // Read only for a message with a link: most messages have none.
    if (!cardsOn(await channelSettings.of(teamId, message.channel), config.threadCards)) return;
    for (const url of candidates.slice(0, 3)) {
      let known = false;
      try {
        known = canonicalizeJobUrl(url).source !== 'other';
      } catch {
        continue;
      }
      const outcome = await shareCard({
        teamId,
        channel: message.channel,
        userId: message.user,
        url,
        note: null,
        source: 'thread',
        threadTs: message.thread_ts ?? message.ts,
        anchor: message.ts,
        ...(resumed ? { resumeClaim: true } : {}),
      });
      if (outcome.kind !== 'posted' && known) {
        logger.info({ url, outcome: outcome.kind }, 'no thread card for a job-board link');
      }
    }
  };
}
