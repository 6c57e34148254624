import { z } from 'zod';

/**
 * The least a signed request must carry for Bolt to route it: Bolt reads these fields before any
 * listener runs, and throws a TypeError on a payload without them. Such a payload is not Slack's
 * (Slack always sends them), so it is refused with a warning naming what is missing, instead of
 * reaching Bolt and being logged as Vouch's own fault.
 */
const withUser = z.object({ user: z.object({ id: z.string() }) });
const shapes: Record<string, z.ZodType> = {
  block_actions: withUser.extend({ actions: z.array(z.object({ action_id: z.string() })).min(1) }),
  view_submission: withUser.extend({ view: z.object({ id: z.string(), callback_id: z.string() }) }),
  view_closed: withUser.extend({ view: z.object({ id: z.string(), callback_id: z.string() }) }),
  shortcut: withUser.extend({ callback_id: z.string() }),
  message_action: withUser.extend({ callback_id: z.string() }),
  event_callback: z.object({ team_id: z.string(), event: z.object({ type: z.string() }) }),
};
const slashCommand = z.object({ command: z.string(), user_id: z.string(), team_id: z.string() });

/** What a request lacks (e.g. "user.id"), or null when Bolt can route it. */
export function envelopeProblem(body: Record<string, unknown>): string | null {
  const type = body.type;
  const shape =
    typeof type === 'string' ? shapes[type] : body.command !== undefined ? slashCommand : undefined;
  if (shape === undefined) return null;
  const parsed = shape.safeParse(body);
  if (parsed.success) return null;
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => issue.path.join('.') || 'body')
    .join(', ');
}
