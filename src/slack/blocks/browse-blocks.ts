import { z } from 'zod';
import { type WorkplaceType, workplaceTypeSchema } from '../../postings/posting-summary.js';
import { cleanText } from '../../text/clean-text.js';
import {
  browseActionIds as actionIds,
  cardActionIds,
  browseModalIds as modalIds,
  slashCommand,
} from '../ids.js';
import { parseJson } from './action-values.js';
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
import { fitBlocks, oneLine, slackLimits, truncate } from './limits.js';
import { escapeMrkdwn, plural } from './mrkdwn.js';
import { formatLocations, type PostingRef, postingLinkLine, workplaceWord } from './posting-format.js';

/**
 * Browsing open postings: the App Home's "Browse open postings" modal (filters that apply as soon as
 * they change, Previous / Next) and the answer to `/vouch list …`. Rows show counts, never who.
 */

const c = slashCommand;

/** The most characters a company or place filter keeps. */
export const BROWSE_TEXT_MAX = 100;
/** "Shared in the last N days" choices of the modal. */
export const BROWSE_SINCE_CHOICES = [7, 30, 90] as const;

/** The filters as the form shows them (and as `/vouch list` words set them). */
export interface BrowseForm {
  company: string | null;
  place: string | null;
  workplaceType: WorkplaceType | null;
  sinceDays: number | null;
  canRefer: boolean;
}

export const emptyBrowseForm: BrowseForm = {
  company: null,
  place: null,
  workplaceType: null,
  sinceDays: null,
  canRefer: false,
};

/** A posting as a browse row shows it. */
export interface BrowseRowView extends PostingRef {
  locations: readonly string[];
  workplaceType: WorkplaceType | null;
  /** Whole days since it was first shared. */
  daysSinceShared: number;
  counts: { referrers: number; interested: number };
}

/** One page of a browse, and what it was asked for. */
export interface BrowseOutcome {
  rows: readonly BrowseRowView[];
  page: number;
  pages: number;
  total: number;
  /** `total` is where counting stopped (BROWSE_COUNT_CAP): shown as "1000+", the last page as "100+". */
  more?: boolean;
  /** How the filters were read: the companies found, the place, company words that found none. */
  reading: { companies: readonly string[]; place: string | null; unknownCompany: string | null };
  workplaceType: WorkplaceType | null;
  sinceDays: number | null;
  canRefer: boolean;
}

function sharedAgo(days: number): string {
  if (days <= 0) return 'shared today';
  return days === 1 ? 'shared yesterday' : `shared ${days} days ago`;
}

/**
 * A browse row: the posting's link, where and how, when it was shared, its counts; Details and
 * I'm interested (the card's own buttons and listeners).
 */
export function browseRowBlocks(row: BrowseRowView): KnownBlock[] {
  const facts = [
    formatLocations(row.locations),
    row.workplaceType !== null ? workplaceWord(row.workplaceType) : null,
    sharedAgo(row.daysSinceShared),
  ].filter((fact): fact is string => fact !== null);
  const counts = `🙋 ${row.counts.referrers} can refer · 👀 ${row.counts.interested} interested`;
  return [
    section(`${postingLinkLine(row, 100)}\n${escapeMrkdwn(facts.join(' · '))}\n${counts}`),
    ...actions([
      button({ actionId: cardActionIds.details, text: 'Details', value: row.postingId }),
      button({ actionId: cardActionIds.imInterested, text: "I'm interested", value: row.postingId }),
    ]),
  ];
}

function shown(text: string): string {
  return `*${escapeMrkdwn(truncate(oneLine(text), 60))}*`;
}

