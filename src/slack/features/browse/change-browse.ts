import type { BlockAction } from '@slack/bolt';
import { z } from 'zod';
import {
  type BrowseForm,
  browseModal,
  readBrowseForm,
  readBrowseModalState,
} from '../../blocks/browse-blocks.js';
import { browseActionIds } from '../../ids.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, readSubmitter } from '../listener-kit.js';
import { browseOutcome } from './browse-outcome.js';

const modalSchema = z.object({
  id: z.string().min(1),
  type: z.literal('modal'),
  private_metadata: z.string().optional(),
  state: z.object({ values: z.unknown() }),
});

const sameForm = (a: BrowseForm, b: BrowseForm): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The page Previous / Next asks for; null for a filter's change. */
function pageAsked(action: unknown): number | null {
  const { action_id: actionId, value } = action as { action_id?: unknown; value?: unknown };
  if (actionId !== browseActionIds.previous && actionId !== browseActionIds.next) return null;
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : null;
}

/**
 * A filter of the browse modal changed (a select, the checkbox, Enter in a text field), or Previous /
 * Next: the modal is drawn again for what its fields now hold (views.update). A changed filter starts
 * again at page 1; paging keeps the filters the page was drawn for.
 * @see https://docs.slack.dev/reference/methods/views.update
 */
export function onBrowseChange(deps: Pick<FeatureDeps, 'referrals' | 'logger'>): ActionListener<BlockAction> {
  return async ({ ack, body, action, client }) => {
    await ack();
    const who = readSubmitter(body);
    const view = modalSchema.safeParse(body.view);
    const form = view.success ? readBrowseForm(view.data.state.values) : null;
    if (who === null || !view.success || form === null) {
      deps.logger.warn('malformed browse change ignored');
      return;
    }
    const shown = readBrowseModalState(view.data.private_metadata);
    const asked = pageAsked(action);
    const page = asked !== null && shown !== null && sameForm(shown.form, form) ? asked : 1;
    const outcome = await browseOutcome(deps.referrals, who.teamId, form, page);
    await client.views.update({ view_id: view.data.id, view: browseModal(form, outcome) });
  };
}
