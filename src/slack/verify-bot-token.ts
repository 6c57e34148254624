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

/** Waits between re-checks while Slack is unreachable at start: 2 s, doubling, at most a minute. */
const RECHECK_MS = { first: 2_000, max: 60_000 };

/**
 * The bot token check as a running state. `start()` checks once: a rejected token throws the
 * start-up error; Slack unreachable resolves null and keeps re-checking in the background (logged
 * once per attempt) until Slack answers. `problem()` is what `/readyz` reports meanwhile.
 */
export function createBotTokenCheck(client: WebClient, logger: Logger) {
  let problem: string | null = 'Slack has not confirmed the bot token yet';
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function recheck(waitMs: number): Promise<void> {
    if (stopped) return;
    try {
      const identity = await verifyBotToken(client, logger);
      if (identity !== null) {
        problem = null;
        logger.info('Slack reachable again: bot token confirmed');
        return;
      }
    } catch (error) {
      // Slack answered at last, and rejected the token: say so loudly; never ready.
      problem = 'Slack rejected SLACK_BOT_TOKEN';
      logger.error({ err: error }, (error as Error).message);
      return;
    }
    const next = Math.min(waitMs * 2, RECHECK_MS.max);
    timer = setTimeout(() => void recheck(next), next);
    timer.unref();
  }

  return {
    async start(): Promise<BotIdentity | null> {
      const identity = await verifyBotToken(client, logger);
      if (identity !== null) {
        problem = null;
        return identity;
      }
      problem = 'Slack is unreachable: the bot token is not confirmed yet';
      timer = setTimeout(() => void recheck(RECHECK_MS.first), RECHECK_MS.first);
      timer.unref();
      return null;
    },
    problem(): string | null {
      return problem;
    },
    stop(): void {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
