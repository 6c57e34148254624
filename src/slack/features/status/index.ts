import { referrerDmActionIds, statusUpdateActionPattern } from '../../ids.js';
import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onRelationship } from './relationship.js';
import { onStatusButton } from './status-button.js';

/** A referral's progress from "requested" to "hired" (or not), and what the referrer adds on the way. */
export const status = defineFeature<FeatureDeps>(
  'status',
  ['chat:write', 'im:history', 'im:write'],
  (app, deps) => {
    const statusButton = onStatusButton(deps);
    app.action(statusUpdateActionPattern, statusButton);
    app.action(referrerDmActionIds.markReferred, statusButton);
    app.action(referrerDmActionIds.decline, statusButton);
    app.action(referrerDmActionIds.relationship, onRelationship(deps));
  },
);
