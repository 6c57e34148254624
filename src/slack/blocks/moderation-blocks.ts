import { slashCommand } from '../ids.js';
import { context, type KnownBlock, type SlackMessage, section } from './block-kit.js';

/** Moderation and channel settings: `/vouch channel` answers, the help line, "Remove card" replies. */

const c = slashCommand;

/** A channel's settings as members read them. */
export interface ChannelSettingsView {
  /** Vouch replies to job links here with a card (a thread reply). */
  cards: boolean;
  /** true: this channel set it; false: the workspace default (`VOUCH_THREAD_CARDS`). */
  cardsSetHere: boolean;
}

function onOff(on: boolean): string {
  return on ? 'on' : 'off';
}

/** `/vouch channel`, and the answer to `/vouch channel cards on|off` (`changed`). */
export function channelSettingsResult(
  view: ChannelSettingsView,
  options: { changed?: boolean } = {},
): SlackMessage {
  const cards = view.cards
    ? 'a job link from a site Slack does not preview for Vouch gets its card as a thread reply'
    : 'Vouch does not reply to job links here with a card';
  const where = view.cardsSetHere ? 'set for this channel' : 'the workspace default';
  const lines = [
    `• *Cards: ${onOff(view.cards)}* (${where}): ${cards}. \`${c} channel cards ${onOff(!view.cards)}\` turns them ${onOff(!view.cards)}.`,
    '• *Link previews* (Greenhouse, Lever, Ashby, Workday, SmartRecruiters links) follow Slack’s own ' +
      'preview settings, not this one: whoever posted a link can remove its preview.',
    `• \`${c} <link>\` and the *Share as job referral* shortcut post a card whatever this says: someone asked for it.`,
  ];
  const blocks: KnownBlock[] = [section(`*Vouch in this channel*\n${lines.join('\n')}`)];
  if (options.changed) {
    blocks.unshift(section(`✅ Cards are now *${onOff(view.cards)}* in this channel.`));
  }
  blocks.push(context('Any member of the channel can change its settings.'));
  return {
    text: options.changed
      ? `Cards are now ${onOff(view.cards)} in this channel.`
      : `Vouch in this channel: cards ${onOff(view.cards)}`,
    blocks,
  };
}

/** The line `/vouch help` adds when asked in a channel. */
export function channelSettingsHelpLine(view: ChannelSettingsView): string {
  return `⚙️ *This channel:* cards ${onOff(view.cards)} · \`${c} channel\` shows its settings`;
}

/** `/vouch channel …` asked outside a channel (a DM with Vouch). */
export function channelCommandOutsideChannel(): SlackMessage {
  const text = `Channel settings belong to a channel: run \`${c} channel\` in the channel you want to see or change.`;
  return { text, blocks: [section(text)] };
}

/** `/vouch channel cards …` by someone Vouch does not see in the channel. */
export function channelCommandNotAMember(): SlackMessage {
  const text =
    'Only members of this channel can change its settings. If you are one, Vouch may not be in the ' +
    'channel yet: `/invite @Vouch`, then try again.';
  return { text, blocks: [section(text)] };
}

/** What the clicker of "Remove card" reads. */
export const removeCardReplies = {
  removed: '🗑️ Card removed. Whoever already said they can refer or is interested keeps the posting in Vouch.',
  alreadyRemoved: 'That card was already removed.',
  gone: 'That card is no longer in Vouch.',
  notAllowed: 'Only the member who shared this card, or a workspace admin, can remove it.',
  cannotCheck:
    'Vouch could not check with Slack whether you are a workspace admin just now. Please try again in a moment.',
} as const;
