import { browseModal, readBrowseForm } from '../../blocks/browse-blocks.js';
import { browseModalIds } from '../../ids.js';
import type { FeatureDeps } from '../feature-deps.js';
import { keepOpenWithError, readSubmitter, type ViewListener } from '../listener-kit.js';
import { browseOutcome } from './browse-outcome.js';

/**
 * *Search* in the browse modal (what Enter in a text field does too): the modal stays open, drawn
 * again for its filters at page 1 (`response_action: update`).
 * @see https://docs.slack.dev/surfaces/modals#updating_response
 */
export function onBrowseSearch(deps: Pick<FeatureDeps, 'referrals' | 'logger'>): ViewListener {
  return async ({ ack, body, view }) => {
    const who = readSubmitter(body);
    const form = readBrowseForm(view.state.values);
    if (who === null || form === null) {
      deps.logger.warn('malformed browse search refused');
      return keepOpenWithError(
        ack,
        browseModalIds.companyBlock,
        'Vouch could not read this form. Please close it and try again.',
      );
    }
    let outcome: Awaited<ReturnType<typeof browseOutcome>>;
    try {
      outcome = await browseOutcome(deps.referrals, who.teamId, form, 1);
    } catch (error) {
      deps.logger.warn({ err: error }, 'browse search failed: the form stays open');
      return keepOpenWithError(
        ack,
        browseModalIds.companyBlock,
        'Vouch could not search just now. Please try again in a moment.',
      );
    }
    await ack({ response_action: 'update', view: browseModal(form, outcome) });
  };
}
