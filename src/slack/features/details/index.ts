import { cardActionIds, homeActionIds, linkActionIds } from '../../ids.js';
import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import type { ActionListener } from '../listener-kit.js';
import { onDetails } from './open-details.js';

/** Link buttons open their URL in the member's browser; Slack still sends the click, which wants an ack. */
const acknowledgeOnly: ActionListener = async ({ ack }) => {
  await ack();
};

/** Reading a posting: the Details modal, and the card's link buttons. */
export const details = defineFeature<FeatureDeps>('details', [], (app, deps) => {
  const openDetails = onDetails(deps);
  app.action(cardActionIds.details, openDetails);
  app.action(homeActionIds.postingDetails, openDetails);
  for (const actionId of linkActionIds) app.action(actionId, acknowledgeOnly);
});
