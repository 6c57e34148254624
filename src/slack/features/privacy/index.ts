import { privacyActionIds } from '../../ids.js';
import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onAppUninstalled } from './app-uninstalled.js';
import { onEraseEverything } from './erase-everything.js';
import { onTokensRevoked } from './tokens-revoked.js';
import { onUserChange } from './user-deactivated.js';

/**
 * Data rights: the forget-me button, erasure when Slack says a member or the whole workspace is gone.
 * `/vouch privacy`, `export` and `forget-me` are answered by the command (`send-export.ts` here sends
 * the file, with `files:write`).
 */
export const privacy = defineFeature<FeatureDeps>(
  'privacy',
  ['files:write', 'im:write', 'users:read'],
  (app, deps) => {
    app.action(privacyActionIds.eraseEverything, onEraseEverything(deps));
    app.event('user_change', onUserChange(deps));
    app.event('app_uninstalled', onAppUninstalled(deps));
    app.event('tokens_revoked', onTokensRevoked(deps));
  },
);
