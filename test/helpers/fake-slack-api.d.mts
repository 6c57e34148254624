// Types of ./fake-slack-api.mjs (plain JS, so the benchmark runs the same fake as the tests).

/** One Web API call the bot made, with its arguments parsed (JSON-looking form fields decoded). */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** performance.now() when the request had fully arrived. */
  at: number;
  /**
   * Set when the call was answered with a failure (`fail`): Slack's error code, or the failure's kind;
   * or when the fake refused it as Slack would (`invalid_blocks`, `invalid_arguments`…).
   */
  failed?: string;
  /**
   * What the fake answered (e.g. the `ts` of a posted message); unset for a failure from `fail`. Not
   * enumerable: JSON views of the calls show what the app sent only.
   */
  answer?: Record<string, unknown>;
  /** Set when the fake refused the call as Slack would: Slack's `[ERROR] … [json-pointer:…]` messages. */
  rejected?: string[];
}

export type Failure =
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'server_error'; status?: number }
  | { kind: 'slack_error'; error: string };

export type Responder = (args: Record<string, unknown>, call: RecordedCall) => Record<string, unknown>;

export interface FakeUser {
  id: string;
  name?: string;
  realName?: string;
  isBot?: boolean;
  teamId?: string;
  /** profile.email, as Slack sends it with users:read.email. */
  email?: string;
  /** is_admin / is_owner: a workspace admin or owner. */
  isAdmin?: boolean;
  isOwner?: boolean;
}

/** A file the bot uploaded through files.uploadV2 (getUploadURLExternal → upload → completeUploadExternal). */
export interface UploadedFile {
  id: string;
  filename: string;
  /** The length the bot announced in files.getUploadURLExternal. */
  length: number;
  /** What reached the upload URL; null until it did. */
  bytes: Buffer | null;
}

/** A file a member uploaded in Slack (e.g. through a form's file_input), for files.info and its download. */
export interface MemberFile {
  id: string;
  name: string;
  bytes: Buffer;
  mimetype?: string;
}

/** A workspace (or an Enterprise Grid organisation) "Add to Slack" can install Vouch into. */
export interface NewFakeWorkspace {
  teamId: string;
  teamName?: string;
  enterpriseId?: string;
  enterpriseName?: string;
  /** An org-wide install: oauth.v2.access names the organisation and no team. */
  orgWide?: boolean;
  botUserId?: string;
  botId?: string;
  /** Who clicks Allow (authed_user). */
  installerUserId?: string;
}

export interface FakeWorkspace extends NewFakeWorkspace {
  teamName: string;
  botUserId: string;
  botId: string;
  installerUserId: string;
  /** The scopes the last install asked for. */
  scopes: string[];
  /** Every bot token oauth.v2.access handed out for it, oldest first. */
  tokens: string[];
}

/** The app as configured at Slack: what oauth.v2.access and the authorize page check. */
export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  /** The redirect URL of the app's settings, used when the authorize URL names none. */
  redirectUrl: string;
  appId: string;
}

export interface FakeSlackApiOptions {
  /**
   * Keep every call for `calls()` (default). Under load pass false: calls are only counted (`stats()`),
   * and a body is parsed only when an answer, a failure or a waiter needs it.
   */
  recordCalls?: boolean;
  /** The server's keep-alive timeout (Node's default, 5 s, unless given). */
  keepAliveTimeoutMs?: number;
  /**
   * Refuse messages, unfurls and views Slack would refuse (default), as Slack does
   * (./block-kit-rules.mjs). Only bodies the fake parses anyway are checked.
   */
  validateBlocks?: boolean;
}

/**
 * A local stand-in for the Slack Web API: a real HTTP server that records every call and answers
 * like Slack does. Point the app's SLACK_API_URL at `url`.
 */
export interface FakeSlackApi {
  url: string;
  /** A response_url that lands on this fake (recorded as method "response_url", with `path` in args). */
  responseUrl(id: string): string;
  /** Recorded calls (none when started with `recordCalls: false`). */
  calls(method?: string): RecordedCall[];
  /**
   * Calls so far, in total and per method, performance.now() of the last one, and how many were refused
   * as Slack would refuse them; counted even unrecorded.
   */
  stats(): { total: number; lastCallAt: number; byMethod: Record<string, number>; rejected: number };
  /** Resolves with the first call (already recorded or future) of `method` that matches `predicate`. */
  waitFor(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /** Makes the next `times` calls of `method` fail this way. */
  fail(method: string, failure: Failure, times?: number): void;
  /** Overrides the answer of `method`. */
  respond(method: string, responder: Responder): void;
  /**
   * Holds back the answers of `method` for `ms` (0 ends it): the call takes effect on arrival
   * (a message is in the channel's history), its answer comes late.
   */
  hold(method: string, ms: number): void;
  /** Files whose bytes reached their upload URL, in upload-URL order (cleared by `reset`). */
  uploads(): Array<UploadedFile & { bytes: Buffer }>;
  /**
   * The calls refused as Slack would refuse them (invalid blocks or views) since the last take or
   * reset, and forgets them: the Slack suites fail a test that left any. Kept only when calls are
   * recorded (`stats().rejected` counts them all).
   */
  takeRejections(): RecordedCall[];
  /**
   * A file a member uploaded: files.info describes it, and its url_private_download serves the bytes
   * to a request with a token (recorded as method "file_download"). Cleared by `reset`.
   */
  addFile(file: MemberFile): void;
  /** Users that users.info knows (id → profile fields). */
  addUser(user: FakeUser): void;
  /** The app's credentials and redirect URL at Slack ("Add to Slack"): set them to the app's. */
  oauthApp: OAuthApp;
  /**
   * A workspace the authorize page (`/oauth/v2/authorize`, on this server) offers; its install hands
   * out a bot token of its own, which auth.test answers for it.
   */
  addWorkspace(workspace: NewFakeWorkspace): FakeWorkspace;
  /** The workspace a bot token was handed out for ("Add to Slack"), if any. */
  workspaceOfToken(token: string | undefined): FakeWorkspace | undefined;
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_TEAM_ID = 'T0VOUCH01';
export const FAKE_BOT_USER_ID = 'U0VOUCHBOT';
export const FAKE_BOT_ID = 'B0VOUCHBOT';

export function startFakeSlackApi(options?: FakeSlackApiOptions): Promise<FakeSlackApi>;
