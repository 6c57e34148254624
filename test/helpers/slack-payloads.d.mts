// Types of ./slack-payloads.mjs (plain JS, so the benchmark sends the same payloads as the tests).

export function messageTs(): string;

export function signSlackRequest(signingSecret: string, timestamp: number, body: string): string;

export function eventEnvelope(
  event: Record<string, unknown>,
  options?: { eventId?: string; teamId?: string },
): {
  token: string;
  team_id: string;
  api_app_id: string;
  event: Record<string, unknown>;
  type: 'event_callback';
  event_id: string;
  event_time: number;
  authorizations: Array<{ team_id: string; user_id: string; is_bot: boolean; enterprise_id: null }>;
};

export function slashCommand(
  fields: Record<string, string> & { response_url: string },
): Record<string, string>;

type PlainText = { type: string; text: string };

export function linkSharedEvent(input: {
  channel: string;
  user: string;
  urls: string[];
  messageTs?: string;
  source?: 'composer' | 'conversations_history';
  unfurlId?: string;
}): {
  type: string;
  channel: string;
  is_bot_user_member: boolean;
  user: string;
  message_ts: string;
  unfurl_id: string;
  source: 'composer' | 'conversations_history';
  links: Array<{ domain: string; url: string }>;
  event_ts: string;
};

export function channelMessageEvent(input: {
  channel: string;
  user: string;
  text: string;
  ts?: string;
  threadTs?: string;
}): {
  type: string;
  channel: string;
  channel_type: string;
  user: string;
  text: string;
  ts: string;
  thread_ts?: string;
  event_ts: string;
};

/** A button click on a message (card in a channel, or a DM). */
export function blockAction(input: {
  user: string;
  actionId: string;
  value: string;
  channel?: string;
  messageTs?: string;
  responseUrl: string;
  blocks?: unknown[];
  /** A select or an overflow menu ("…") sends the chosen option's value as `selected_option`. */
  actionType?: 'button' | 'static_select' | 'overflow';
}): {
  type: string;
  user: { id: string; username: string; name: string; team_id: string };
  api_app_id: string;
  token: string;
  container: { type: string; message_ts: string; channel_id: string; is_ephemeral: boolean };
  trigger_id: string;
  team: { id: string; domain: string };
  enterprise: null;
  is_enterprise_install: boolean;
  channel: { id: string; name: string };
  message: { type: string; ts: string; text: string; blocks: unknown[] };
  response_url: string;
  actions: Array<
    | {
        type: string;
        action_id: string;
        block_id: string;
        selected_option: { value: string; text: PlainText };
        action_ts: string;
      }
    | { type: string; action_id: string; block_id: string; value: string; text: PlainText; action_ts: string }
  >;
};

/** A click on the App Home tab (no channel, no message). */
export function homeAction(input: { user: string; actionId: string; value: string }): {
  type: string;
  user: { id: string; team_id: string };
  api_app_id: string;
  token: string;
  container: { type: string; view_id: string };
  trigger_id: string;
  team: { id: string; domain: string };
  view: { id: string; type: string };
  actions: Array<{ type: string; action_id: string; block_id: string; value: string; action_ts: string }>;
};

/** A change inside a modal the bot opened: a button, a select, Enter in a dispatching text field. */
export function modalAction(input: {
  user: string;
  viewId: string;
  view: Record<string, unknown>;
  values: Record<string, unknown>;
  actionId: string;
  value?: string;
  actionType?: string;
}): {
  type: string;
  user: { id: string; username: string; name: string; team_id: string };
  container: { type: string; view_id: string };
  trigger_id: string;
  view: { id: string; type: string; private_metadata: unknown; state: { values: Record<string, unknown> } };
  actions: Array<{ type: string; action_id: string; block_id: string; value?: string; action_ts: string }>;
};

/** Submitting a modal the bot opened: `view` is what views.open received, `values` the inputs' state. */
export function viewSubmission(input: {
  user: string;
  view: Record<string, unknown>;
  values: Record<string, unknown>;
}): {
  type: string;
  team: { id: string; domain: string };
  user: { id: string; team_id: string };
  api_app_id: string;
  token: string;
  trigger_id: string;
  view: {
    id: string;
    team_id: string;
    type: string;
    callback_id: unknown;
    private_metadata: unknown;
    blocks: unknown;
    state: { values: Record<string, unknown> };
    hash: string;
    app_id: string;
    bot_id: string;
  };
  response_urls: never[];
  is_enterprise_install: boolean;
};

export function messageShortcut(input: {
  user: string;
  channel: string;
  text: string;
  ts?: string;
  responseUrl: string;
}): {
  type: string;
  callback_id: string;
  trigger_id: string;
  message_ts: string;
  response_url: string;
  team: { id: string; domain: string };
  user: { id: string; name: string; team_id: string };
  channel: { id: string; name: string };
  message: { type: string; user: string; ts: string; text: string };
  token: string;
};

export function appHomeOpened(user: string): {
  type: string;
  user: string;
  channel: string;
  tab: string;
  event_ts: string;
};
