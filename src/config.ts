import { existsSync } from 'node:fs';
import { z } from 'zod';

const WHERE_APP =
  'create the app from manifest.json at https://api.slack.com/apps → "Create New App" → "From a manifest"';

/** Where each variable comes from, shown next to every problem so nobody has to guess. */
const HELP: Record<string, string> = {
  SLACK_BOT_TOKEN: `${WHERE_APP}, install it to your workspace, then "OAuth & Permissions" → "Bot User OAuth Token" (starts with xoxb-)`,
  SLACK_SIGNING_SECRET: `${WHERE_APP}, then "Basic Information" → "App Credentials" → "Signing Secret" (HTTP mode only)`,
  SLACK_APP_TOKEN: `${WHERE_APP}, then "Basic Information" → "App-Level Tokens" → generate one with the connections:write scope (starts with xapp-; Socket Mode only)`,
  SLACK_API_URL:
    'the Slack Web API base URL, e.g. https://slack.com/api/ (GovSlack: https://slack-gov.com/api/)',
  DATABASE_URL:
    'file:./data/vouch.db for SQLite, or postgresql://user:password@host:5432/dbname for PostgreSQL',
  PORT: 'a TCP port number between 1 and 65535, e.g. 3000',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
  FETCH_ALLOW_PRIVATE_HOSTS:
    'a comma-separated list of host names or IP literals, e.g. jobs.intranet.example,10.0.0.7',
  VOUCH_THREAD_CARDS: 'true or false',
  VOUCH_REMINDER_DAYS: 'a whole number of days, e.g. 7',
  VOUCH_LIVENESS_HOURS: 'a whole number of hours, e.g. 24',
  VOUCH_LIVENESS_PER_HOST: 'a whole number of liveness checks in flight per job board host, e.g. 2',
  VOUCH_NOTE_RETENTION_DAYS: 'a whole number of days, e.g. 180',
  VOUCH_WORK_LEASE_SECONDS: 'a whole number of seconds, e.g. 30',
  VOUCH_PERIODIC_JOBS_EVERY_SECONDS:
    'a whole number of seconds, e.g. 5 (tests and demonstrations only; leave unset in production)',
  METRICS_TOKEN:
    'a secret of at least 16 characters that Prometheus sends as "Authorization: Bearer <token>" to GET /metrics, e.g. from `openssl rand -hex 24`',
  VOUCH_DIGEST_HOUR_UTC: 'the hour (UTC, 0 to 23) channel digests go out, e.g. 9',
  VOUCH_DIGEST_WEEKDAY: 'the day weekly digests go out: monday, tuesday, … sunday',
  VOUCH_ACK_THREAD:
    'true (HTTP mode acknowledges Slack from a thread of its own) or false (everything on the main thread)',
  SLACK_CLIENT_ID: `${WHERE_APP}, then "Basic Information" → "App Credentials" → "Client ID" (several workspaces, "Add to Slack")`,
  SLACK_CLIENT_SECRET: `${WHERE_APP}, then "Basic Information" → "App Credentials" → "Client Secret" (several workspaces, "Add to Slack")`,
  SLACK_STATE_SECRET:
    'a random secret of at least 16 characters that signs the OAuth state, e.g. from `openssl rand -hex 24`',
  VOUCH_ENCRYPTION_KEY:
    'a random 32-byte key, base64-encoded, that encrypts installation tokens at rest: generate one with `openssl rand -base64 32` and keep it safe (tokens encrypted with a lost key cannot be read: every workspace must then install again)',
  SLACK_AUTHORIZE_URL:
    "Slack's OAuth authorize page, e.g. https://slack.com/oauth/v2/authorize (GovSlack: https://slack-gov.com/oauth/v2/authorize)",
  VOUCH_PUBLIC_URL:
    'the public HTTPS address of this Vouch, e.g. https://vouch.example.com (the OAuth redirect URL is <it>/slack/oauth_redirect)',
  VOUCH_UNINSTALL_GRACE_DAYS: 'a whole number of days, e.g. 7',
  VOUCH_REFERRERS:
    'any (everyone who says "I can refer" receives requests) or verified (only referrers whose Slack e-mail is at the company\'s domain)',
};

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());

const booleanFlag = (fallback: boolean) =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' })
      .optional()
      .transform((value) => (value === undefined ? fallback : ['true', '1', 'yes', 'on'].includes(value))),
  );

const positiveInt = (fallback: number, max: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a number' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .max(max, { error: `must be at most ${max}` })
      .default(fallback),
  );

