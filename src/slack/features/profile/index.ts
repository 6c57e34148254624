import { homeActionIds, profileFormIds } from '../../ids.js';
import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onOpenProfileModal } from './open-profile-modal.js';
import { onProfileSubmitted } from './submit-profile.js';

/**
 * The candidate profile (src/profiles/): the Home tab's "Edit profile" form and its submission. The
 * form's résumé `file_input` needs `files:read`, which also lets the bot read that file to copy it
 * (`files:write`) into the DM of a referrer the candidate asked or accepted
 * (`effects/resume-file-jobs.ts`); the interest form carries the same inputs (`interest/`).
 */
export const profile = defineFeature<FeatureDeps>(
  'profile',
  ['chat:write', 'im:write', 'files:read', 'files:write'],
  (app, deps) => {
    app.action(homeActionIds.editProfile, onOpenProfileModal(deps));
    app.view(profileFormIds.callbackId, onProfileSubmitted(deps));
  },
);
