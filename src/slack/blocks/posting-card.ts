import type { PostingSummary } from '../../postings/posting-summary.js';
import { cardActionIds, cardMenuActionIds } from '../ids.js';
import { encodeCardMenuChoice } from './action-values.js';
import {
  actions,
  type Button,
  button,
  context,
  header,
  type KnownBlock,
  linkButton,
  type Overflow,
  option,
  overflow,
  type SlackMessage,
  section,
} from './block-kit.js';
import { fitBlocks, oneLine, slackLimits, truncate } from './limits.js';
import { escapeMrkdwn, link, mention, mentionList, quote } from './mrkdwn.js';
import { displayTitle, factsLine, formatSalary } from './posting-format.js';
import {
  type ReferrerMention,
  referrerMentions,
  VERIFIED_LEGEND,
  VERIFIED_MARK,
} from './verification-blocks.js';

/** Everything the channel card shows. Interested members are only counted unless they opted in. */
export interface PostingCardInput {
  summary: PostingSummary;
  postingId: string;
  sharerNote?: string | null;
  sharedBy?: string | null;
  counts: { referrers: number; interested: number };
  /** Members who said they can refer for this posting: public, that is the point. ✓ when `verified`. */
  referrers: ReadonlyArray<ReferrerMention>;
  /** Only candidates who chose "Show my name on the card". */
  namedCandidates: ReadonlyArray<{ userId: string }>;
  /** The "who can refer at <company>" directory. ✓ when `verified`. */
  companyReferrers: ReadonlyArray<ReferrerMention>;
  /**
   * When the three lists above hold only their first `CARD_NAMES_SHOWN` (a card read from the
   * database): each list's full length and how many referrers have the ✓. Absent: the lists are whole.
   */
  totals?: { referrers: number; companyReferrers: number; namedCandidates: number; verified: number };
  closed: boolean;
  /** The source shows little without sign-in (LinkedIn): say so. */
  limitedSource?: boolean;
  /**
   * A card Vouch posted in a channel: its share, which the "…" menu's "Remove card" names (who may
   * remove it is checked on the click). Absent on unfurls and in DMs.
   */
  removableShareId?: string | null;
}

/** Which buttons the card carries: the channel card has all; tag DMs only the tagged role's. */
export type CardButtons = 'channel' | 'referrer' | 'candidate';

const caps = { summary: 700, bullet: 280, bullets: 3, signal: 100, signals: 5, note: 600 } as const;

function bulletSection(heading: string, items: readonly string[]): KnownBlock[] {
  const clean = items.map(oneLine).filter(Boolean);
  if (clean.length === 0) return [];
  const lines = clean.slice(0, caps.bullets).map((item) => `• ${escapeMrkdwn(truncate(item, caps.bullet))}`);
  const more = clean.length - caps.bullets;
  if (more > 0) lines.push(`_+${more} more in Details_`);
  return [section(`*${heading}*\n${lines.join('\n')}`)];
}

function signalsLine(summary: PostingSummary): KnownBlock[] {
  const items = (summary.emphasized.length > 0 ? summary.emphasized : summary.signals)
    .map(oneLine)
    .filter(Boolean);
  if (items.length === 0) return [];
  const shown = items.slice(0, caps.signals).map((s) => `_${escapeMrkdwn(truncate(s, caps.signal))}_`);
  const label = summary.emphasized.length > 0 ? 'Emphasised' : 'Signals';
  return [context(`✨ *${label}:* ${shown.join(' · ')}`)];
}

function noteBlocks(note: string | null | undefined, sharedBy: string | null | undefined): KnownBlock[] {
  const text = note?.trim();
  if (text) {
    const who = sharedBy ? `${mention(sharedBy)} says:` : 'The sharer says:';
    return [section(`💬 ${who}\n${quote(truncate(text, caps.note))}`)];
  }
  return sharedBy ? [context(`Shared by ${mention(sharedBy)}`)] : [];
}

/** How many names each of the card's lists shows before "and N more". */
export const CARD_NAMES_SHOWN = 10;

function peopleBlock(input: PostingCardInput): KnownBlock[] {
  const { counts, totals } = input;
  const onPosting = uniqueReferrers(input.referrers);
  const referrerIds = onPosting.map((r) => r.userId);
  const directory = uniqueReferrers(input.companyReferrers).filter((r) => !referrerIds.includes(r.userId));
  const verifiedCount = totals?.verified ?? [...onPosting, ...directory].filter((r) => r.verified).length;
  const verifiedNote = verifiedCount > 0 ? ` (${verifiedCount} ${VERIFIED_MARK})` : '';
  const lines = [`🙋 *${counts.referrers}* can refer${verifiedNote} · 👀 *${counts.interested}* interested`];
  const max = CARD_NAMES_SHOWN;
  if (onPosting.length > 0) lines.push(`Can refer: ${referrerMentions(onPosting, max, totals?.referrers)}`);
  if (directory.length > 0) {
    const company = input.summary.company
      ? escapeMrkdwn(truncate(oneLine(input.summary.company), 80))
      : 'this company';
    lines.push(`Also refers at ${company}: ${referrerMentions(directory, max, totals?.companyReferrers)}`);
  }
  if (verifiedCount > 0) lines.push(`_${VERIFIED_LEGEND}_`);
  const named = unique(input.namedCandidates.map((c) => c.userId));
  if (named.length > 0) lines.push(`Interested: ${mentionList(named, max, totals?.namedCandidates)}`);
  return [section(lines.join('\n'), cardMenu(input.removableShareId))];
}

