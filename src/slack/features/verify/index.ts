import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onProfileChanged } from './profile-changed.js';

/**
 * Verified referrers: a referrer whose Slack e-mail is at the company's domain shows with ✓. Their
 * e-mail's domain is read with users.info (`users:read.email`) when they say they can refer
 * (`check-referrer.ts`, called by `refer/` and `command/`) and kept current from `user_change`;
 * `/vouch company-domain` (answered by `command/`, `company-domain-command.ts` here) lists and, for
 * admins, changes a company's domains.
 */
export const verify = defineFeature<FeatureDeps>(
  'verify',
  ['users:read', 'users:read.email'],
  (app, deps) => {
    app.event('user_change', onProfileChanged(deps));
  },
);
