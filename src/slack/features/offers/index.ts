import { offerActionIds } from '../../ids.js';
import type { SlackFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onAcceptOffer } from './accept-offer.js';
import { onOfferToRefer } from './offer-to-refer.js';

/**
 * Double opt-in for open requests: a referrer offers on an anonymous invitation, the candidate
 * accepts. ("Not this time" is a status button: `status/`.)
 */
export function offers(deps: FeatureDeps): SlackFeature {
  return {
    name: 'offers',
    scopes: ['chat:write', 'im:write'],
    register(app) {
      app.action(offerActionIds.offer, onOfferToRefer(deps));
      app.action(offerActionIds.accept, onAcceptOffer(deps));
    },
  };
}