/** Days of the week as `Date.getUTCDay()` numbers them (0 is Sunday). */
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const envSchema = z.object({
  // Required with one workspace, refused with several ("Add to Slack"): `loadConfig` says which.
  SLACK_BOT_TOKEN: optionalString.pipe(
    z
      .string()
      .regex(/^xoxb-/, { error: 'must be a bot token starting with xoxb-' })
      .optional(),
  ),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.pipe(
    z
      .string()
      .regex(/^xapp-/, { error: 'must be an app-level token starting with xapp-' })
      .optional(),
  ),
  SLACK_API_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .default('https://slack.com/api/')
      .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  ),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('file:./data/vouch.db')
      .refine((url) => /^(file:.+|postgres(ql)?:\/\/.+)$/.test(url), {
        error: 'must start with file: (SQLite) or postgresql:// (PostgreSQL)',
      }),
  ),
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a number' })
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must be between 0 and 65535' })
      .max(65535, { error: 'must be between 0 and 65535' })
      .default(3000),
  ),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? emptyToUndefined(value.toLowerCase()) : value),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  FETCH_ALLOW_PRIVATE_HOSTS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((host) =>
            host
              .trim()
              .toLowerCase()
              .replace(/^\[|\]$/g, ''),
          )
          .filter((host) => host.length > 0),
      )
      .refine((hosts) => hosts.every((host) => /^[a-z0-9.:_-]+$/.test(host)), {
        error: 'must list host names or IP literals only (no schemes, ports or paths)',
      }),
  ),
  VOUCH_THREAD_CARDS: booleanFlag(true),
  VOUCH_ACK_THREAD: booleanFlag(true),
  VOUCH_REMINDER_DAYS: positiveInt(7, 365),
  VOUCH_LIVENESS_HOURS: positiveInt(24, 24 * 30),
  VOUCH_LIVENESS_PER_HOST: positiveInt(2, 16),
  VOUCH_NOTE_RETENTION_DAYS: positiveInt(180, 3650),
  VOUCH_WORK_LEASE_SECONDS: positiveInt(30, 3600),
  VOUCH_PERIODIC_JOBS_EVERY_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a number' })
      .int({ error: 'must be a whole number' })
      .min(2, { error: 'must be at least 2' })
      .max(86_400, { error: 'must be at most 86400' })
      .optional(),
  ),
  METRICS_TOKEN: optionalString.pipe(
    z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  ),
  VOUCH_DIGEST_HOUR_UTC: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a number' })
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must be between 0 and 23' })
      .max(23, { error: 'must be between 0 and 23' })
      .default(9),
  ),
  VOUCH_DIGEST_WEEKDAY: z.preprocess(
    (value) => (typeof value === 'string' ? emptyToUndefined(value.trim().toLowerCase()) : value),
    z
      .enum(WEEKDAYS, { error: 'must be a day of the week' })
      .default('monday')
      .transform((day) => WEEKDAYS.indexOf(day)),
  ),
  VOUCH_REFERRERS: z.preprocess(
    (value) => (typeof value === 'string' ? emptyToUndefined(value.trim().toLowerCase()) : value),
    z.enum(['any', 'verified'], { error: 'must be any or verified' }).default('any'),
  ),
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_STATE_SECRET: optionalString.pipe(
    z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  ),
  VOUCH_ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .refine((key) => /^[A-Za-z0-9+/]{43}=$/.test(key) && Buffer.from(key, 'base64').length === 32, {
        error: 'must be 32 bytes in base64 (44 characters ending in =)',
      })
      .optional(),
  ),
  SLACK_AUTHORIZE_URL: optionalString.pipe(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ),
  VOUCH_PUBLIC_URL: optionalString.pipe(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  VOUCH_UNINSTALL_GRACE_DAYS: positiveInt(7, 365),
});

/** The settings that turn on multi-workspace mode ("Add to Slack"); all four or none. */
const OAUTH_SETTINGS = [
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'VOUCH_ENCRYPTION_KEY',
] as const;

/**
 * Multi-workspace mode (`@slack/oauth`): installs through /slack/install and /slack/oauth_redirect,
 * tokens kept encrypted in the database instead of SLACK_BOT_TOKEN.
 */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** The 32-byte AES-256-GCM key installations are sealed with. */
  encryptionKey: Buffer;
  /** Slack's authorize page: on SLACK_API_URL's host (/oauth/v2/authorize) unless SLACK_AUTHORIZE_URL says otherwise. */
  authorizeUrl: string;
  /** Given to Slack as redirect_uri when set (VOUCH_PUBLIC_URL + /slack/oauth_redirect). */
  redirectUri: string | undefined;
  /** How long an uninstalled workspace's data is kept, in case it installs again. */
  uninstallGraceMs: number;
}

