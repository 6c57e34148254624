/**
 * Slack payloads as Slack sends them, trimmed to the fields Slack always includes. Built here once so
 * tests read like the behaviour they check, and so the benchmark (plain Node, no TypeScript loader)
 * sends the same payloads. Generated ids (message ts, unfurl, trigger, view and event ids) carry the
 * process id, so two processes sending to one app (the bench's orchestrator and load generator)
 * never produce the same id. Types: ./slack-payloads.d.mts.
 * @see https://api.slack.com/reference/interaction-payloads
 */
import { createHmac } from 'node:crypto';
import { FAKE_BOT_USER_ID, FAKE_TEAM_ID } from './fake-slack-api.mjs';

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};
const processTag = process.pid.toString(36);

/** A click's `action_ts`: like Slack's (seconds.microseconds), and never the same twice. */
function actionTs() {
  return `${Math.floor(Date.now() / 1000)}.${String(next()).padStart(6, '0')}`;
}

export function messageTs() {
  return `${1_700_100_000 + next()}.${String(process.pid % 1_000_000).padStart(6, '0')}`;
}

/**
 * The `x-slack-signature` of a request: v0 HMAC-SHA256 of `v0:{timestamp}:{body}`.
 * @param {string} signingSecret
 * @param {number} timestamp
 * @param {string} body
 * @see https://api.slack.com/authentication/verifying-requests-from-slack
 */
export function signSlackRequest(signingSecret, timestamp, body) {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/**
 * An Events API delivery of `event`, with a fresh event_id unless given.
 * @param {Record<string, unknown>} event
 * @param {{ eventId?: string; teamId?: string }} [options]
 */
export function eventEnvelope(event, options = {}) {
  const teamId = options.teamId ?? FAKE_TEAM_ID;
  return {
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A0VOUCH',
    event,
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${processTag}${Date.now().toString(36).toUpperCase()}${next()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: FAKE_BOT_USER_ID, is_bot: true, enterprise_id: null }],
  };
}

/**
 * The form fields of a `/vouch` command (sent form-encoded); `fields` override the defaults.
 * @param {Record<string, string> & { response_url: string }} fields
 * @returns {Record<string, string>}
 */
export function slashCommand(fields) {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    team_domain: 'vouch-test',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: 'U0MEMBER1',
    user_name: 'member1',
    command: '/vouch',
    text: '',
    api_app_id: 'A0VOUCH',
    trigger_id: `trigger.${processTag}.${next()}`,
    ...fields,
  };
}

/**
 * @param {{ channel: string; user: string; urls: string[]; messageTs?: string;
 *   source?: 'composer' | 'conversations_history'; unfurlId?: string }} input
 */
export function linkSharedEvent(input) {
  return {
    type: 'link_shared',
    channel: input.source === 'composer' ? 'COMPOSER' : input.channel,
    is_bot_user_member: true,
    user: input.user,
    message_ts: input.messageTs ?? messageTs(),
    unfurl_id: input.unfurlId ?? `C-${processTag}-${next()}`,
    source: input.source ?? 'conversations_history',
    links: input.urls.map((url) => ({ domain: new URL(url).hostname, url })),
    event_ts: `${Date.now() / 1000}`,
  };
}

/** @param {{ channel: string; user: string; text: string; ts?: string; threadTs?: string }} input */
export function channelMessageEvent(input) {
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

/**
 * Who clicked, as every interaction payload names them, and the app it was sent to.
 * @param {string} user
 */
function clickedBy(user) {
  return {
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: FAKE_TEAM_ID },
    api_app_id: 'A0VOUCH',
    token: 'legacy',
  };
}

/**
 * A button click on a message (card in a channel, or a DM).
 * @param {{ user: string; actionId: string; value: string; channel?: string; messageTs?: string;
 *   responseUrl: string; blocks?: unknown[]; actionType?: 'button' | 'static_select' | 'overflow' }} input
 */
