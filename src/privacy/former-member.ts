/**
 * The Slack id of the one "former member" row per workspace that an erased member's part in other
 * people's referrals points to. Not Slack's shape on purpose: it can never be a real member, and the
 * blocks show it as "a former member" instead of a mention.
 */
export const FORMER_MEMBER_SLACK_ID = 'former-member';
