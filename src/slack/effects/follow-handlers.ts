import { z } from 'zod';
import { FOLLOW_JOBS } from '../../follows/follow-jobs.js';
import { followMatches } from '../../follows/follow-matcher.js';
import type { FollowStore } from '../../follows/follow-store.js';
import type { Logger } from '../../logger.js';
import type { JobHandler, WorkQueue } from '../../work/work-queue.js';
import { addJob } from '../../work/work-queue.js';
import { type FollowDmPosting, followDm } from '../blocks/follow-blocks.js';
import { slackUserIdSchema } from '../slack-ids.js';
import type { CardPublisher } from '../support/card-publisher.js';
import type { ChannelMembers } from '../support/channel-members.js';
import { dmJob } from './effect-jobs.js';

const matchPayloadSchema = z.object({ shareId: z.string() });
const batchPayloadSchema = z.object({
  batchKey: z.string(),
  memberId: z.string(),
  slackUserId: slackUserIdSchema,
});

export interface FollowHandlerDeps {
  follows: Pick<
    FollowStore,
    'sharedCard' | 'followersIn' | 'queueNotice' | 'planBatch' | 'postpone' | 'markSent'
  >;
  channelMembers: Pick<ChannelMembers, 'of'>;
  cards: Pick<CardPublisher, 'cardInput'>;
  work: Pick<WorkQueue, 'wake'>;
  logger: Logger;
}

/**
 * A card now stands in a channel: every follower whose follow it matches, who is in that channel and
 * did not share it, gets it queued for their next follow DM (once per posting: `queueNotice`).
 */
export function matchShare(deps: FollowHandlerDeps): JobHandler {
  return async (payload) => {
    const { shareId } = matchPayloadSchema.parse(payload);
    const shared = await deps.follows.sharedCard(shareId);
    if (shared === null) return;
    const matched = new Map<string, { memberId: string; slackUserId: string }>();
    for (const follower of await deps.follows.followersIn(shared.workspaceId)) {
      if (follower.memberId === shared.sharedById) continue;
      if (followMatches(follower.criteria, shared.summary)) matched.set(follower.memberId, follower);
    }
    if (matched.size === 0) return;
    // Privacy: a member learns of a share only where they could have seen it.
    const inChannel = await deps.channelMembers.of(shared.channelId);
    let queued = 0;
    for (const follower of matched.values()) {
      if (!inChannel.has(follower.slackUserId)) continue;
      const added = await deps.follows.queueNotice(follower, {
        postingId: shared.postingId,
        channelId: shared.channelId,
      });
      if (added) queued += 1;
    }
    if (queued > 0) {
      deps.logger.info({ postingId: shared.postingId, queued }, 'follow notices queued');
      deps.work.wake();
    }
  };
}

/**
 * A member's follow DM: the postings waiting for them, in one DM (a `slack-dm` job written with
 * "sent"), unless their hour since the last one is not over: then they wait for a later job.
 */
export function sendFollowBatch(deps: FollowHandlerDeps): JobHandler {
  return async (payload) => {
    const { batchKey, memberId, slackUserId } = batchPayloadSchema.parse(payload);
    const plan = await deps.follows.planBatch(memberId);
    if (plan.kind === 'nothing') return;
    if (plan.kind === 'wait') {
      await deps.follows.postpone({ memberId, slackUserId }, batchKey, plan.until);
      return;
    }
    const postings: FollowDmPosting[] = [];
    const dropped: string[] = [];
    for (const notice of plan.notices) {
      const card = notice.open ? await deps.cards.cardInput(notice.postingId) : null;
      if (card !== null && !card.closed) postings.push({ card, channelId: notice.channelId });
      else dropped.push(notice.postingId);
    }
    const sent = await deps.follows.markSent(
      memberId,
      { sent: postings.map((posting) => posting.card.postingId), dropped },
      (tx) => addJob(tx, dmJob(`${batchKey}:dm`, slackUserId, followDm(postings))),
    );
    if (sent) deps.work.wake();
  };
}

/** Registers the jobs of following (`src/follows/follow-jobs.ts`). */
export function registerFollowHandlers(queue: Pick<WorkQueue, 'handle'>, deps: FollowHandlerDeps): void {
  queue.handle(FOLLOW_JOBS.match, matchShare(deps));
  queue.handle(FOLLOW_JOBS.batch, sendFollowBatch(deps));
}
