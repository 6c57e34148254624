import { offerActionIds } from '../../ids.js';
import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onAcceptOffer } from './accept-offer.js';
import { onOfferToRefer } from './offer-to-refer.js';

/**
 * Double opt-in for open requests: a referrer offers on an anonymous invitation, the candidate
 * accepts. ("Not this time" is a status button: `status/`.)
 */
export const offers = defineFeature<FeatureDeps>(
  'offers',
  ['chat:write', 'im:history', 'im:write'],
  (app, deps) => {
    app.action(offerActionIds.offer, onOfferToRefer(deps));
    app.action(offerActionIds.accept, onAcceptOffer(deps));
  },
);
