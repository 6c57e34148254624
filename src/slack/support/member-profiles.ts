import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { emailDomainOf } from '../../referrals/company-domains.js';
import { createRecentMap } from '../../runtime/recent-map.js';
import { cleanText } from '../../text/clean-text.js';

/**
 * What Vouch reads of a member's Slack profile for verified referrers and admin commands. The e-mail
 * address itself is read and dropped at once: only its registrable domain is kept, and never shown to
 * anyone but the member.
 */
export interface MemberProfile {
  displayName: string | null;
  /** The registrable domain of the profile e-mail; null without one (or without users:read.email). */
  emailDomain: string | null;
  /** A workspace admin or owner (`is_admin`, `is_owner`, `is_primary_owner`). */
  isAdmin: boolean;
}

/** users.info's `user`, as much of it as Vouch reads. @see https://docs.slack.dev/reference/methods/users.info */
export const slackUserSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  real_name: z.string().nullish(),
  is_admin: z.boolean().nullish(),
  is_owner: z.boolean().nullish(),
  is_primary_owner: z.boolean().nullish(),
  profile: z.object({ display_name: z.string().nullish(), email: z.string().nullish() }).nullish(),
});

/** A Slack user object (users.info, user_change) as a `MemberProfile`. */
export function profileOf(user: z.infer<typeof slackUserSchema>): MemberProfile {
  const raw = user.profile?.display_name || user.real_name || user.name || null;
  return {
    displayName: raw === null ? null : cleanText(raw) || null,
    emailDomain: emailDomainOf(user.profile?.email ?? null),
    isAdmin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
  };
}

export interface MemberProfilesOptions {
  /** How long a profile is reused: a changed e-mail also arrives at once through `user_change`. */
  ttlMs?: number;
  max?: number;
}

/**
 * Members' profiles from users.info, remembered for an hour (one call per member per hour, as display
 * names were: users.info per click would run into its rate limit in a busy channel). `fetched` tells
 * whether this lookup asked Slack, so the caller records what changed only then. A failed lookup
 * gives null and is not remembered.
 */
export function createMemberProfiles(options: MemberProfilesOptions = {}) {
  const known = createRecentMap<string, MemberProfile>({
    max: options.max ?? 10_000,
    ttlMs: options.ttlMs ?? 60 * 60 * 1000,
  });
  const key = (teamId: string, userId: string) => `${teamId}:${userId}`;
  return {
    /**
     * The member's profile; `fresh` always asks Slack (an admin check must not trust an hour-old
     * answer).
     */
    async lookup(
      client: WebClient,
      teamId: string,
      userId: string,
      lookupOptions: { fresh?: boolean } = {},
    ): Promise<{ profile: MemberProfile; fetched: boolean } | null> {
      const hit = lookupOptions.fresh ? undefined : known.get(key(teamId, userId));
      if (hit !== undefined) return { profile: hit, fetched: false };
      try {
        const answer = await client.users.info({ user: userId });
        const user = slackUserSchema.safeParse(answer.user);
        if (!user.success) return null;
        const profile = profileOf(user.data);
        known.set(key(teamId, userId), profile);
        return { profile, fetched: true };
      } catch {
        return null;
      }
    },

    /** The profile remembered for a member, without asking Slack. */
    known(teamId: string, userId: string): MemberProfile | undefined {
      return known.get(key(teamId, userId));
    },

    /** A profile Slack sent unasked (`user_change`): the next lookup uses it. */
    remember(teamId: string, userId: string, profile: MemberProfile): void {
      known.set(key(teamId, userId), profile);
    },
  };
}

export type MemberProfiles = ReturnType<typeof createMemberProfiles>;
