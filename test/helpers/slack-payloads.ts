import { FAKE_TEAM_ID } from './fake-slack-api.js';

/**
 * Slack payloads as Slack sends them, trimmed to the fields Slack always includes. Built here once so
 * tests read like the behaviour they check.
 * @see https://api.slack.com/reference/interaction-payloads
 */

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};

export function messageTs(): string {
  return `${1_700_100_000 + next()}.000100`;
}

export function linkSharedEvent(input: {
  channel: string;
  user: string;
  urls: string[];
  messageTs?: string;
  source?: 'composer' | 'conversations_history';
  unfurlId?: string;
}) {
  return {
    type: 'link_shared',
    channel: input.source === 'composer' ? 'COMPOSER' : input.channel,
    is_bot_user_member: true,
    user: input.user,
    message_ts: input.messageTs ?? messageTs(),
    unfurl_id: input.unfurlId ?? `C-${next()}`,
    source: input.source ?? 'conversations_history',
    links: input.urls.map((url) => ({ domain: new URL(url).hostname, url })),
    event_ts: `${Date.now() / 1000}`,
  };
}

export function channelMessageEvent(input: {
  channel: string;
  user: string;
  text: string;
  ts?: string;
  threadTs?: string;
}) {
  return {
    type: 'message',
    channel: input.channel,
    channel_type: 'channel',
    user: input.user,
    text: input.text,
    ts: input.ts ?? messageTs(),
    ...(input.threadTs !== undefined ? { thread_ts: input.threadTs } : {}),
    event_ts: `${Date.now() / 1000}`,
  };
}

/** A button click on a message (card in a channel, or a DM). */
export function blockAction(input: {
  user: string;
  actionId: string;
  value: string;
  channel?: string;
  messageTs?: string;
  responseUrl: string;
  blocks?: unknown[];
  actionType?: 'button' | 'static_select';
}) {
  const channel = input.channel ?? 'C0GENERAL';
  const ts = input.messageTs ?? messageTs();
  const action =
    input.actionType === 'static_select'
      ? {
          type: 'static_select',
          action_id: input.actionId,
          block_id: 'b1',
          selected_option: { value: input.value, text: { type: 'plain_text', text: 'x' } },
          action_ts: `${Date.now() / 1000}`,
        }
      : {
          type: 'button',
          action_id: input.actionId,
          block_id: 'b1',
          value: input.value,
          text: { type: 'plain_text', text: 'x' },
          action_ts: `${Date.now() / 1000}`,
        };
  return {
    type: 'block_actions',
    user: {
      id: input.user,
      username: input.user.toLowerCase(),
      name: input.user.toLowerCase(),
      team_id: FAKE_TEAM_ID,
    },
    api_app_id: 'A0VOUCH',
    token: 'legacy',
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
    trigger_id: `trigger-${next()}`,
    team: { id: FAKE_TEAM_ID, domain: 'vouch-test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'general' },
    message: { type: 'message', ts, text: 'card', blocks: input.blocks ?? [] },
    response_url: input.responseUrl,
    actions: [action],
  };
}

/** A click on the App Home tab (no channel, no message). */
export function homeAction(input: { user: string; actionId: string; value: string }) {
  return {
    type: 'block_actions',
    user: { id: input.user, team_id: FAKE_TEAM_ID },
    api_app_id: 'A0VOUCH',
    token: 'legacy',
    container: { type: 'view', view_id: 'VHOME' },
    trigger_id: `trigger-${next()}`,
    team: { id: FAKE_TEAM_ID, domain: 'vouch-test' },
    view: { id: 'VHOME', type: 'home' },
    actions: [
      { type: 'button', action_id: input.actionId, block_id: 'b1', value: input.value, action_ts: '1' },
    ],
  };
}

/** Submitting a modal the bot opened: `view` is what views.open received, `values` the inputs' state. */
export function viewSubmission(input: {
  user: string;
  view: Record<string, unknown>;
  values: Record<string, unknown>;
}) {
  return {
    type: 'view_submission',
    team: { id: FAKE_TEAM_ID, domain: 'vouch-test' },
    user: { id: input.user, team_id: FAKE_TEAM_ID },
    api_app_id: 'A0VOUCH',
    token: 'legacy',
    trigger_id: `trigger-${next()}`,
    view: {
      id: `V${next()}`,
      team_id: FAKE_TEAM_ID,
      type: 'modal',
      callback_id: input.view.callback_id,
      private_metadata: input.view.private_metadata ?? '',
      blocks: input.view.blocks ?? [],
      state: { values: input.values },
      hash: 'h',
      app_id: 'A0VOUCH',
      bot_id: 'B0VOUCHBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

export function messageShortcut(input: {
  user: string;
  channel: string;
  text: string;
  ts?: string;
  responseUrl: string;
}) {
  const ts = input.ts ?? messageTs();
  return {
    type: 'message_action',
    callback_id: 'share_as_referral',
    trigger_id: `trigger-${next()}`,
    message_ts: ts,
    response_url: input.responseUrl,
    team: { id: FAKE_TEAM_ID, domain: 'vouch-test' },
    user: { id: input.user, name: input.user.toLowerCase(), team_id: FAKE_TEAM_ID },
    channel: { id: input.channel, name: 'general' },
    message: { type: 'message', user: 'U0POSTER', ts, text: input.text },
    token: 'legacy',
  };
}

export function appHomeOpened(user: string) {
  return {
    type: 'app_home_opened',
    user,
    channel: `D${user}`,
    tab: 'home',
    event_ts: `${Date.now() / 1000}`,
  };
}
