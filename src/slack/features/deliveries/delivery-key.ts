import { createHash } from 'node:crypto';
import { readOnlyActionIds } from '../../ids.js';

/**
 * What makes one interaction itself, so that the same one delivered again is known: a click by its
 * user, action and `action_ts`; a modal submission by its view and what was filled in (a corrected
 * resubmission after an error is a new one); a slash command or shortcut by its `trigger_id`.
 * Hashed: the ledger keeps no user id. Null for anything else, and for a click that only opens a
 * modal or a link (`readOnlyActionIds`: twice is harmless, and it spares a database write).
 */
export function interactionKey(body: Record<string, unknown>): string | null {
  let parts: unknown[] | null = null;
  const type = body.type;
  if (type === 'block_actions') {
    const [action] = Array.isArray(body.actions) ? (body.actions as Array<Record<string, unknown>>) : [];
    const user = (body.user as { id?: unknown } | undefined)?.id;
    const readOnly = typeof action?.action_id === 'string' && readOnlyActionIds.has(action.action_id);
    if (action !== undefined && typeof action.action_ts === 'string' && !readOnly) {
      parts = ['action', user, action.action_id, action.action_ts];
    }
  } else if (type === 'view_submission') {
    const view = body.view as { id?: unknown; state?: { values?: unknown } } | undefined;
    if (typeof view?.id === 'string') parts = ['view', view.id, JSON.stringify(view.state?.values ?? null)];
  } else if ((type === 'shortcut' || type === 'message_action') && typeof body.trigger_id === 'string') {
    parts = ['shortcut', body.trigger_id];
  } else if (typeof body.command === 'string' && typeof body.trigger_id === 'string') {
    parts = ['command', body.trigger_id];
  }
  if (parts === null) return null;
  return `interaction:${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;
}

/**
 * The ledger key of one delivery: an Events API event by its `event_id` (Slack's retries with
 * X-Slack-Retry-Num carry the same one), an interaction by `interactionKey`; null for anything
 * that needs no de-duplication.
 */
export function deliveryKey(body: Record<string, unknown>): string | null {
  if (body.type === 'event_callback')
    return typeof body.event_id === 'string' ? `event:${body.event_id}` : null;
  return interactionKey(body);
}
