import type { MessageShortcut } from '@slack/bolt';
import { shortcutIds } from '../ids.js';
import type { SlackFeature } from '../slack-feature.js';
import type { CardSharer } from '../support/card-sharer.js';
import { linksInMessage } from '../support/message-links.js';
import type { FeatureDeps } from './feature-deps.js';
import { shareOutcomeMessage } from './vouch-command.js';

/**
 * Message shortcut "Share as job referral": posts the card for the first link of a message, for any
 * job site (unfurls are limited to five domains). The card goes into the message's thread.
 */
export function shareShortcut(deps: FeatureDeps, shareCard: CardSharer): SlackFeature {
  const { notifier, cards, logger } = deps;
  return {
    name: 'share-shortcut',
    scopes: ['chat:write'],
    register(app) {
      app.shortcut<MessageShortcut>(shortcutIds.shareAsReferral, async ({ ack, shortcut }) => {
        await ack();
        const teamId = shortcut.team?.id ?? shortcut.user.team_id;
        const channel = shortcut.channel?.id;
        const text = typeof shortcut.message?.text === 'string' ? shortcut.message.text : '';
        const messageTs = shortcut.message?.ts ?? shortcut.message_ts;
        if (teamId === undefined || channel === undefined || messageTs === undefined) {
          logger.warn('malformed message shortcut ignored');
          return;
        }
        const [url] = linksInMessage(text);
        if (url === undefined) {
          await notifier.ephemeral(channel, shortcut.user.id, {
            text: 'That message has no link to share. Try it on a message with a job link.',
          });
          return;
        }
        const outcome = await shareCard({
          teamId,
          channel,
          userId: shortcut.user.id,
          url,
          note: null,
          source: 'shortcut',
          threadTs: shortcut.message?.thread_ts ?? messageTs,
          anchor: messageTs,
        });
        const message = shareOutcomeMessage(outcome, cards);
        if (message !== null) await notifier.ephemeral(channel, shortcut.user.id, message);
      });
    },
  };
}
