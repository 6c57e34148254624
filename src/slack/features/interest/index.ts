import { cardActionIds, interestModalIds } from '../../ids.js';
import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onImInterested } from './open-interest-modal.js';
import { onInterestSubmitted } from './submit-interest.js';

/** "I'm interested": the form, and the referral it creates with the DMs that follow. */
export const interest = defineFeature<FeatureDeps>(
  'interest',
  ['chat:write', 'im:history', 'im:write'],
  (app, deps) => {
    app.action(cardActionIds.imInterested, onImInterested(deps));
    app.view(interestModalIds.callbackId, onInterestSubmitted(deps));
  },
);
