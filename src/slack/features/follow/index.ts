import { followModalIds, homeActionIds } from '../../ids.js';
import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onOpenFollowModal } from './open-follow-modal.js';
import { onFollowSubmitted } from './submit-follow.js';
import { onUnfollow } from './unfollow.js';

/**
 * Following (src/follows/): the Home tab's "Follow…" form and "Unfollow" buttons; `/vouch follow`,
 * `following` and `unfollow` are answered by `follow-commands.ts`. The follow DMs are jobs
 * (`effects/follow-handlers.ts`), which read channel members (`conversations.members`) so a member
 * hears only of shares in channels they are in.
 */
export const follow = defineFeature<FeatureDeps>(
  'follow',
  ['chat:write', 'im:write', 'channels:read', 'groups:read'],
  (app, deps) => {
    app.action(homeActionIds.openFollowModal, onOpenFollowModal(deps));
    app.action(homeActionIds.unfollow, onUnfollow(deps));
    app.view(followModalIds.callbackId, onFollowSubmitted(deps));
  },
);
