import type { DigestFrequency } from '../../digests/digest-schedule.js';
import type { PostingSummary } from '../../postings/posting-summary.js';
import { slashCommand } from '../ids.js';
import { context, header, type KnownBlock, type SlackMessage, section } from './block-kit.js';
import { slackLimits, textLength, truncate } from './limits.js';
import { escapeMrkdwn, inChannel, link, plural } from './mrkdwn.js';
import { formatLocations, plainTitle, postingLinkLine, postingRef, workplaceWord } from './posting-format.js';

/** Channel digests: the digest message, and the answers to `/vouch digest …`. */

const c = slashCommand;

/** One posting of a digest: its card's facts and counts (never who), and where it was shared. */
export interface DigestPosting {
  postingId: string;
  summary: PostingSummary;
  counts: { referrers: number; interested: number };
  /** The share's permalink in the channel; null when Slack would not give one. */
  shareLink: string | null;
}

export interface DigestInput {
  channelId: string;
  frequency: DigestFrequency;
  /** The postings to list, in the order they were shared (the builder lists as many as fit). */
  postings: readonly DigestPosting[];
  /** Every open posting of the period, listed or not (the rest are "and N more"). */
  total: number;
}

const HEADERS: Record<DigestFrequency, string> = {
  daily: '📰 Daily job digest',
  weekly: '📰 Weekly job digest',
};

/** Room kept for the closing line (blocks and text) while postings are added. */
const FOOTER_TEXT = 400;

function postingBlock(posting: DigestPosting): KnownBlock {
  const { summary } = posting;
  const place = [
    formatLocations(summary.locations),
    summary.workplaceType ? workplaceWord(summary.workplaceType) : null,
  ].filter((part): part is string => part !== null);
  const counts = `🙋 *${posting.counts.referrers}* can refer · 👀 *${posting.counts.interested}* interested`;
  const shared = posting.shareLink === null ? '' : ` · ${link(posting.shareLink, 'shared here')}`;
  return section(
    [
      postingLinkLine(postingRef(posting.postingId, summary), 150),
      ...(place.length > 0 ? [`📍 ${escapeMrkdwn(place.join(' · '))}`] : []),
      `${counts}${shared}`,
    ].join('\n'),
  );
}

/**
 * A channel's digest: the open postings shared there in the period, each with role, company, place,
 * how many can refer and how many are interested (counts only: nobody's name), and a link to where
 * it was shared. As many as fit Slack's limits are listed; the rest are counted, with where to find
 * them.
 */
export function digestMessage(input: DigestInput): SlackMessage {
  const blocks: KnownBlock[] = [
    header(HEADERS[input.frequency]),
    context(
      `${plural(input.total, 'posting')} shared${inChannel(input.channelId) || ' here'} since the last digest ` +
        `${input.total === 1 ? 'is' : 'are'} still open. Counts only: who is interested stays private.`,
    ),
  ];
  let listed = 0;
  for (const posting of input.postings) {
    const block = postingBlock(posting);
    const fits =
      blocks.length + 2 <= slackLimits.messageBlocks &&
      textLength(blocks) + textLength(block) + FOOTER_TEXT <= slackLimits.totalText;
    if (!fits) break;
    blocks.push(block);
    listed += 1;
  }
  const more = Math.max(0, input.total - listed);
  blocks.push(
    context(
      [
        more > 0 ? `…and ${more} more: \`${c} list\` shows every open posting.` : null,
        `\`${c} digest off\` stops this digest.`,
      ]
        .filter((line): line is string => line !== null)
        .join(' '),
    ),
  );
  const titles = input.postings
    .slice(0, Math.min(listed, 5))
    .map((posting) => plainTitle(postingRef(posting.postingId, posting.summary)));
  const rest = input.total - titles.length;
  return {
    text: truncate(
      `Job digest: ${titles.join('; ')}${rest > 0 ? `${titles.length > 0 ? ' and ' : ''}${plural(rest, 'more posting')}` : ''}`,
      2000,
    ),
    blocks,
  };
}

/** "Mon, 8 Dec 2026, 09:00 UTC": what Slack shows when it cannot render a date in the reader's zone. */
function utcWords(at: Date): string {
  const day = at.toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${day}, ${time} UTC`;
}

/**
 * A time each reader sees in their own time zone.
 * @see https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */
export function slackDate(at: Date): string {
  return `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} at {time}|${utcWords(at)}>`;
}

const EVERY: Record<DigestFrequency, string> = { daily: 'every day', weekly: 'every week' };

function nextLine(setting: { frequency: DigestFrequency; nextDueAt: Date }): string {
  return `This channel gets a *${setting.frequency}* digest: the postings shared here since the last one that are still open, ${EVERY[setting.frequency]}. The next one goes out ${slackDate(setting.nextDueAt)} (nothing is posted when nothing new was shared).`;
}

const CHANGE_HINT = `\`${c} digest daily\`, \`${c} digest weekly\` or \`${c} digest off\` changes it.`;

/** What `/vouch digest …` answers. */
export type DigestAnswer =
  | { kind: 'shown'; setting: { frequency: DigestFrequency; nextDueAt: Date } | null }
  | { kind: 'set'; setting: { frequency: DigestFrequency; nextDueAt: Date }; unchanged: boolean }
  | { kind: 'off'; wasOn: boolean }
  /** The asker is not in the channel. */
  | { kind: 'notMember'; channelId: string }
  /** Vouch cannot see the channel's members (a private channel it was not invited to). */
  | { kind: 'cannotSee' }
  /** Asked in a DM or a group DM. */
  | { kind: 'notChannel' };

/** The ephemeral answer to `/vouch digest [daily|weekly|off]`. */
export function digestResult(answer: DigestAnswer): SlackMessage {
  const say = (text: string, more?: string): SlackMessage => ({
    text: text.replace(/[*`]/g, '').replace(/<!date\^[^|]*\|([^>]*)>/g, '$1'),
    blocks: [section(text), ...(more !== undefined ? [context(more)] : [])],
  });
  switch (answer.kind) {
    case 'shown':
      return answer.setting === null
        ? say(
            'This channel has no digest.',
            `\`${c} digest daily\` or \`${c} digest weekly\` posts the open postings shared here once a day or once a week, with how many can refer and how many are interested (never who).`,
          )
        : say(nextLine(answer.setting), CHANGE_HINT);
    case 'set':
      return answer.unchanged
        ? say(nextLine(answer.setting), CHANGE_HINT)
        : say(`📰 Done. ${nextLine(answer.setting)}`, CHANGE_HINT);
    case 'off':
      return answer.wasOn
        ? say(
            '🔕 This channel’s digest is off.',
            `\`${c} digest daily\` or \`${c} digest weekly\` turns it on again.`,
          )
        : say('This channel has no digest.');
    case 'notMember':
      return say(
        `Only members of <#${answer.channelId}> can change its digest. Join the channel, then try again.`,
      );
    case 'cannotSee':
      return say(
        'Vouch cannot see who is in this channel, so it cannot check you are. Invite it with `/invite @Vouch`, then try again.',
      );
    case 'notChannel':
      return say('Digests are posted in channels: run this in the channel that should get one.');
  }
}
