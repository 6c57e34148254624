import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { addJob } from '../../../work/work-queue.js';
import { cardRefreshJobs } from '../../effects/effect-jobs.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type EventListener, eventTeam } from '../listener-kit.js';

const deletedUserSchema = z.object({
  id: z.string(),
  team_id: z.string().optional(),
  deleted: z.literal(true),
});

/**
 * `user_change` with `deleted: true`: the account was deactivated (or removed) in Slack. Vouch
 * erases that member as `/vouch forget-me` would, with the jobs that redraw the cards that showed
 * them in the same transaction. Any other profile change is ignored.
 * @see https://docs.slack.dev/reference/events/user_change
 */
export function onUserChange(deps: Pick<FeatureDeps, 'memberData' | 'work'>): EventListener<'user_change'> {
  const { memberData, work } = deps;
  return async ({ event, body }) => {
    const user = deletedUserSchema.safeParse(event.user);
    if (!user.success) return;
    const teamId = user.data.team_id ?? eventTeam(body);
    if (teamId === undefined) return;
    await memberData.eraseMember(teamId, user.data.id, (tx, { postingIds }) =>
      addJob(tx, ...cardRefreshJobs(`erase:${randomUUID()}`, postingIds)),
    );
    work.wake();
  };
}