export function blockAction(input) {
  const channel = input.channel ?? 'C0GENERAL';
  const ts = input.messageTs ?? messageTs();
  const action =
    input.actionType === 'static_select' || input.actionType === 'overflow'
      ? {
          type: input.actionType,
          action_id: input.actionId,
          block_id: 'b1',
          selected_option: { value: input.value, text: { type: 'plain_text', text: 'x' } },
          action_ts: actionTs(),
        }
      : {
          type: 'button',
          action_id: input.actionId,
          block_id: 'b1',
          value: input.value,
          text: { type: 'plain_text', text: 'x' },
          action_ts: actionTs(),
        };
  return {
    type: 'block_actions',
    ...clickedBy(input.user),
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
    trigger_id: `trigger-${processTag}-${next()}`,
    team: { id: FAKE_TEAM_ID, domain: 'vouch-test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'general' },
    message: { type: 'message', ts, text: 'card', blocks: input.blocks ?? [] },
    response_url: input.responseUrl,
    actions: [action],
  };
}

/**
 * A click on the App Home tab (no channel, no message).
 * @param {{ user: string; actionId: string; value: string }} input
 */
export function homeAction(input) {
  return {
    type: 'block_actions',
    user: { id: input.user, team_id: FAKE_TEAM_ID },
    api_app_id: 'A0VOUCH',
    token: 'legacy',
    container: { type: 'view', view_id: 'VHOME' },
    trigger_id: `trigger-${processTag}-${next()}`,
    team: { id: FAKE_TEAM_ID, domain: 'vouch-test' },
    view: { id: 'VHOME', type: 'home' },
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: 'b1',
        value: input.value,
        action_ts: actionTs(),
      },
    ],
  };
}

/**
 * A modal the bot opened as Slack sends it back in an interaction: `view` is what views.open (or
 * views.update) received, `values` the inputs' state at that moment.
 * @param {string} id
 * @param {Record<string, unknown>} view
 * @param {Record<string, unknown>} values
 */
function modalAsSlackKeepsIt(id, view, values) {
  return {
    id,
    team_id: FAKE_TEAM_ID,
    type: 'modal',
    callback_id: view.callback_id,
    private_metadata: view.private_metadata ?? '',
    blocks: view.blocks ?? [],
    state: { values },
    hash: 'h',
    app_id: 'A0VOUCH',
    bot_id: 'B0VOUCHBOT',
  };
}

/**
 * A change inside a modal the bot opened (a button, a select, Enter in a dispatching text field):
 * `view` is what views.open or views.update received, shown as Slack keeps it under `viewId`, with
 * `values` the inputs' state at that moment.
 * @param {{ user: string; viewId: string; view: Record<string, unknown>; values: Record<string, unknown>;
 *   actionId: string; value?: string; actionType?: string }} input
 */
export function modalAction(input) {
  return {
    type: 'block_actions',
    ...clickedBy(input.user),
    container: { type: 'view', view_id: input.viewId },
    trigger_id: `trigger-${processTag}-${next()}`,
    team: { id: FAKE_TEAM_ID, domain: 'vouch-test' },
    view: modalAsSlackKeepsIt(input.viewId, input.view, input.values),
    actions: [
      {
        type: input.actionType ?? 'button',
        action_id: input.actionId,
        block_id: 'b1',
        ...(input.value !== undefined ? { value: input.value } : {}),
        action_ts: actionTs(),
      },
    ],
    is_enterprise_install: false,
  };
}

/**
 * Submitting a modal the bot opened: `view` is what views.open received, `values` the inputs' state.
 * @param {{ user: string; view: Record<string, unknown>; values: Record<string, unknown> }} input
 */
export function viewSubmission(input) {
  return {
    type: 'view_submission',
    team: { id: FAKE_TEAM_ID, domain: 'vouch-test' },
    user: { id: input.user, team_id: FAKE_TEAM_ID },
    api_app_id: 'A0VOUCH',
    token: 'legacy',
    trigger_id: `trigger-${processTag}-${next()}`,
    view: modalAsSlackKeepsIt(`V${processTag}${next()}`, input.view, input.values),
    response_urls: [],
    is_enterprise_install: false,
  };
}

/** @param {{ user: string; channel: string; text: string; ts?: string; responseUrl: string }} input */
export function messageShortcut(input) {
  const ts = input.ts ?? messageTs();
  return {
    type: 'message_action',
    callback_id: 'share_as_referral',
    trigger_id: `trigger-${processTag}-${next()}`,
    message_ts: ts,
    response_url: input.responseUrl,
    team: { id: FAKE_TEAM_ID, domain: 'vouch-test' },
    user: { id: input.user, name: input.user.toLowerCase(), team_id: FAKE_TEAM_ID },
    channel: { id: input.channel, name: 'general' },
    message: { type: 'message', user: 'U0POSTER', ts, text: input.text },
    token: 'legacy',
  };
}

/** @param {string} user */
export function appHomeOpened(user) {
  return {
    type: 'app_home_opened',
    user,
    channel: `D${user}`,
    tab: 'home',
    event_ts: `${Date.now() / 1000}`,
  };
}
