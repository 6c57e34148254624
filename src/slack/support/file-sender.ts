import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import { describeSlackError } from '../slack-error.js';

/** A text file for one member. */
export interface MemberFile {
  filename: string;
  title: string;
  content: string;
  /** The message the file arrives with. */
  comment: string;
}

export interface FileSender {
  /** DMs `file` to the member; false when Slack refused (logged, never thrown). */
  dmFile(userId: string, file: MemberFile): Promise<boolean>;
}

/**
 * Files in a member's DM with the bot, through `files.uploadV2` (the Web API client asks
 * files.getUploadURLExternal for an upload URL, sends the bytes there, then shares the file with
 * files.completeUploadExternal). Needs the `files:write` scope.
 * @see https://docs.slack.dev/messaging/working-with-files#uploading_files
 */
export function createFileSender(client: WebClient, logger: Pick<Logger, 'warn'>): FileSender {
  return {
    async dmFile(userId, file) {
      try {
        const opened = await client.conversations.open({ users: userId });
        const channel = opened.channel?.id;
        if (channel === undefined) return false;
        await client.filesUploadV2({
          channel_id: channel,
          filename: file.filename,
          title: file.title,
          content: file.content,
          initial_comment: file.comment,
        });
        return true;
      } catch (error) {
        logger.warn({ userId, slackError: describeSlackError(error) }, 'could not send a file');
        return false;
      }
    },
  };
}
