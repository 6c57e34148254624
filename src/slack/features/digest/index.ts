import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';

/**
 * Channel digests (src/digests/): `/vouch digest [daily|weekly|off]` is answered by
 * `digest-commands.ts` (called by `command/`), after checking the asker is in the channel
 * (`conversations.members`). The digest itself is a job (`effects/digest-handlers.ts`): it posts in
 * the channel, links each share (`chat.getPermalink`) and, when run again after a crash, reads the
 * channel's history for the digest it may have posted already.
 */
export const digest = defineFeature<FeatureDeps>(
  'digest',
  ['chat:write', 'chat:write.public', 'channels:read', 'groups:read', 'channels:history', 'groups:history'],
  () => undefined,
);