/** "at *Acme* · in *Berlin* · remote · someone can refer · shared in the last 7 days"; "" for none. */
export function browseFiltersLine(outcome: BrowseOutcome): string {
  const { reading } = outcome;
  const companies = reading.unknownCompany !== null ? [reading.unknownCompany] : reading.companies;
  return [
    companies.length > 0
      ? `at ${companies.slice(0, 3).map(shown).join(', ')}${companies.length > 3 ? '…' : ''}`
      : null,
    reading.place !== null ? `in ${shown(reading.place)}` : null,
    outcome.workplaceType !== null ? workplaceWord(outcome.workplaceType).toLowerCase() : null,
    outcome.canRefer ? 'someone can refer' : null,
    outcome.sinceDays !== null ? `shared in the last ${plural(outcome.sinceDays, 'day')}` : null,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

function isFiltered(outcome: BrowseOutcome): boolean {
  return browseFiltersLine(outcome) !== '';
}

/** What an empty page says, with what to try. */
function emptyBlocks(outcome: BrowseOutcome, surface: 'modal' | 'message'): KnownBlock[] {
  if (!isFiltered(outcome)) {
    return [
      section('No open postings here yet.'),
      context(`Share one: paste a job link in a channel, or \`${c} <link>\`.`),
    ];
  }
  const unknown = outcome.reading.unknownCompany;
  const hint =
    unknown !== null
      ? `No company called ${shown(unknown)} has postings here: check the spelling, or ${
          surface === 'modal' ? 'leave *Company* empty' : 'leave it out'
        }.`
      : surface === 'modal'
        ? 'Try fewer filters: clear a field, or choose *Any*.'
        : `Try fewer filters, or \`${c} list\` for every open posting.`;
  return [section(`No open postings ${browseFiltersLine(outcome)}.`), context(hint)];
}

/** "*23 open postings* at *Acme* · remote · page 1 of 3". */
function summaryLine(outcome: BrowseOutcome): string {
  const filters = browseFiltersLine(outcome);
  const more = outcome.more === true ? '+' : '';
  const page = outcome.pages > 1 ? ` · page ${outcome.page} of ${outcome.pages}${more}` : '';
  const count = `${outcome.total}${more} open posting${outcome.total === 1 && more === '' ? '' : 's'}`;
  return `*${count}*${filters !== '' ? ` ${filters}` : ''}${page}`;
}

const privacyNote = 'Counts only: who is interested stays private.';

function pagingButtons(outcome: BrowseOutcome): KnownBlock[] {
  return actions([
    outcome.page > 1
      ? button({ actionId: actionIds.previous, text: '← Previous', value: String(outcome.page - 1) })
      : null,
    outcome.page < outcome.pages
      ? button({ actionId: actionIds.next, text: 'Next →', value: String(outcome.page + 1) })
      : null,
  ]);
}

/** The results part of the modal, within a view's blocks and text budget. */
function modalResults(outcome: BrowseOutcome, maxBlocks: number): KnownBlock[] {
  if (outcome.total === 0) return emptyBlocks(outcome, 'modal');
  return fitBlocks({
    content: [section(summaryLine(outcome)), ...outcome.rows.flatMap(browseRowBlocks)],
    tail: [...pagingButtons(outcome), context(privacyNote)],
    maxBlocks,
    notice: context('✂️ Some rows did not fit: narrow the filters.'),
  }).blocks;
}

const anyValue = 'any';

function textInput(
  blockId: string,
  actionId: string,
  label: string,
  value: string | null,
  example: string,
): KnownBlock {
  return dispatchingInput(blockId, label, {
    type: 'plain_text_input',
    action_id: actionId,
    max_length: BROWSE_TEXT_MAX,
    ...(value !== null ? { initial_value: value } : {}),
    placeholder: plainText(example, slackLimits.placeholder),
    dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] },
  });
}

function selectInput(
  blockId: string,
  actionId: string,
  label: string,
  choices: ReadonlyArray<readonly [value: string, text: string]>,
  selected: string,
): KnownBlock {
  const options = choices.map(([value, text]) => option(text, value));
  return dispatchingInput(blockId, label, {
    type: 'static_select',
    action_id: actionId,
    options,
    initial_option: options.find((o) => o.value === selected) ?? options[0],
  });
}

/** An optional input whose every change reaches the app at once (the browse filters apply as they change). */
function dispatchingInput(
  blockId: string,
  label: string,
  element: Extract<KnownBlock, { type: 'input' }>['element'],
): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    dispatch_action: true,
    label: plainText(label, slackLimits.inputLabel),
    element,
  };
}

const workplaceChoices: ReadonlyArray<readonly [string, string]> = [
  [anyValue, 'Any'],
  ...workplaceTypeSchema.options.map((type) => [type, workplaceWord(type)] as const),
];
const sinceChoices: ReadonlyArray<readonly [string, string]> = [
  [anyValue, 'Any time'],
  ...BROWSE_SINCE_CHOICES.map((days) => [String(days), `In the last ${days} days`] as const),
];

const metadataSchema = z.object({
  page: z.number().int().min(1),
  form: z.object({
    company: z.string().max(BROWSE_TEXT_MAX).nullable(),
    place: z.string().max(BROWSE_TEXT_MAX).nullable(),
    workplaceType: workplaceTypeSchema.nullable(),
    sinceDays: z.number().int().positive().nullable(),
    canRefer: z.boolean(),
  }),
});

/** What the modal carries between changes: the page shown and the filters it was drawn for. */
export type BrowseModalState = z.infer<typeof metadataSchema>;

/** The browse modal's `private_metadata`, read; null when it is not ours. */
export function readBrowseModalState(raw: string | null | undefined): BrowseModalState | null {
  return parseJson(metadataSchema, raw);
}

/**
 * The "Browse open postings" modal: the filters (each applies as soon as it changes; *Search*
 * applies the text fields too), the page's rows, Previous / Next.
 * @see https://docs.slack.dev/reference/block-kit/composition-objects/dispatch-action-configuration-object
 */
