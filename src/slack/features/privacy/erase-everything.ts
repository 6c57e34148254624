import { erasedResult } from '../../blocks/command-results.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick } from '../listener-kit.js';

/**
 * "Erase everything" on the `/vouch forget-me` prompt (Slack asked for a confirmation first): erases
 * the clicker's data, answers in place of the prompt, then redraws the cards that showed them.
 * Only the clicker is erased: the button's value is not read.
 */
export function onEraseEverything(
  deps: Pick<FeatureDeps, 'memberData' | 'cards' | 'notifier' | 'logger'>,
): ActionListener {
  const { memberData, cards } = deps;
  return onClick(deps, 'erase-everything click', async (click, { respond }) => {
    const outcome = await memberData.eraseMember(click.teamId, click.userId);
    const answer = erasedResult(outcome.erased);
    await respond({ replace_original: true, response_type: 'ephemeral', ...answer });
    await Promise.all(outcome.postingIds.map((id) => cards.refresh({ id })));
  });
}
