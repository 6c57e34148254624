import type { BrowseFilters } from '../../../referrals/referral-service.js';
import type { SlackMessage } from '../../blocks/block-kit.js';
import { browseListMessage } from '../../blocks/browse-blocks.js';
import { slashCommand } from '../../ids.js';
import type { VouchCommand } from '../command/parse-command.js';
import type { FeatureDeps } from '../feature-deps.js';
import { browseOutcome } from './browse-outcome.js';

type ListCommand = Extract<VouchCommand, { kind: 'list' }>;

/** The command that asks for `page` of the same list, in the words `/vouch list` reads. */
function listCommandText(command: ListCommand, page: number): string {
  const f = command.filters ?? {};
  return [
    `${slashCommand} list`,
    command.company,
    f.company !== undefined ? `at ${f.company}` : null,
    f.place !== undefined ? `in ${f.place}` : null,
    f.workplaceType,
    f.canRefer ? 'can-refer' : null,
    f.sinceDays !== undefined ? `last ${f.sinceDays} days` : null,
    `page ${page}`,
  ]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(' ');
}

/**
 * `/vouch list [words…]`: a page of the workspace's open postings, filtered as the words say (the
 * browse modal's filters, `parseList` in parse-command.ts), with the command for the next page.
 */
export async function answerListCommand(
  deps: Pick<FeatureDeps, 'referrals'>,
  teamId: string,
  command: ListCommand,
): Promise<SlackMessage> {
  const f = command.filters ?? {};
  const filters: BrowseFilters = {
    text: command.company,
    company: f.company ?? null,
    place: f.place ?? null,
    workplaceType: f.workplaceType ?? null,
    canRefer: f.canRefer ?? false,
    sinceDays: f.sinceDays ?? null,
  };
  const outcome = await browseOutcome(deps.referrals, teamId, filters, f.page ?? 1);
  const next = outcome.page < outcome.pages ? listCommandText(command, outcome.page + 1) : null;
  return browseListMessage(outcome, next);
}
