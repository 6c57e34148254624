import { z } from 'zod';
import type { AddFollowOutcome } from '../../follows/follow-store.js';
import { type WorkplaceType, workplaceTypeSchema } from '../../postings/posting-summary.js';
import { homeActionIds, followModalIds as modalIds, slashCommand } from '../ids.js';
import {
  actions,
  button,
  context,
  divider,
  type KnownBlock,
  type ModalView,
  option,
  plainText,
  type SlackMessage,
  section,
  viewText,
} from './block-kit.js';
import { oneLine, slackLimits, textLength, truncate } from './limits.js';
import { escapeMrkdwn, inChannel, plural } from './mrkdwn.js';
import { type PostingCardInput, postingCardBlocks } from './posting-card.js';
import { plainTitle, postingLinkLine, postingRef } from './posting-format.js';

/** Following: command answers, the follow DM, the App Home section and the "Follow…" modal. */

const c = slashCommand;

/** One follow as lists show it. */
export interface FollowListRow {
  id: string;
  position: number;
  label: string;
}

function label(text: string): string {
  return escapeMrkdwn(truncate(oneLine(text), 200));
}

/** The answer to `/vouch follow …`. */
export function followResult(outcome: AddFollowOutcome): SlackMessage {
  switch (outcome.kind) {
    case 'added':
      return {
        text: `Following ${outcome.label}`,
        blocks: [
          section(
            `🔔 Following *${label(outcome.label)}*. When a matching posting is shared in a channel you are in, ` +
              'Vouch sends you its card privately (at most one message an hour).',
          ),
          context(`Nobody else sees what you follow. \`${c} following\` lists your follows.`),
        ],
      };
    case 'exists':
      return {
        text: `You already follow ${outcome.label}.`,
        blocks: [section(`You already follow *${label(outcome.label)}*.`)],
      };
    case 'full':
      return {
        text: `You follow ${outcome.max} things already.`,
        blocks: [
          section(
            `You follow ${outcome.max} things already, the most Vouch keeps. \`${c} unfollow &lt;n&gt;\` makes room.`,
          ),
        ],
      };
    case 'empty':
      return { text: 'Follow what?', blocks: [section(followUsage())] };
  }
}

/** How to follow, in one section's words. */
export function followUsage(): string {
  return [
    '*Follow postings:*',
    `• \`${c} follow <company>\`: e.g. \`${c} follow Stripe\``,
    `• \`${c} follow &lt;keywords&gt; [remote|hybrid|onsite] [in &lt;place&gt;]\`: e.g. \`${c} follow staff backend remote in Germany\``,
    `• \`${c} following\`, \`${c} unfollow &lt;n|all&gt;\``,
  ].join('\n');
}

/** The answer to `/vouch following`. */
export function followingResult(rows: readonly FollowListRow[]): SlackMessage {
  if (rows.length === 0) {
    return {
      text: 'You follow nothing yet.',
      blocks: [section(`You follow nothing yet.\n${followUsage()}`)],
    };
  }
  const lines = rows.map((row) => `${row.position}. ${label(row.label)}`);
  return {
    text: `You follow ${plural(rows.length, 'thing')}.`,
    blocks: [
      section(`*You follow:*\n${lines.join('\n')}`),
      context(
        `\`${c} unfollow &lt;n&gt;\` stops one, \`${c} unfollow all\` stops all. Only you see this list.`,
      ),
    ],
  };
}

/** The answer to `/vouch unfollow …`. */
export function unfollowResult(removed: readonly string[], which: number | 'all'): SlackMessage {
  if (removed.length === 0) {
    const text = which === 'all' ? 'You follow nothing.' : `You have no follow number ${which}.`;
    return { text, blocks: [section(`${text} \`${c} following\` lists your follows.`)] };
  }
  const text =
    removed.length === 1
      ? `Stopped following ${removed[0]}.`
      : `Stopped following ${plural(removed.length, 'thing')}.`;
  return {
    text,
    blocks: [
      section(`🔕 Stopped following ${removed.map((r) => `*${label(r)}*`).join(', ')}.`.slice(0, 2900)),
    ],
  };
}

/** A posting in a follow DM: its card and where it was shared. */
export interface FollowDmPosting {
  card: PostingCardInput;
  channelId: string;
}

/** The most postings a follow DM names one by one; past it, "and N more". */
const MAX_LISTED = 25;

/**
 * The follow DM: the cards (with their buttons) of the postings that matched since the last one, as
 * many as fit in one message; the rest as links. Never says who else follows anything.
 */
