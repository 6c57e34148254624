import { cardActionIds, interestModalIds } from '../../ids.js';
import type { SlackFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onImInterested } from './open-interest-modal.js';
import { onInterestSubmitted } from './submit-interest.js';

/** "I'm interested": the form, and the referral it creates with the DMs that follow. */
export function interest(deps: FeatureDeps): SlackFeature {
  return {
    name: 'interest',
    scopes: ['chat:write', 'im:write'],
    register(app) {
      app.action(cardActionIds.imInterested, onImInterested(deps));
      app.view(interestModalIds.callbackId, onInterestSubmitted(deps));
    },
  };
}
