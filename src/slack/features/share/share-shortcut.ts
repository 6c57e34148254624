import {
  slackChannelIdSchema,
  slackIdOrUndefined,
  slackTeamIdSchema,
  slackUserIdSchema,
} from '../../slack-ids.js';
import { linksInMessage } from '../../support/message-links.js';
import { isRerun } from '../../transport/durable-deliveries.js';
import type { FeatureDeps } from '../feature-deps.js';
import type { ShortcutListener } from '../listener-kit.js';
import { shareOutcomeMessage } from './share-outcome-message.js';

/**
 * Message shortcut "Share as job referral": posts the card for the first link of a message, for any
 * job site (unfurls are limited to five domains). The card goes into the message's thread.
 */
export function onShareShortcut(
  deps: Pick<FeatureDeps, 'notifier' | 'cards' | 'logger' | 'shareCard'>,
): ShortcutListener {
  const { notifier, cards, logger, shareCard } = deps;
  return async ({ ack, shortcut, context }) => {
    await ack();
    // A run again after a crash takes over the card its first run claimed and may not have posted.
    const resumed = isRerun(context);
    const teamId = slackIdOrUndefined(slackTeamIdSchema, shortcut.team?.id ?? shortcut.user.team_id);
    const channel = slackIdOrUndefined(slackChannelIdSchema, shortcut.channel?.id);
    const userId = slackIdOrUndefined(slackUserIdSchema, shortcut.user.id);
    const text = typeof shortcut.message?.text === 'string' ? shortcut.message.text : '';
    const messageTs = shortcut.message?.ts ?? shortcut.message_ts;
    if (teamId === undefined || channel === undefined || userId === undefined || messageTs === undefined) {
      logger.warn('malformed message shortcut ignored');
      return;
    }
    const [url] = linksInMessage(text);
    if (url === undefined) {
      await notifier.ephemeral(channel, userId, {
        text: 'That message has no link to share. Try it on a message with a job link.',
      });
      return;
    }
    const outcome = await shareCard({
      teamId,
      channel,
      userId,
      url,
      note: null,
      source: 'shortcut',
      threadTs: shortcut.message?.thread_ts ?? messageTs,
      anchor: messageTs,
      ...(resumed ? { resumeClaim: true } : {}),
    });
    const message = shareOutcomeMessage(outcome, cards);
    if (message !== null) await notifier.ephemeral(channel, shortcut.user.id, message);
  };
}
