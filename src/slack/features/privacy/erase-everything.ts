import { randomUUID } from 'node:crypto';
import { addJob } from '../../../work/work-queue.js';
import { erasedResult } from '../../blocks/command-results.js';
import { cardRefreshJobs } from '../../effects/effect-jobs.js';
import type { FeatureDeps } from '../feature-deps.js';
import { type ActionListener, onClick } from '../listener-kit.js';

/**
 * "Erase everything" on the `/vouch forget-me` prompt (Slack asked for a confirmation first): erases
 * the clicker's data, with the jobs that redraw the cards that showed them in the same transaction,
 * then answers in place of the prompt. Only the clicker is erased: the button's value is not read.
 */
export function onEraseEverything(
  deps: Pick<FeatureDeps, 'memberData' | 'work' | 'notifier' | 'logger'>,
): ActionListener {
  const { memberData, work } = deps;
  return onClick(deps, 'erase-everything click', async (click, { respond }) => {
    const outcome = await memberData.eraseMember(click.teamId, click.userId, (tx, { postingIds }) =>
      addJob(tx, ...cardRefreshJobs(`erase:${randomUUID()}`, postingIds)),
    );
    work.wake();
    const answer = erasedResult(outcome.erased);
    await respond({ replace_original: true, response_type: 'ephemeral', ...answer });
  });
}
