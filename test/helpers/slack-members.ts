/**
 * Who takes part in a Slack flow test, as Slack ids: the channel jobs are shared in, the member who
 * shares one, the member who would like a referral and the member who can refer. The fake Slack API
 * answers for any id; each suite runs against its own app and database, so suites can share them.
 */
export const CHANNEL = 'C0JOBS';
export const SHARER = 'U0SHARER';
export const CANDIDATE = 'U0CANDIDATE';
export const REFERRER = 'U0REFERRER';
