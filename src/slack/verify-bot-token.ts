import type { WebClient } from '@slack/web-api';
import { StartupError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { BotIdentity } from './create-slack-app.js';
import { slackErrorCode } from './slack-error.js';

/** Slack errors that mean the token itself is wrong, not that Slack is briefly unreachable. */
const FATAL_AUTH_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
]);

/**
 * Checks SLACK_BOT_TOKEN with `auth.test` before Bolt is built, so a wrong token is one clear
 * paragraph at start instead of a stack trace (or failures on every click); returns the bot's ids
 * for Bolt. A network problem only warns: Slack may be back soon (Bolt then asks auth.test itself).
 * @see https://api.slack.com/methods/auth.test
 */
export async function verifyBotToken(client: WebClient, logger: Logger): Promise<BotIdentity | null> {
  try {
    const result = await client.auth.test();
    logger.info(
      { team: result.team, teamId: result.team_id, botUserId: result.user_id },
      'bot token accepted',
    );
    return result.bot_id !== undefined && result.user_id !== undefined
      ? { botId: result.bot_id, botUserId: result.user_id }
      : null;
  } catch (error) {
    const slackError = slackErrorCode(error);
    if (slackError !== null && FATAL_AUTH_ERRORS.has(slackError)) {
      throw new StartupError(
        'invalid_bot_token',
        `Slack rejected SLACK_BOT_TOKEN (${slackError}): copy it again from your app's "OAuth & Permissions" page → "Bot User OAuth Token", and reinstall the app if it was revoked`,
        { cause: error },
      );
    }
    logger.warn(
      { slackError: slackError ?? undefined },
      'could not verify the bot token with Slack; continuing',
    );
    return null;
  }
}
