import { ackRefusal } from './block-kit-rules.mjs';
import { eventEnvelope, signSlackRequest, slashCommand } from './slack-payloads.mjs';

export { signSlackRequest };

export interface SlackResponse {
  status: number;
  text: string;
  json: unknown;
  headers: Headers;
  elapsedMs: number;
}

export interface SendOptions {
  /** Seconds since epoch used in the signature; defaults to now. */
  timestamp?: number;
  /** X-Slack-Retry-Num for re-deliveries. */
  retryNum?: number;
  retryReason?: string;
  /** Sign with this secret instead of the app's (to test rejection). */
  signingSecret?: string;
  unsigned?: boolean;
}

/**
 * Sends requests to the running app exactly as Slack does: signed with the signing secret
 * (v0 HMAC-SHA256 of `v0:{timestamp}:{body}`), JSON for events, form-encoded for commands and
 * interactivity. An answer with Block Kit Slack would refuse (a view in `response_action`, a
 * command's message) throws, as the fake Slack API refuses such calls (block-kit-rules.mjs).
 * @see https://api.slack.com/authentication/verifying-requests-from-slack
 */
export interface SlackRequester {
  raw(body: string, contentType: string, options?: SendOptions): Promise<SlackResponse>;
  event(envelope: Record<string, unknown>, options?: SendOptions): Promise<SlackResponse>;
  /** Wraps an inner event in an event_callback envelope with a fresh event_id unless given. */
  eventCallback(
    event: Record<string, unknown>,
    options?: SendOptions & { eventId?: string; teamId?: string },
  ): Promise<SlackResponse & { eventId: string }>;
  command(fields: Record<string, string>, options?: SendOptions): Promise<SlackResponse>;
  interaction(payload: Record<string, unknown>, options?: SendOptions): Promise<SlackResponse>;
}

let responseUrlCounter = 0;

export function createSlackRequester(
  baseUrl: string,
  signingSecret: string,
  /** Where response_url points: the fake Slack API's, never the real hooks.slack.com. */
  responseUrl: (id: string) => string,
): SlackRequester {
  const endpoint = `${baseUrl.replace(/\/$/, '')}/slack/events`;
  const raw: SlackRequester['raw'] = async (body, contentType, options = {}) => {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { 'content-type': contentType };
    if (!options.unsigned) {
      headers['x-slack-request-timestamp'] = String(timestamp);
      headers['x-slack-signature'] = signSlackRequest(
        options.signingSecret ?? signingSecret,
        timestamp,
        body,
      );
    }
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = options.retryReason ?? 'http_timeout';
    }
    const started = performance.now();
    const response = await fetch(endpoint, { method: 'POST', headers, body });
    const text = await response.text();
    const elapsedMs = performance.now() - started;
    let json: unknown;
    try {
      json = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const refused = ackRefusal(json);
    if (refused.length > 0) {
      throw new Error(
        `Slack would have refused the app's answer:\n${refused.join('\n')}\n${text.slice(0, 500)}`,
      );
    }
    return { status: response.status, text, json, headers: response.headers, elapsedMs };
  };

  return {
    raw,
    event: (envelope, options) => raw(JSON.stringify(envelope), 'application/json', options),
    async eventCallback(event, options = {}) {
      const envelope = eventEnvelope(event, options);
      const response = await raw(JSON.stringify(envelope), 'application/json', options);
      return { ...response, eventId: envelope.event_id };
    },
    command: (fields, options) =>
      raw(
        new URLSearchParams(
          slashCommand({
            response_url: responseUrl(`command-${Date.now()}-${responseUrlCounter++}`),
            ...fields,
          }),
        ).toString(),
        'application/x-www-form-urlencoded',
        options,
      ),
    interaction: (payload, options) =>
      raw(
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        'application/x-www-form-urlencoded',
        options,
      ),
  };
}
