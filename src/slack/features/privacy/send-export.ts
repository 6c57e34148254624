import type { SlackMessage } from '../../blocks/block-kit.js';
import { exportResult } from '../../blocks/command-results.js';
import type { FeatureDeps } from '../feature-deps.js';

/**
 * `/vouch export`: everything Vouch holds about the member, as a JSON file in their DM with the bot.
 * Resolves with the answer to show where they asked. Asking creates nothing: a member Vouch has never
 * seen is told so.
 */
export async function sendExport(
  deps: Pick<FeatureDeps, 'memberData' | 'files'>,
  who: { teamId: string; userId: string },
): Promise<SlackMessage> {
  const data = await deps.memberData.exportMember(who.teamId, who.userId);
  if (data === null) return exportResult('nothing');
  const sent = await deps.files.dmFile(who.userId, {
    filename: `vouch-export-${data.exportedAt.slice(0, 10)}.json`,
    title: 'Everything Vouch holds about you',
    content: `${JSON.stringify(data, null, 2)}\n`,
    comment: 'Here is everything Vouch holds about you. `/vouch forget-me` erases it.',
  });
  return exportResult(sent ? 'sent' : 'failed');
}