export function followDm(postings: readonly FollowDmPosting[]): SlackMessage {
  const first = postings[0];
  const intro =
    postings.length === 1 && first !== undefined
      ? `🔔 A posting you follow was shared${inChannel(first.channelId)}:`
      : `🔔 ${plural(postings.length, 'posting')} you follow were shared:`;
  // A lone posting needs room for the footer only; several keep room for the list of the rest too.
  const alone = postings.length === 1;
  const budget = slackLimits.messageBlocks - (alone ? 1 : 3);
  const textBudget = slackLimits.totalText - (alone ? 0 : slackLimits.sectionText) - 300;
  const blocks: KnownBlock[] = [section(intro)];
  const rest: FollowDmPosting[] = [];
  for (const posting of postings) {
    const card = postingCardBlocks(posting.card, 'candidate');
    const where = postings.length > 1 ? [context(`Shared${inChannel(posting.channelId)}`)] : [];
    const added = [...(blocks.length > 1 ? [divider()] : []), ...card, ...where];
    const fits =
      blocks.length + added.length <= budget && textLength(blocks) + textLength(added) <= textBudget;
    if (rest.length === 0 && fits) blocks.push(...added);
    else rest.push(posting);
  }
  if (rest.length > 0) {
    const lines = rest.slice(0, MAX_LISTED).map((posting) => {
      const ref = postingRef(posting.card.postingId, posting.card.summary);
      return `• ${postingLinkLine(ref, 100)}${inChannel(posting.channelId)}`;
    });
    if (rest.length > MAX_LISTED) lines.push(`_…and ${rest.length - MAX_LISTED} more_`);
    blocks.push(divider(), section(`*Also shared:*\n${lines.join('\n')}`.slice(0, 2900)));
  }
  blocks.push(
    context(`You get this because you follow postings like these. \`${c} following\` lists your follows.`),
  );
  const titles = postings
    .slice(0, 5)
    .map((posting) => plainTitle(postingRef(posting.card.postingId, posting.card.summary)));
  const more = postings.length > 5 ? ` and ${postings.length - 5} more` : '';
  return { text: truncate(`Shared, matching what you follow: ${titles.join('; ')}${more}`, 2000), blocks };
}

/** The App Home's rows: what the member follows (only they see it), each with "Unfollow", and "Follow…". */
export function followingHomeBlocks(rows: readonly FollowListRow[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (rows.length === 0) {
    blocks.push(
      context('Follow a company or a kind of role, and Vouch tells you privately when one is shared.'),
    );
  }
  for (const row of rows) {
    blocks.push(
      section(
        label(row.label),
        button({ actionId: homeActionIds.unfollow, text: 'Unfollow', value: row.id }),
      ),
    );
  }
  blocks.push(...actions([button({ actionId: homeActionIds.openFollowModal, text: 'Follow…' })]));
  return blocks;
}

const workplaceLabels: Record<WorkplaceType, string> = {
  remote: 'Remote',
  hybrid: 'Hybrid',
  onsite: 'On-site',
};

/** The "Follow…" modal: words, a workplace type, a place. */
export function followModal(): ModalView {
  return {
    type: 'modal',
    callback_id: modalIds.callbackId,
    title: viewText('Follow postings'),
    submit: viewText('Follow'),
    close: viewText('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: modalIds.wordsBlock,
        optional: true,
        label: plainText('Company or keywords', slackLimits.inputLabel),
        hint: plainText(
          'A company ("Stripe") or words of the title ("staff backend").',
          slackLimits.inputHint,
        ),
        element: {
          type: 'plain_text_input',
          action_id: modalIds.wordsInput,
          max_length: 120,
          placeholder: plainText('e.g. staff backend', slackLimits.placeholder),
        },
      },
      {
        type: 'input',
        block_id: modalIds.workplaceBlock,
        optional: true,
        label: plainText('Workplace', slackLimits.inputLabel),
        element: {
          type: 'static_select',
          action_id: modalIds.workplaceSelect,
          placeholder: plainText('Any', slackLimits.placeholder),
          options: workplaceTypeSchema.options.map((type) => option(workplaceLabels[type], type)),
        },
      },
      {
        type: 'input',
        block_id: modalIds.placeBlock,
        optional: true,
        label: plainText('Place', slackLimits.inputLabel),
        element: {
          type: 'plain_text_input',
          action_id: modalIds.placeInput,
          max_length: 120,
          placeholder: plainText('e.g. Berlin', slackLimits.placeholder),
        },
      },
      context('Vouch tells you privately, at most once an hour. Nobody else sees what you follow.'),
    ],
  };
}

const textValue = z.object({ value: z.string().nullable().optional() }).optional();
const submissionSchema = z.object({
  [modalIds.wordsBlock]: z.object({ [modalIds.wordsInput]: textValue }).optional(),
  [modalIds.workplaceBlock]: z
    .object({
      [modalIds.workplaceSelect]: z
        .object({ selected_option: z.object({ value: workplaceTypeSchema }).nullable().optional() })
        .optional(),
    })
    .optional(),
  [modalIds.placeBlock]: z.object({ [modalIds.placeInput]: textValue }).optional(),
});

/** What the "Follow…" modal asked for; null when it is not ours. */
export function readFollowSubmission(
  values: unknown,
): { words: string; workplaceType: WorkplaceType | null; place: string | null } | null {
  const parsed = submissionSchema.safeParse(values);
  if (!parsed.success) return null;
  const v = parsed.data;
  const place = v[modalIds.placeBlock]?.[modalIds.placeInput]?.value?.trim() ?? '';
  return {
    words: v[modalIds.wordsBlock]?.[modalIds.wordsInput]?.value?.trim() ?? '',
    workplaceType: v[modalIds.workplaceBlock]?.[modalIds.workplaceSelect]?.selected_option?.value ?? null,
    place: place === '' ? null : place,
  };
}
