// Slack requests as Slack sends them: signed (v0 HMAC-SHA256 of `v0:{timestamp}:{body}`), JSON for
// events, form-encoded for commands and interactivity. Adapted from test/helpers/slack-payloads.ts
// and test/helpers/slack-requests.ts (plain JS: the bench runs on Node 20 without a TS loader).
// @see https://api.slack.com/authentication/verifying-requests-from-slack
import { createHmac } from 'node:crypto';

export const TEAM_ID = 'T0VOUCH01';
export const BOT_USER_ID = 'U0VOUCHBOT';
export const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-bench-0000-vouch';

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};
/** Distinct per process, so the orchestrator and the load process never produce the same ids. */
const prefix = `${process.pid.toString(36)}`;

export function messageTs() {
  return `${1_700_100_000 + next()}.${String(process.pid % 1_000_000).padStart(6, '0')}`;
}

/** The two headers Slack adds to every request. */
export function signedHeaders(body, contentType, secret = SIGNING_SECRET) {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature,
  };
}

/** An Events API delivery of `event`. */
export function eventRequest(event) {
  const body = JSON.stringify({
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A0VOUCH',
    event,
    type: 'event_callback',
    event_id: `Ev${prefix}${Date.now().toString(36).toUpperCase()}${next()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, enterprise_id: null }],
  });
  return { body, contentType: 'application/json' };
}

export function linkShared({ channel, user, urls, ts }) {
  return {
    type: 'link_shared',
    channel,
    is_bot_user_member: true,
    user,
    message_ts: ts ?? messageTs(),
    unfurl_id: `C-${prefix}-${next()}`,
    source: 'conversations_history',
    links: urls.map((url) => ({ domain: new URL(url).hostname, url })),
    event_ts: `${Date.now() / 1000}`,
  };
}

/** A `/vouch` slash command. */
export function commandRequest({ user, text, responseUrl, channel = 'C0GENERAL' }) {
  const body = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    team_domain: 'vouch-bench',
    channel_id: channel,
    channel_name: 'general',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/vouch',
    text,
    api_app_id: 'A0VOUCH',
    response_url: responseUrl,
    trigger_id: `trigger.${prefix}.${next()}`,
  }).toString();
  return { body, contentType: 'application/x-www-form-urlencoded' };
}

function interaction(payload) {
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

/** A button click on a message (card in a channel, or a DM). */
export function blockActionRequest({ user, actionId, value, channel = 'C0GENERAL', ts, responseUrl }) {
  const at = ts ?? messageTs();
  return interaction({
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: 'A0VOUCH',
    token: 'legacy',
    container: { type: 'message', message_ts: at, channel_id: channel, is_ephemeral: false },
    trigger_id: `trigger-${prefix}-${next()}`,
    team: { id: TEAM_ID, domain: 'vouch-bench' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'general' },
    message: { type: 'message', ts: at, text: 'card', blocks: [] },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b1',
        value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  });
}

/** Submitting the "I'm interested" modal for `postingId`, asking `referrer` (a Slack user id). */
export function interestSubmissionRequest({ user, postingId, referrer, note }) {
  return interaction({
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'vouch-bench' },
    user: { id: user, team_id: TEAM_ID },
    api_app_id: 'A0VOUCH',
    token: 'legacy',
    trigger_id: `trigger-${prefix}-${next()}`,
    view: {
      id: `V${prefix}${next()}`,
      team_id: TEAM_ID,
      type: 'modal',
      callback_id: 'interest_submit',
      private_metadata: JSON.stringify({ postingId }),
      blocks: [],
      state: {
        values: {
          interest_note: { note: { type: 'plain_text_input', value: note } },
          interest_referrer: {
            referrer: {
              type: 'static_select',
              selected_option: { value: referrer, text: { type: 'plain_text', text: 'x' } },
            },
          },
          interest_show_name: {
            show_name: { type: 'checkboxes', selected_options: [{ value: 'show_name' }] },
          },
        },
      },
      hash: 'h',
      app_id: 'A0VOUCH',
      bot_id: 'B0VOUCHBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
  });
}
