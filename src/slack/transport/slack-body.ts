import { parse as parseForm } from 'node:querystring';

/**
 * A Slack request's body, parsed as Bolt parses it (`HTTPModuleFunctions.parseHTTPRequestBody`):
 * a form's `payload` field holds an interaction's JSON, a form without one is a slash command, and
 * anything else is JSON (events). Here without Bolt, for the acceptor thread. Throws on text that is
 * not what its content type says.
 */
export function parseSlackBody(text: string, contentType: string | undefined): unknown {
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = parseForm(text);
    return typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
  }
  return JSON.parse(text);
}

/** Slack's retry headers (`X-Slack-Retry-Num`, `X-Slack-Retry-Reason`), as Bolt reads them. */
export function slackRetryOf(headers: Record<string, string | string[] | undefined>): {
  retryNum?: number;
  retryReason?: string;
} {
  const num = headers['x-slack-retry-num'];
  const reason = headers['x-slack-retry-reason'];
  const retryNum = typeof num === 'string' ? Number.parseInt(num, 10) : undefined;
  return {
    ...(retryNum !== undefined && !Number.isNaN(retryNum) ? { retryNum } : {}),
    ...(typeof reason === 'string' ? { retryReason: reason } : {}),
  };
}
