import { cardMenuActionIds } from '../../ids.js';
import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onCardMenu } from './remove-card.js';

/**
 * Moderation and channel settings: "Remove card" in the "…" menu of a card Vouch posted (its sharer
 * or a workspace admin: `memberProfiles`, `users.info` asked at the click); `/vouch channel [cards on|off]` is answered by
 * `channel-commands.ts` (called by `command/`), which asks `conversations.members` who is in the
 * channel. Deleting the card message is a job (`effects/card-removal.ts`).
 */
export const moderation = defineFeature<FeatureDeps>(
  'moderation',
  ['chat:write', 'users:read', 'channels:read', 'groups:read'],
  (app, deps) => {
    app.action(cardMenuActionIds.menu, onCardMenu(deps));
  },
);
