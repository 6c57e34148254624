import { shortcutIds } from '../../ids.js';
import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onLinkShared } from './link-shared.js';
import { onShareShortcut } from './share-shortcut.js';
import { onThreadMessage } from './thread-message.js';

/**
 * Sharing a job link: unfurls of the unfurl domains, thread cards for other job links, and the
 * "Share as job referral" message shortcut. `/vouch <url>` shares through the same `card-sharer.ts`.
 */
export const share = defineFeature<FeatureDeps>(
  'share',
  ['links:read', 'links:write', 'channels:history', 'groups:history', 'chat:write'],
  (app, deps) => {
    app.event('link_shared', onLinkShared(deps));
    app.event('message', onThreadMessage(deps));
    app.shortcut(shortcutIds.shareAsReferral, onShareShortcut(deps));
  },
);
