import { AsyncLocalStorage } from 'node:async_hooks';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/** Paths pino blanks out wherever they appear in a log object. */
const REDACT_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'password',
  'authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.password',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  'headers["x-slack-signature"]',
  'req.headers.authorization',
  'config.slack.botToken',
  'config.slack.signingSecret',
  'config.slack.mode.appToken',
  'config.slack.mode.signingSecret',
  'config.metricsToken',
  // Several workspaces ("Add to Slack"): the app's OAuth secrets, the key, sealed installations.
  'clientSecret',
  'client_secret',
  '*.clientSecret',
  '*.client_secret',
  'config.slack.oauth.clientSecret',
  'config.slack.oauth.stateSecret',
  'config.slack.oauth.encryptionKey',
  'sealed',
  '*.sealed',
];

/** Slack tokens, and passwords inside connection URLs, scrubbed from free text (messages, error strings). */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/\bxox[abposr]-[A-Za-z0-9-]{6,}/g, 'xox*-[redacted]'],
  [/\bxapp-[A-Za-z0-9-]{6,}/g, 'xapp-[redacted]'],
  [/(\b[a-z][a-z0-9+.-]{1,20}:\/\/[^:/@\s]{1,200}:)[^@/\s]{1,200}@/gi, '$1[redacted]@'],
];

export function scrubSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** What every log line carries while one Slack request (or its job) is handled. */
export interface LogContext {
  requestId: string;
  teamId?: string;
  userId?: string;
  /** The request's kind and what it names: `block_actions:i_can_refer`, `slash_command:/vouch`… */
  action?: string;
}

const logContext = new AsyncLocalStorage<LogContext>();

/**
 * Runs `work` with `context` on every line logged inside it, however deep (through awaits, Bolt's
 * listeners, Web API calls), so one click can be followed through the logs by its request id.
 */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return logContext.run(context, work);
}

/** The context of the request being handled, if any. */
export function currentLogContext(): LogContext | undefined {
  return logContext.getStore();
}

/**
 * The one logger of the process: JSON lines, secrets redacted by path and scrubbed from messages.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'vouch' },
      mixin: () => logContext.getStore() ?? {},
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (err: unknown) => {
          const serialized = pino.stdSerializers.err(err as Error);
          if (typeof serialized.message === 'string') serialized.message = scrubSecrets(serialized.message);
          if (typeof serialized.stack === 'string') serialized.stack = scrubSecrets(serialized.stack);
          return serialized;
        },
      },
    },
    destination,
  );
}

const toBoltLevel: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

const fromBoltLevel: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** Bolt's and the Web API client's logs go through pino. */
export function toBoltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: 'bolt' });
  const join = (msg: unknown[]) =>
    msg.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  return {
    debug: (...msg) => child.debug(join(msg)),
    info: (...msg) => child.info(join(msg)),
    warn: (...msg) => child.warn(join(msg)),
    error: (...msg) => child.error(join(msg)),
    setLevel: (level) => {
      child.level = fromBoltLevel[level];
    },
    getLevel: () => toBoltLevel[child.level] ?? LogLevel.INFO,
    setName: (name) => {
      child = logger.child({ component: name });
    },
  };
}
