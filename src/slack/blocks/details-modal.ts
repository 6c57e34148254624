import type { PostingSummary } from '../../postings/posting-summary.js';
import { cardActionIds, detailsModalIds } from '../ids.js';
import {
  actions,
  context,
  fieldsSection,
  header,
  type KnownBlock,
  linkButton,
  type ModalView,
  section,
  viewText,
} from './block-kit.js';
import { fitBlocks, oneLine, slackLimits, truncate } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { displayTitle, factsLine, formatLocations, formatSalary, workplaceWord } from './posting-format.js';

const itemCap = 1000;
/** Room left in a section after the heading line. */
const chunkCap = slackLimits.sectionText - 200;

/**
 * A heading and its items as sections of at most ~2,800 characters each, so a long list spreads
 * over several blocks instead of being cut at the first one.
 */
function listSections(heading: string, items: readonly string[], numbered: boolean): KnownBlock[] {
  const clean = items.map(oneLine).filter(Boolean);
  if (clean.length === 0) return [];
  const lines = clean.map(
    (item, i) => `${numbered ? `${i + 1}.` : '•'} ${escapeMrkdwn(truncate(item, itemCap))}`,
  );
  const blocks: KnownBlock[] = [];
  let chunk = `*${heading}*`;
  for (const line of lines) {
    if (chunk.length + 1 + line.length > chunkCap) {
      blocks.push(section(chunk));
      chunk = line;
    } else {
      chunk = `${chunk}\n${line}`;
    }
  }
  blocks.push(section(chunk));
  return blocks;
}

function factFields(summary: PostingSummary): string[] {
  const fields: Array<[string, string | null]> = [
    ['Salary', formatSalary(summary.salary)],
    ['Experience', summary.minYearsExperience != null ? `${summary.minYearsExperience}+ years` : null],
    [
      'Visa sponsorship',
      summary.visaSponsorship == null ? null : summary.visaSponsorship ? 'Offered' : 'Not offered',
    ],
    ['Seniority', summary.seniority ? oneLine(summary.seniority) : null],
    ['Workplace', summary.workplaceType ? workplaceWord(summary.workplaceType) : null],
    ['Employment', summary.employmentType ? oneLine(summary.employmentType) : null],
    ['Team', summary.department ? oneLine(summary.department) : null],
    ['Locations', summary.locations.length > 1 ? formatLocations(summary.locations) : null],
  ];
  return fields
    .filter((f): f is [string, string] => Boolean(f[1]))
    .map(([label, value]) => `*${label}*\n${escapeMrkdwn(truncate(value, 300))}`);
}

export interface DetailsModalOptions {
  postingId: string;
  closed?: boolean;
  limitedSource?: boolean;
}

/**
 * The whole summary in a modal (opened by the card's Details button): every section, numbered
 * responsibilities, the facts as fields. Cut with a notice when it would pass Slack's limits.
 * @see https://docs.slack.dev/reference/views/modal-views
 */
export function detailsModal(summary: PostingSummary, options: DetailsModalOptions): ModalView {
  const content: KnownBlock[] = [header(displayTitle(summary))];
  const facts = factsLine(summary);
  if (facts) content.push(context(escapeMrkdwn(facts)));
  if (options.closed) content.push(section('🔒 *This posting is closed.*'));
  if (options.limitedSource) {
    content.push(
      context('ℹ️ This site shows only limited details without signing in: open the posting for the rest.'),
    );
  }
  if (summary.summary?.trim()) content.push(section(escapeMrkdwn(truncate(summary.summary.trim(), 2500))));
  const fields = factFields(summary);
  if (fields.length > 0) content.push(fieldsSection(fields));
  content.push(...listSections("What you'd do", summary.responsibilities, true));
  content.push(...listSections('Required', summary.requirements, false));
  content.push(...listSections('Nice to have', summary.niceToHave, false));
  content.push(...listSections('Benefits', summary.benefits, false));
  content.push(...listSections('What the posting emphasised', summary.emphasized, false));
  content.push(...listSections('Other signals', summary.signals, false));
  if (content.length === 1 + (facts ? 1 : 0)) {
    content.push(section("_The posting didn't say much more than its title: open it for the full text._"));
  }

  const tail = actions([
    linkButton({
      actionId: cardActionIds.openPosting,
      text: 'Open posting',
      url: summary.url,
      value: options.postingId,
    }),
  ]);
  const { blocks } = fitBlocks({
    content,
    tail,
    maxBlocks: slackLimits.viewBlocks,
    notice: context('✂️ Cut to fit Slack: open the posting for the full description.'),
  });
  return {
    type: 'modal',
    callback_id: detailsModalIds.callbackId,
    title: viewText(summary.company ? truncate(oneLine(summary.company), 24) : 'Job details'),
    close: viewText('Close'),
    private_metadata: JSON.stringify({ postingId: options.postingId }),
    blocks,
  };
}
