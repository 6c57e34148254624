import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onAppHomeOpened } from './app-home-opened.js';

/** The App Home tab: my referrals, requests waiting on me, companies I refer at, recent postings. */
export const home = defineFeature<FeatureDeps>('home', ['users:read'], (app, deps) => {
  app.event('app_home_opened', onAppHomeOpened(deps));
});
