import { followingResult, followResult, unfollowResult } from '../../blocks/follow-blocks.js';
import type { Message } from '../../support/notifier.js';
import type { VouchCommand } from '../command/parse-command.js';
import type { FeatureDeps } from '../feature-deps.js';

/** The `/vouch` subcommands of following. */
export type FollowCommand = Extract<VouchCommand, { kind: 'follow' | 'following' | 'unfollow' }>;

/**
 * Answers `/vouch follow …`, `/vouch following` and `/vouch unfollow <n|all>` for the asking member
 * (only they see the answer), and brings their App Home up to date when their follows changed.
 */
export async function answerFollowCommand(
  deps: Pick<FeatureDeps, 'referrals' | 'follows' | 'home'>,
  asker: { teamId: string; userId: string },
  command: FollowCommand,
): Promise<Message> {
  const member = await deps.referrals.ensureMember(asker.teamId, asker.userId);
  switch (command.kind) {
    case 'follow': {
      const outcome = await deps.follows.add(member.id, command);
      if (outcome.kind === 'added') await deps.home.publish(asker.teamId, asker.userId);
      return followResult(outcome);
    }
    case 'following':
      return followingResult(await deps.follows.list(member.id));
    case 'unfollow': {
      const removed = await deps.follows.remove(member.id, command.which);
      if (removed.length > 0) await deps.home.publish(asker.teamId, asker.userId);
      return unfollowResult(removed, command.which);
    }
  }
}
