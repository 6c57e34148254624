import type { SlackFeature } from '../slack-feature.js';
import { browse } from './browse/index.js';
import { command } from './command/index.js';
import { deliveries } from './deliveries/index.js';
import { details } from './details/index.js';
import { digest } from './digest/index.js';
import type { FeatureDeps } from './feature-deps.js';
import { follow } from './follow/index.js';
import { home } from './home/index.js';
import { interest } from './interest/index.js';
import { moderation } from './moderation/index.js';
import { offers } from './offers/index.js';
import { privacy } from './privacy/index.js';
import { profile } from './profile/index.js';
import { refer } from './refer/index.js';
import { share } from './share/index.js';
import { status } from './status/index.js';
import { tag } from './tag/index.js';
import { verify } from './verify/index.js';

/**
 * Every Slack capability, one folder each, in registration order (event de-duplication first: it is
 * middleware, and the listener router wants middleware before the first listener).
 */
export function buildFeatures(deps: FeatureDeps): SlackFeature[] {
  return [
    deliveries(deps),
    share(deps),
    command(deps),
    refer(deps),
    interest(deps),
    offers(deps),
    tag(deps),
    details(deps),
    status(deps),
    home(deps),
    privacy(deps),
    follow(deps),
    digest(deps),
    profile(deps),
    verify(deps),
    browse(deps),
    moderation(deps),
  ];
}