export type SlackMode = { kind: 'socket'; appToken: string } | { kind: 'http'; signingSecret: string };

/** The validated configuration every part of Vouch is built from. */
export interface Config {
  slack: {
    /** SLACK_BOT_TOKEN; empty in multi-workspace mode (`oauth`), where each workspace has its own. */
    botToken: string;
    mode: SlackMode;
    /** Signing secret, when set; in Socket Mode it is not needed. */
    signingSecret: string | undefined;
    apiUrl: string;
    /** Set in multi-workspace mode ("Add to Slack"); undefined: one workspace, SLACK_BOT_TOKEN. */
    oauth?: OAuthConfig;
  };
  databaseUrl: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  fetchAllowPrivateHosts: string[];
  threadCards: boolean;
  reminderDays: number;
  livenessHours: number;
  /** Liveness checks in flight at once per job board host (src/jobs/liveness-pacer.ts). */
  livenessPerHost: number;
  /** Notes of referrals closed longer ago than this are erased. */
  noteRetentionDays: number;
  /**
   * How long a claimed job is held before another worker may take it (src/work/): after a crash,
   * acknowledged work resumes within this time. Renewed while the work runs.
   */
  workLeaseMs: number;
  /**
   * Unset in production: each periodic job (src/jobs/) runs on its own period (reminders hourly,
   * retention every 6 h…), its first round 30 s after start. Set, every one runs this often, its first
   * round this long after start: what lets a test watch several rounds across replicas.
   */
  periodicJobsEveryMs: number | undefined;
  /** When set, GET /metrics asks for `Authorization: Bearer <it>`; unset, /metrics is open. */
  metricsToken: string | undefined;
  /**
   * When channel digests go out (src/digests/): daily at `hourUtc`:00 UTC, weekly on `weekday`
   * (0 Sunday … 6 Saturday) at that hour.
   */
  digestSchedule: { hourUtc: number; weekday: number };
  /**
   * Who receives referral requests: `any` referrer, or only `verified` ones (their Slack e-mail is at
   * the company's domain). Self-declared referrers are listed either way.
   */
  referrers: 'any' | 'verified';
  /**
   * HTTP mode: the acceptor thread (src/runtime/acceptor-thread.ts) owns the port and acknowledges
   * events, clicks and commands once their job is written, so acks never wait for the main thread.
   */
  ackThread: boolean;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

const BOTH_MODES = [
  'Neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET is set. Vouch runs in one of two modes:',
  `  • Socket Mode (easiest, no public URL): set SLACK_APP_TOKEN — ${HELP.SLACK_APP_TOKEN}. Socket Mode must be on in the app settings (manifest.json turns it on).`,
  `  • HTTP mode (needs a public HTTPS URL): set SLACK_SIGNING_SECRET — ${HELP.SLACK_SIGNING_SECRET}; turn Socket Mode off and point the request URLs at https://<your-host>/slack/events (see README).`,
].join('\n');

/**
 * Validates the environment. Collects every problem at once, each with what to set and where to get it.
 */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  const oauthWanted = OAUTH_SETTINGS.some((name) => emptyToUndefined(env[name]) !== undefined);
  if (!oauthWanted && emptyToUndefined(env.SLACK_BOT_TOKEN) === undefined)
    problems.push(`SLACK_BOT_TOKEN is missing: ${HELP.SLACK_BOT_TOKEN}`);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      const got = env[name];
      const verdict = got === undefined || got.trim() === '' ? 'is missing' : issue.message;
      problems.push(`${name} ${verdict}: ${HELP[name] ?? 'see README'}`);
    }
  }
  const appToken = parsed.success ? parsed.data.SLACK_APP_TOKEN : emptyToUndefined(env.SLACK_APP_TOKEN);
  const signingSecret = emptyToUndefined(env.SLACK_SIGNING_SECRET)?.toString().trim();
  if (appToken === undefined && signingSecret === undefined) problems.push(BOTH_MODES);
  problems.push(...oauthProblems(env, oauthWanted, appToken !== undefined));
  if (!parsed.success || problems.length > 0) return { ok: false, problems };

  const data = parsed.data;
  const mode: SlackMode =
    data.SLACK_APP_TOKEN !== undefined
      ? { kind: 'socket', appToken: data.SLACK_APP_TOKEN }
      : { kind: 'http', signingSecret: data.SLACK_SIGNING_SECRET as string };
  return {
    ok: true,
    config: {
      slack: {
        botToken: data.SLACK_BOT_TOKEN ?? '',
        mode,
        signingSecret: data.SLACK_SIGNING_SECRET,
        apiUrl: data.SLACK_API_URL,
        ...(oauthWanted
          ? {
              oauth: {
                clientId: data.SLACK_CLIENT_ID as string,
                clientSecret: data.SLACK_CLIENT_SECRET as string,
                stateSecret: data.SLACK_STATE_SECRET as string,
                encryptionKey: Buffer.from(data.VOUCH_ENCRYPTION_KEY as string, 'base64'),
                // Slack's authorize page is on the Web API's host (slack.com, slack-gov.com).
                authorizeUrl:
                  data.SLACK_AUTHORIZE_URL ?? new URL('/oauth/v2/authorize', data.SLACK_API_URL).href,
                redirectUri:
                  data.VOUCH_PUBLIC_URL !== undefined
                    ? `${data.VOUCH_PUBLIC_URL}/slack/oauth_redirect`
                    : undefined,
                uninstallGraceMs: data.VOUCH_UNINSTALL_GRACE_DAYS * 24 * 60 * 60 * 1000,
              },
            }
          : {}),
      },
      databaseUrl: data.DATABASE_URL,
      port: data.PORT,
      logLevel: data.LOG_LEVEL,
      fetchAllowPrivateHosts: data.FETCH_ALLOW_PRIVATE_HOSTS,
      threadCards: data.VOUCH_THREAD_CARDS,
      reminderDays: data.VOUCH_REMINDER_DAYS,
      livenessHours: data.VOUCH_LIVENESS_HOURS,
      livenessPerHost: data.VOUCH_LIVENESS_PER_HOST,
      noteRetentionDays: data.VOUCH_NOTE_RETENTION_DAYS,
      workLeaseMs: data.VOUCH_WORK_LEASE_SECONDS * 1000,
      periodicJobsEveryMs:
        data.VOUCH_PERIODIC_JOBS_EVERY_SECONDS === undefined
          ? undefined
          : data.VOUCH_PERIODIC_JOBS_EVERY_SECONDS * 1000,
      metricsToken: data.METRICS_TOKEN,
      digestSchedule: { hourUtc: data.VOUCH_DIGEST_HOUR_UTC, weekday: data.VOUCH_DIGEST_WEEKDAY },
      referrers: data.VOUCH_REFERRERS,
      ackThread: data.VOUCH_ACK_THREAD,
    },
  };
}

