import { type ChannelSettingsStore, cardsOn } from '../../../channels/channel-settings.js';
import {
  type ChannelSettingsView,
  channelCommandNotAMember,
  channelCommandOutsideChannel,
  channelSettingsHelpLine,
  channelSettingsResult,
} from '../../blocks/moderation-blocks.js';
import type { Message } from '../../support/notifier.js';
import type { VouchCommand } from '../command/parse-command.js';
import type { FeatureDeps } from '../feature-deps.js';

/** The `/vouch` subcommands of channel settings. */
export type ChannelCommand = Extract<VouchCommand, { kind: 'channel' | 'channelCards' }>;

/** Where a command was typed: a channel (public, private, group DM) rather than a DM with Vouch. */
function isChannel(channelId: string): boolean {
  return !channelId.startsWith('D');
}

async function settingsView(
  deps: Pick<FeatureDeps, 'channelSettings' | 'config'>,
  teamId: string,
  channelId: string,
): Promise<ChannelSettingsView> {
  const settings = await deps.channelSettings.of(teamId, channelId);
  return { cards: cardsOn(settings, deps.config.threadCards), cardsSetHere: settings.cards !== null };
}

/**
 * Answers `/vouch channel` (this channel's settings) and `/vouch channel cards on|off`, which only
 * a member of the channel may use (`conversations.members`, cached). `within` runs in the
 * transaction of the change (the command marked handled).
 */
export async function answerChannelCommand(
  deps: Pick<FeatureDeps, 'channelSettings' | 'channelMembers' | 'config'>,
  asker: { teamId: string; userId: string; channelId: string },
  command: ChannelCommand,
  within?: Parameters<ChannelSettingsStore['setCards']>[3],
): Promise<Message> {
  if (!isChannel(asker.channelId)) return channelCommandOutsideChannel();
  switch (command.kind) {
    case 'channel':
      return channelSettingsResult(await settingsView(deps, asker.teamId, asker.channelId));
    case 'channelCards': {
      const members = await deps.channelMembers.of(asker.channelId);
      if (!members.has(asker.userId)) return channelCommandNotAMember();
      await deps.channelSettings.setCards(asker.teamId, asker.channelId, command.on, within);
      return channelSettingsResult({ cards: command.on, cardsSetHere: true }, { changed: true });
    }
  }
}

/** The line `/vouch help` shows about the channel it was asked in; null in a DM. */
export async function channelHelpLine(
  deps: Pick<FeatureDeps, 'channelSettings' | 'config'>,
  asker: { teamId: string; channelId: string },
): Promise<string | null> {
  if (!isChannel(asker.channelId)) return null;
  return channelSettingsHelpLine(await settingsView(deps, asker.teamId, asker.channelId));
}
