import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import type { CardPublisher } from '../../support/card-publisher.js';
import type { Message } from '../../support/notifier.js';
import type { ShareOutcome } from './card-sharer.js';

/** What the sharer sees (only them) after `/vouch <url>` or the message shortcut; null: nothing. */
export function shareOutcomeMessage(
  outcome: ShareOutcome,
  cards: Pick<CardPublisher, 'plain'>,
): Message | null {
  switch (outcome.kind) {
    case 'posted':
      return outcome.resolved.problem !== null
        ? {
            text: `Posted, from Vouch's saved copy: the job board could not be read just now (${escapeMrkdwn(outcome.resolved.problem)}).`,
          }
        : null;
    case 'not_a_job': {
      const plain = cards.plain(outcome.resolved.summary);
      const why =
        outcome.resolved.problem !== null
          ? `Vouch could not read that page (${escapeMrkdwn(outcome.resolved.problem)}), so there is no job card.`
          : 'That link does not look like a job posting, so there is no job card. Here is the link as Vouch sees it:';
      return {
        text: why,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: why } }, ...plain.blocks],
      };
    }
    case 'already_shared':
      return { text: 'That link already has its card here.' };
    case 'unreadable':
      return { text: `Vouch could not use that link: ${escapeMrkdwn(outcome.reason)}` };
    case 'cannot_post':
      return { text: outcome.reason };
  }
}
