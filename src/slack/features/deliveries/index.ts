import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { dropRedeliveredEvents } from './drop-redelivered-events.js';
import { dropRepeatedInteractions } from './drop-repeated-interactions.js';

/** De-duplication of events and interactions: global middleware, so it registers before every listener. */
export const deliveries = defineFeature<FeatureDeps>('deliveries', [], (app, deps) => {
  app.use(dropRedeliveredEvents(deps));
  app.use(dropRepeatedInteractions(deps));
});
