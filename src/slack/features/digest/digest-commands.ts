import { type DigestAnswer, digestResult } from '../../blocks/digest-blocks.js';
import type { Message } from '../../support/notifier.js';
import type { VouchCommand } from '../command/parse-command.js';
import type { FeatureDeps } from '../feature-deps.js';

/** The `/vouch` subcommand of digests. */
export type DigestCommand = Extract<VouchCommand, { kind: 'digest' }>;

/** Where `/vouch digest` was typed, and by whom. */
export interface DigestAsker {
  teamId: string;
  userId: string;
  channelId: string;
  /** Slack's `channel_name`: `directmessage` in a DM, `mpdm-…` in a group DM. */
  channelName?: string | undefined;
}

function isConversationWithPeople(asker: DigestAsker): boolean {
  return (
    asker.channelId.startsWith('D') ||
    asker.channelName === 'directmessage' ||
    (asker.channelName?.startsWith('mpdm-') ?? false)
  );
}

/**
 * Answers `/vouch digest [daily|weekly|off]` in a channel: alone, what the channel gets and when the
 * next digest goes out; with a frequency, a member of the channel (read from Slack, cached for a
 * couple of minutes) sets it or turns it off. Only the asker sees the answer.
 */
export async function answerDigestCommand(
  deps: Pick<FeatureDeps, 'referrals' | 'digests' | 'channelMembers'>,
  asker: DigestAsker,
  command: DigestCommand,
): Promise<Message> {
  return digestResult(await decide());

  async function decide(): Promise<DigestAnswer> {
    if (isConversationWithPeople(asker)) return { kind: 'notChannel' };
    const { teamId, channelId } = asker;
    if (command.frequency === null) {
      return { kind: 'shown', setting: await deps.digests.get(teamId, channelId) };
    }
    const members = await deps.channelMembers.of(channelId);
    if (members.size === 0) return { kind: 'cannotSee' };
    if (!members.has(asker.userId)) return { kind: 'notMember', channelId };
    if (command.frequency === 'off') {
      return { kind: 'off', wasOn: await deps.digests.turnOff(teamId, channelId) };
    }
    await deps.referrals.ensureWorkspace(teamId);
    const outcome = await deps.digests.set(teamId, channelId, command.frequency);
    return { kind: 'set', setting: outcome.setting, unchanged: outcome.kind === 'unchanged' };
  }
}