/**
 * The "…" menu of a card Vouch posted: "Remove card", as shared by mistake or as spam (an overflow
 * menu takes two options at least; the reason is recorded), confirmed first. Everyone sees it (Slack
 * cannot show an element to some members only): the click checks who may.
 */
function cardMenu(shareId: string | null | undefined): Overflow | undefined {
  if (!shareId) return undefined;
  return overflow({
    actionId: cardMenuActionIds.menu,
    options: [
      option(
        'Remove card: shared by mistake',
        encodeCardMenuChoice({ choice: 'remove', reason: 'mistake', shareId }),
      ),
      option(
        'Remove card: spam or not a job',
        encodeCardMenuChoice({ choice: 'remove', reason: 'spam', shareId }),
      ),
    ],
    confirm: {
      title: 'Remove this card?',
      text:
        'The card message is deleted for everyone in this channel. People who already said they can ' +
        'refer or are interested keep the posting in Vouch. Only its sharer or a workspace admin can do this.',
      confirm: 'Remove card',
      deny: 'Keep it',
    },
  });
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** Each referrer once, in order. */
function uniqueReferrers(referrers: readonly ReferrerMention[]): ReferrerMention[] {
  const seen = new Set<string>();
  return referrers.filter((r) => !seen.has(r.userId) && seen.add(r.userId) !== undefined);
}

function cardButtons(input: PostingCardInput, which: CardButtons): Array<Button | null> {
  const value = input.postingId;
  const refer = button({ actionId: cardActionIds.iCanRefer, text: 'I can refer', value });
  const interested = button({
    actionId: cardActionIds.imInterested,
    text: "I'm interested",
    value,
    style: 'primary',
  });
  const details = button({ actionId: cardActionIds.details, text: 'Details', value });
  const tag = button({ actionId: cardActionIds.tagSomeone, text: 'Tag someone', value });
  const open = linkButton({
    actionId: cardActionIds.openPosting,
    text: 'Open posting',
    url: input.summary.url,
    value,
  });
  if (input.closed) return [details, open];
  switch (which) {
    case 'channel':
      return [refer, interested, details, tag, open];
    case 'referrer':
      return [{ ...refer, style: 'primary' }, details, open];
    case 'candidate':
      return [interested, details, open];
  }
}

/**
 * The card's blocks. Content is cut (with a notice) before the people line and the buttons are
 * ever dropped, so the card stays actionable whatever the posting's size.
 */
export function postingCardBlocks(input: PostingCardInput, which: CardButtons = 'channel'): KnownBlock[] {
  const { summary } = input;
  const facts = factsLine(summary);
  const content: KnownBlock[] = [header(displayTitle(summary))];
  if (facts) content.push(context(escapeMrkdwn(facts)));
  if (input.closed) {
    content.push(
      section('🔒 *This posting is closed.* The job is no longer listed, so Vouch stopped taking interest.'),
    );
  }
  if (input.limitedSource) {
    content.push(
      context('ℹ️ This site shows only limited details without signing in: open the posting for the rest.'),
    );
  }
  if (summary.summary?.trim())
    content.push(section(escapeMrkdwn(truncate(summary.summary.trim(), caps.summary))));
  content.push(...bulletSection("What you'd do", summary.responsibilities));
  content.push(...bulletSection('Requirements', summary.requirements));
  content.push(...signalsLine(summary));
  content.push(...noteBlocks(input.sharerNote, input.sharedBy));

  const tail: KnownBlock[] = [...peopleBlock(input), ...actions(cardButtons(input, which))];
  return fitBlocks({
    content,
    tail,
    maxBlocks: slackLimits.messageBlocks,
    notice: context('✂️ Shortened to fit Slack: press *Details* for everything.'),
  }).blocks;
}

/** The posting card for a channel (unfurl, `/vouch`, shortcut, thread reply). */
export function postingCard(input: PostingCardInput): SlackMessage {
  return { text: cardText(input.summary), blocks: postingCardBlocks(input, 'channel') };
}

/**
 * The notification / fallback text of a card: "Manager II, ML at Pinterest · San Francisco, CA ·
 * $180k–$220k/yr". Escaped: Slack parses `text` as mrkdwn.
 */
export function cardText(summary: PostingSummary): string {
  const title = truncate(displayTitle(summary), 150);
  const head =
    summary.company && summary.title ? `${title} at ${truncate(oneLine(summary.company), 80)}` : title;
  const extras = [
    summary.locations[0] ? truncate(oneLine(summary.locations[0]), 60) : null,
    formatSalary(summary.salary),
  ];
  const line = [head, ...extras.filter((e): e is string => Boolean(e))].join(' · ');
  return escapeMrkdwn(truncate(line, 400));
}

/** The card for a link that is not a job posting (or could not be read): a tidy link, no buttons. */
export function plainLinkCard(input: {
  url: string;
  title?: string | null;
  description?: string | null;
}): SlackMessage {
  const title = input.title?.trim() ? truncate(oneLine(input.title), 200) : input.url;
  const lines = [`*${link(input.url, truncate(title, 200))}*`];
  if (input.description?.trim()) lines.push(escapeMrkdwn(truncate(input.description.trim(), 500)));
  const host = safeHost(input.url);
  const blocks: KnownBlock[] = [section(lines.join('\n'))];
  if (host) blocks.push(context(`🔗 ${escapeMrkdwn(host)}`));
  return { text: escapeMrkdwn(truncate(oneLine(title), 400)), blocks };
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}
