// The bench's Slack requests: the tests' payloads (test/helpers/slack-payloads.mjs) signed with the
// bench's signing secret and encoded as Slack sends them: JSON for events, form-encoded for commands
// and interactivity.
// @see https://api.slack.com/authentication/verifying-requests-from-slack
import {
  blockAction,
  eventEnvelope,
  signSlackRequest,
  slashCommand,
  viewSubmission,
} from '../../test/helpers/slack-payloads.mjs';

export const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-bench-0000-vouch';

/** The two headers Slack adds to every request (and the content headers). */
export function signedHeaders(body, contentType, secret = SIGNING_SECRET) {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signSlackRequest(secret, timestamp, body),
  };
}

/** An Events API delivery of `event`. */
export function eventRequest(event) {
  return { body: JSON.stringify(eventEnvelope(event)), contentType: 'application/json' };
}

/** A `/vouch` slash command. */
export function commandRequest({ user, text, responseUrl, channel = 'C0GENERAL' }) {
  const body = new URLSearchParams(
    slashCommand({
      channel_id: channel,
      user_id: user,
      user_name: user.toLowerCase(),
      text,
      response_url: responseUrl,
    }),
  ).toString();
  return { body, contentType: 'application/x-www-form-urlencoded' };
}

function interaction(payload) {
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

/** A button click on a message (card in a channel, or a DM). */
export function blockActionRequest({ user, actionId, value, channel, ts, responseUrl }) {
  return interaction(blockAction({ user, actionId, value, channel, messageTs: ts, responseUrl }));
}

/** Submitting the "I'm interested" modal for `postingId`, asking `referrer` (a Slack user id). */
export function interestSubmissionRequest({ user, postingId, referrer, note }) {
  return interaction(
    viewSubmission({
      user,
      view: { callback_id: 'interest_submit', private_metadata: JSON.stringify({ postingId }) },
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
    }),
  );
}