export function browseModal(asked: BrowseForm, outcome: BrowseOutcome): ModalView {
  // What the fields can hold (and what reading them gives back): one line, at most 100 characters.
  const form: BrowseForm = { ...asked, company: textOrNull(asked.company), place: textOrNull(asked.place) };
  const filters: KnownBlock[] = [
    textInput(modalIds.companyBlock, actionIds.company, 'Company', form.company, 'e.g. Stripe'),
    textInput(modalIds.placeBlock, actionIds.place, 'Place', form.place, 'e.g. Berlin'),
    selectInput(
      modalIds.workplaceBlock,
      actionIds.workplace,
      'Workplace',
      workplaceChoices,
      form.workplaceType ?? anyValue,
    ),
    selectInput(
      modalIds.sinceBlock,
      actionIds.since,
      'Shared',
      sinceChoices,
      form.sinceDays !== null ? String(form.sinceDays) : anyValue,
    ),
    {
      type: 'input',
      block_id: modalIds.canReferBlock,
      optional: true,
      dispatch_action: true,
      label: plainText('Referrers', slackLimits.inputLabel),
      element: {
        type: 'checkboxes',
        action_id: actionIds.canRefer,
        options: [option('Someone here can refer', modalIds.canReferOption)],
        ...(form.canRefer
          ? { initial_options: [option('Someone here can refer', modalIds.canReferOption)] }
          : {}),
      },
    },
    divider(),
  ];
  const state: BrowseModalState = { page: outcome.page, form };
  return {
    type: 'modal',
    callback_id: modalIds.callbackId,
    title: viewText('Open postings'),
    submit: viewText('Search'),
    close: viewText('Close'),
    private_metadata: JSON.stringify(state),
    blocks: [...filters, ...modalResults(outcome, slackLimits.viewBlocks - filters.length)],
  };
}

const textState = z.object({ value: z.string().nullish() }).optional();
const selectState = z.object({ selected_option: z.object({ value: z.string() }).nullish() }).optional();
const formSchema = z.object({
  [modalIds.companyBlock]: z.object({ [actionIds.company]: textState }).optional(),
  [modalIds.placeBlock]: z.object({ [actionIds.place]: textState }).optional(),
  [modalIds.workplaceBlock]: z.object({ [actionIds.workplace]: selectState }).optional(),
  [modalIds.sinceBlock]: z.object({ [actionIds.since]: selectState }).optional(),
  [modalIds.canReferBlock]: z
    .object({
      [actionIds.canRefer]: z
        .object({ selected_options: z.array(z.object({ value: z.string() })).nullish() })
        .optional(),
    })
    .optional(),
});

function textOrNull(value: string | null | undefined): string | null {
  const text = oneLine(cleanText(value ?? ''))
    .slice(0, BROWSE_TEXT_MAX)
    .trim();
  return text === '' ? null : text;
}

/** The filters as the modal's `state.values` hold them; null when they are not the browse form's. */
export function readBrowseForm(values: unknown): BrowseForm | null {
  const parsed = formSchema.safeParse(values);
  if (!parsed.success) return null;
  const v = parsed.data;
  const workplace = workplaceTypeSchema.safeParse(
    v[modalIds.workplaceBlock]?.[actionIds.workplace]?.selected_option?.value,
  );
  const since = Number(v[modalIds.sinceBlock]?.[actionIds.since]?.selected_option?.value);
  return {
    company: textOrNull(v[modalIds.companyBlock]?.[actionIds.company]?.value),
    place: textOrNull(v[modalIds.placeBlock]?.[actionIds.place]?.value),
    workplaceType: workplace.success ? workplace.data : null,
    sinceDays: (BROWSE_SINCE_CHOICES as readonly number[]).includes(since) ? since : null,
    canRefer: (v[modalIds.canReferBlock]?.[actionIds.canRefer]?.selected_options ?? []).some(
      (o) => o.value === modalIds.canReferOption,
    ),
  };
}

/**
 * The answer to `/vouch list …`: one page of rows with their buttons, and the command for the next
 * page (`nextPage`, the member's own words with `page n`).
 */
export function browseListMessage(outcome: BrowseOutcome, nextPage: string | null): SlackMessage {
  const filters = browseFiltersLine(outcome);
  const text = `Open postings${filters !== '' ? ` ${filters.replace(/\*/g, '')}` : ''}`;
  if (outcome.total === 0) return { text, blocks: emptyBlocks(outcome, 'message') };
  const footer = [
    ...(nextPage !== null ? [`Next page: \`${escapeMrkdwn(truncate(nextPage, 200))}\``] : []),
    `Filters: \`${c} list [company] [in &lt;place&gt;] [remote|hybrid|onsite] [can-refer] [last &lt;n&gt; days] [page &lt;n&gt;]\`, or *Browse open postings* on the Vouch Home tab.`,
  ];
  const { blocks } = fitBlocks({
    content: [section(summaryLine(outcome)), ...outcome.rows.flatMap(browseRowBlocks)],
    tail: [context(...footer)],
    maxBlocks: slackLimits.messageBlocks,
    notice: context('✂️ Some rows did not fit: narrow the filters.'),
  });
  return { text: truncate(text, 200), blocks };
}
