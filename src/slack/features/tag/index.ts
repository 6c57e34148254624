import { cardActionIds, tagModalIds } from '../../ids.js';
import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onTagSomeone } from './open-tag-modal.js';
import { onTagSubmitted } from './submit-tag.js';

/** "Tag someone": tell a colleague about a job (as a possible referrer or candidate), privately. */
export const tag = defineFeature<FeatureDeps>(
  'tag',
  ['chat:write', 'im:history', 'im:write', 'users:read'],
  (app, deps) => {
    app.action(cardActionIds.tagSomeone, onTagSomeone(deps));
    app.view(tagModalIds.callbackId, onTagSubmitted(deps));
  },
);
