import { browseActionIds, browseModalIds, homeActionIds } from '../../ids.js';
import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onBrowseChange } from './change-browse.js';
import { onOpenBrowse } from './open-browse.js';
import { onBrowseSearch } from './search-browse.js';

/**
 * Browsing open postings (`referrals.browsePostings`): the Home tab's "Browse open postings" modal,
 * its filters and pages; `/vouch list …` is answered by `list-command.ts`, called by `command/`.
 */
export const browse = defineFeature<FeatureDeps>('browse', [], (app, deps) => {
  app.action(homeActionIds.browsePostings, onOpenBrowse(deps));
  const change = onBrowseChange(deps);
  for (const actionId of Object.values(browseActionIds)) app.action(actionId, change);
  app.view(browseModalIds.callbackId, onBrowseSearch(deps));
});
