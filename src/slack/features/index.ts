import type { SlackFeature } from '../slack-feature.js';
import type { CardSharer } from '../support/card-sharer.js';
import { appHome } from './app-home.js';
import { cardActions } from './card-actions.js';
import { eventDeliveries } from './event-deliveries.js';
import type { FeatureDeps } from './feature-deps.js';
import { modalSubmissions } from './modal-submissions.js';
import { referralActions } from './referral-actions.js';
import { shareShortcut } from './share-shortcut.js';
import { threadCards } from './thread-cards.js';
import { unfurl } from './unfurl.js';
import { vouchCommand } from './vouch-command.js';

/** Every Slack feature, in registration order (event de-duplication first). */
export function buildFeatures(deps: FeatureDeps, shareCard: CardSharer): SlackFeature[] {
  return [
    eventDeliveries(deps),
    unfurl(deps),
    threadCards(deps, shareCard),
    vouchCommand(deps, shareCard),
    shareShortcut(deps, shareCard),
    cardActions(deps),
    modalSubmissions(deps),
    referralActions(deps),
    appHome(deps),
  ];
}
