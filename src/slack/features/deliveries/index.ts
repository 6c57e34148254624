import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { dropRepeats } from './drop-repeats.js';

/** De-duplication of events and interactions: global middleware, so it registers before every listener. */
export const deliveries = defineFeature<FeatureDeps>('deliveries', [], (app, deps) => {
  app.use(dropRepeats(deps));
});
