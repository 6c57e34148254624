import { z } from 'zod';
import type { LogContext } from '../../logger.js';

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

/**
 * A request's kind for metrics and logs: the event's type for events (`link_shared`), `slash_command`,
 * else the interaction's type (`block_actions`, `view_submission`, `shortcut`…).
 */
export function requestKind(body: Record<string, unknown>): string {
  if (body.type === 'event_callback') {
    const type = (body.event as { type?: unknown } | undefined)?.type;
    return typeof type === 'string' ? type : 'event_callback';
  }
  if (body.command !== undefined) return 'slash_command';
  return typeof body.type === 'string' ? body.type : 'unknown';
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Who and what a request is about, for its log lines (see `withLogContext`): ids only, no text. */
export function requestLogFields(body: Record<string, unknown>): Omit<LogContext, 'requestId'> {
  const team = body.team as { id?: unknown } | undefined;
  const user = body.user as { id?: unknown } | undefined;
  const event = body.event as { user?: unknown } | undefined;
  const actions = body.actions as Array<{ action_id?: unknown }> | undefined;
  const view = body.view as { callback_id?: unknown } | undefined;
  const named =
    text(actions?.[0]?.action_id) ?? text(view?.callback_id) ?? text(body.callback_id) ?? text(body.command);
  const kind = requestKind(body);
  const teamId = text(body.team_id) ?? text(team?.id);
  const userId = text(body.user_id) ?? text(user?.id) ?? text(event?.user);
  return {
    ...(teamId !== undefined ? { teamId } : {}),
    ...(userId !== undefined ? { userId } : {}),
    action: named !== undefined ? `${kind}:${named}` : kind,
  };
}
