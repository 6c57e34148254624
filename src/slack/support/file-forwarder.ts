import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { RESUME_FILE_MAX_BYTES } from '../../profiles/profile-fields.js';
import { describeSlackError } from '../slack-error.js';
import { tokenOf } from '../workspace-client.js';

/** What became of a member's file Vouch was to pass on. */
export type ForwardOutcome = { sent: true } | { sent: false; reason: string; permalink: string | null };

export interface FileForwarder {
  /**
   * Copies the Slack file `fileId` (a member uploaded it in a form) into `userId`'s DM with the bot,
   * with `comment`. Never throws: a file Slack no longer has, one too big, or a refusal comes back as
   * `sent: false` with the file's permalink when Slack still gave one.
   */
  forward(
    userId: string,
    file: { fileId: string; filename: string; comment: string },
  ): Promise<ForwardOutcome>;
}

const fileInfoSchema = z.object({
  file: z.object({
    name: z.string().nullish(),
    size: z.number().nullish(),
    url_private_download: z.string().nullish(),
    url_private: z.string().nullish(),
    permalink: z.string().nullish(),
  }),
});

/**
 * Whether the bot token may be sent to `url`: only to Slack's own file hosts (or the Web API's host,
 * as in tests and on GovSlack), never to wherever a payload points.
 */
export function isSlackFileUrl(url: string, apiUrl: string): boolean {
  try {
    const target = new URL(url);
    if (target.origin === new URL(apiUrl).origin) return true;
    return (
      target.protocol === 'https:' &&
      (target.hostname.endsWith('.slack.com') || target.hostname.endsWith('.slack-gov.com'))
    );
  } catch {
    return false;
  }
}

/**
 * Passes a member's file on to another member. A file uploaded through a form's `file_input` is the
 * member's own, unseen by anyone else: the bot reads it (`files.info`, then its `url_private_download`
 * with the bot token: the `files:read` scope) and uploads a copy into the recipient's DM
 * (`files.uploadV2`: `files:write`).
 * @see https://docs.slack.dev/reference/block-kit/block-elements/file-input-element
 * @see https://docs.slack.dev/messaging/working-with-files#authenticating
 */
export function createFileForwarder(client: WebClient, logger: Pick<Logger, 'warn'>): FileForwarder {
  return {
    async forward(userId, file) {
      let permalink: string | null = null;
      const refuse = (reason: string, detail?: unknown): ForwardOutcome => {
        logger.warn({ userId, reason, slackError: detail }, 'could not pass a file on');
        return { sent: false, reason, permalink };
      };
      try {
        const info = fileInfoSchema.parse(await client.files.info({ file: file.fileId }));
        permalink = info.file.permalink ?? null;
        const url = info.file.url_private_download ?? info.file.url_private;
        if (!url || !isSlackFileUrl(url, client.slackApiUrl)) return refuse('no download URL');
        if ((info.file.size ?? 0) > RESUME_FILE_MAX_BYTES) return refuse('file too big');
        const response = await fetch(url, {
          headers: { authorization: `Bearer ${(await tokenOf(client)) ?? ''}` },
          // A redirect elsewhere drops the authorization header (fetch does across origins).
          signal: AbortSignal.timeout(20_000),
        });
        if (!response.ok) return refuse(`download answered ${response.status}`);
        // Slack answers a token it does not accept with its sign-in page, not the file.
        if (response.headers.get('content-type')?.startsWith('text/html')) return refuse('sign-in page');
        const bytes = Buffer.from(await response.arrayBuffer());
        if (bytes.length === 0 || bytes.length > RESUME_FILE_MAX_BYTES) return refuse('empty or too big');
        const opened = await client.conversations.open({ users: userId });
        const channel = opened.channel?.id;
        if (channel === undefined) return refuse('no DM');
        await client.filesUploadV2({
          channel_id: channel,
          file: bytes,
          filename: info.file.name ?? file.filename,
          title: file.filename,
          initial_comment: file.comment,
        });
        return { sent: true };
      } catch (error) {
        return refuse('Slack refused', describeSlackError(error));
      }
    },
  };
}
