import { z } from 'zod';

/**
 * Slack's ids by their shape, checked where a payload enters (the readers in
 * `features/listener-kit.ts`, the event and command listeners, the modal readers): a payload whose
 * id is not shaped like one is dropped, or a modal refused. Inside, an id is then safe to put in
 * `<@…>` and to store. What keeps mrkdwn safe is the alphabet (no `<`, `>`, `|`, `!`, space); the
 * length is only bounded (ids are 9 to 11 characters today and may grow).
 * @see https://docs.slack.dev/reference/objects/user-object
 */
const shaped = (prefixes: string) => z.string().regex(new RegExp(`^[${prefixes}][A-Z0-9]{1,31}$`));

/** A member: `U…`, or `W…` on Enterprise Grid. */
export const slackUserIdSchema = shaped('UW');
/** A workspace `T…`, or an Enterprise Grid organisation `E…`. */
export const slackTeamIdSchema = shaped('TE');
/**
 * A channel `C…`, a DM `D…`, a private channel `G…`. (A `link_shared` event from the message
 * composer names the channel `COMPOSER`, which fits.)
 */
export const slackChannelIdSchema = shaped('CDG');

/** `value` if it is shaped like `schema`'s id, else undefined. */
export function slackIdOrUndefined(schema: z.ZodType<string>, value: unknown): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** True for a string shaped like a Slack user id. */
export function isSlackUserId(value: unknown): value is string {
  return slackUserIdSchema.safeParse(value).success;
}
