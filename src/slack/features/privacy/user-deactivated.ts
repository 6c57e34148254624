import { z } from 'zod';
import type { FeatureDeps } from '../feature-deps.js';
import { type EventListener, eventTeam } from '../listener-kit.js';

const deletedUserSchema = z.object({
  id: z.string(),
  team_id: z.string().optional(),
  deleted: z.literal(true),
});

/**
 * `user_change` with `deleted: true`: the account was deactivated (or removed) in Slack. Vouch
 * erases that member as `/vouch forget-me` would, and redraws the cards that showed them. Any other
 * profile change is ignored.
 * @see https://docs.slack.dev/reference/events/user_change
 */
export function onUserChange(deps: Pick<FeatureDeps, 'memberData' | 'cards'>): EventListener<'user_change'> {
  const { memberData, cards } = deps;
  return async ({ event, body }) => {
    const user = deletedUserSchema.safeParse(event.user);
    if (!user.success) return;
    const teamId = user.data.team_id ?? eventTeam(body);
    if (teamId === undefined) return;
    const outcome = await memberData.eraseMember(teamId, user.data.id);
    await Promise.all(outcome.postingIds.map((id) => cards.refresh({ id })));
  };
}
