import type { Db } from '../db/client.js';
import type { WithinTransaction } from '../db/within-transaction.js';

/** A channel's own settings; null fields follow the workspace default. */
export interface ChannelSettings {
  /** Vouch replies to job links with a thread card; null: the workspace default (VOUCH_THREAD_CARDS). */
  cards: boolean | null;
}

const DEFAULTS: ChannelSettings = { cards: null };

/**
 * Channel settings (`ChannelSetting`, `/vouch channel`): what a channel asked of Vouch. Workspace
 * data: no member is named, and the rows go with the workspace (its cascade).
 */
export function createChannelSettings(db: Db) {
  return {
    /** The settings of a channel (every field null when nobody set any). */
    async of(workspaceId: string, channelId: string): Promise<ChannelSettings> {
      const row = await db.channelSetting.findUnique({
        where: { workspaceId_channelId: { workspaceId, channelId } },
        select: { cards: true },
      });
      return row ?? DEFAULTS;
    },

    /**
     * Sets whether Vouch replies to job links in the channel with a card; `within` runs in the same
     * transaction (a command marked handled).
     */
    async setCards(
      workspaceId: string,
      channelId: string,
      cards: boolean,
      within?: WithinTransaction,
    ): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.channelSetting.upsert({
          where: { workspaceId_channelId: { workspaceId, channelId } },
          create: {
            channelId,
            cards,
            workspace: { connectOrCreate: { where: { id: workspaceId }, create: { id: workspaceId } } },
          },
          update: { cards },
        });
        await within?.(tx, undefined);
      });
    },
  };
}

export type ChannelSettingsStore = ReturnType<typeof createChannelSettings>;

/** Whether a channel gets thread cards: its own setting, else the workspace default. */
export function cardsOn(settings: ChannelSettings, workspaceDefault: boolean): boolean {
  return settings.cards ?? workspaceDefault;
}
