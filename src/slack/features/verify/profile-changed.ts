import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { addJob } from '../../../work/work-queue.js';
import { verificationFollowUps } from '../../effects/verification-jobs.js';
import { profileOf, slackUserSchema } from '../../support/member-profiles.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type EventListener, eventTeam } from '../listener-kit.js';

const changedUserSchema = slackUserSchema.extend({
  team_id: z.string().optional(),
  deleted: z.boolean().optional(),
});

/**
 * `user_change` of a member Vouch knows: a changed profile e-mail re-checks their referrer rows (a new
 * job at Acme verifies them there; a move to gmail.com ends it), with the cards to redraw as jobs of
 * the same transaction. Members Vouch never saw are not recorded; a deactivation is erasure's
 * (privacy/user-deactivated.ts). Cheap when nothing changed: the profile Vouch last read is compared
 * first.
 * @see https://docs.slack.dev/reference/events/user_change
 */
export function onProfileChanged(
  deps: Pick<FeatureDeps, 'referrals' | 'memberProfiles' | 'config' | 'work'>,
): EventListener<'user_change'> {
  const { referrals, memberProfiles: profiles, work } = deps;
  return async ({ event, body }) => {
    const user = changedUserSchema.safeParse(event.user);
    if (!user.success || user.data.deleted === true) return;
    const teamId = user.data.team_id ?? eventTeam(body);
    if (teamId === undefined) return;
    const profile = profileOf(user.data);
    const before = profiles.known(teamId, user.data.id);
    profiles.remember(teamId, user.data.id, profile);
    if (before !== undefined && before.emailDomain === profile.emailDomain) return;
    const member = await referrals.findMember(teamId, user.data.id);
    if (member === null) return;
    const { changed } = await referrals.recordEmailDomain(
      member.id,
      profile.emailDomain,
      async (tx, changes) => {
        await addJob(
          tx,
          ...verificationFollowUps(`user-change:${randomUUID()}`, changes, deps.config.referrers),
        );
      },
    );
    if (changed) work.wake();
  };
}