/**
 * What stops multi-workspace mode: a missing one of its four settings, Socket Mode (the install
 * pages need HTTP), SLACK_BOT_TOKEN set as well. Without any of the four: nothing (one workspace).
 */
function oauthProblems(
  env: Record<string, string | undefined>,
  wanted: boolean,
  socketMode: boolean,
): string[] {
  if (!wanted) return [];
  const problems = OAUTH_SETTINGS.filter((name) => emptyToUndefined(env[name]) === undefined).map(
    (name) =>
      `${name} is missing: ${HELP[name]} (several workspaces need all of ${OAUTH_SETTINGS.join(', ')})`,
  );
  if (socketMode)
    problems.push(
      'SLACK_APP_TOKEN is set with the "Add to Slack" settings: several workspaces need HTTP mode (the install pages are served on the same port as /slack/events): unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET',
    );
  if (emptyToUndefined(env.SLACK_BOT_TOKEN) !== undefined)
    problems.push(
      'SLACK_BOT_TOKEN is set with the "Add to Slack" settings: with several workspaces each has its own token, kept encrypted in the database: unset SLACK_BOT_TOKEN',
    );
  return problems;
}

/**
 * The process environment with a `.env` file (if present in the working directory) underneath it:
 * real environment variables win over the file.
 */
export function readEnvironment(path = '.env'): Record<string, string | undefined> {
  const fromFile: Record<string, string> = {};
  if (existsSync(path)) {
    const previous = { ...process.env };
    process.loadEnvFile(path);
    for (const [key, value] of Object.entries(process.env)) {
      if (previous[key] === undefined && value !== undefined) fromFile[key] = value;
    }
    // Restore: the returned object is the one source of truth, process.env stays as launched.
    for (const key of Object.keys(fromFile)) delete process.env[key];
  }
  return { ...fromFile, ...process.env };
}

/** The message `npm start` prints when configuration is unusable. */
export function formatConfigProblems(problems: string[]): string {
  const lines = problems.map((problem) => `  ✗ ${problem.replace(/\n/g, '\n    ')}`);
  return [
    `Vouch cannot start: ${problems.length} configuration problem${problems.length === 1 ? '' : 's'}.`,
    ...lines,
    'Set these in the environment or in a .env file next to package.json (see .env.example and README.md).',
  ].join('\n');
}
