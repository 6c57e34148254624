import { FORMER_MEMBER_SLACK_ID } from '../../privacy/former-member.js';
import { cleanText } from '../../text/clean-text.js';
import { isSlackUserId, slackChannelIdSchema } from '../slack-ids.js';

/**
 * Building mrkdwn from text Vouch did not write, safely: the one escaping path. Slack parses `<…>`
 * as links, mentions and `<!channel>`, and `&` as an escape: anything from a job page, a member or
 * a payload goes through `escapeMrkdwn` (or `link` / `quote`, which use it) so it cannot ping a
 * channel or fake a link; the only `<…>` in Vouch's mrkdwn are the ones built here, `mention` from
 * an id of Slack's shape and `link` from an http(s) URL. Plain text needs no escaping (Slack shows
 * it as is); `plainText` in block-kit.ts cleans and cuts it.
 *
 * @see https://docs.slack.dev/messaging/formatting-message-text#escaping
 */

/**
 * Escapes the three characters Slack treats as control characters in mrkdwn, and drops control
 * characters (text stored before they were removed at the edge still shows clean).
 */
export function escapeMrkdwn(text: string): string {
  return cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<@U123>` for an id of Slack's shape (`slack-ids.ts`); anything else is shown inert. */
export function mention(userId: string): string {
  if (userId === FORMER_MEMBER_SLACK_ID) return '_a former member_';
  return isSlackUserId(userId) ? `<@${userId}>` : escapeMrkdwn(`@${userId}`);
}

/**
 * " in <#C…>" for the channel (public or private) where something happened, for Slack to render as
 * its name; empty for a DM (`D…`: naming it tells nothing) or anything not shaped like a channel.
 */
export function inChannel(channelId: string | null): string {
  return channelId !== null && !channelId.startsWith('D') && slackChannelIdSchema.safeParse(channelId).success
    ? ` in <#${channelId}>`
    : '';
}

/**
 * The first `max` of `items`, comma-joined, each drawn by `draw`, with "and N more" for the rest:
 * `total` when `items` holds only the first of them (a card's lists are cut in SQL).
 */
export function joinWithMore<T>(
  items: readonly T[],
  draw: (item: T) => string,
  max: number,
  total = items.length,
): string {
  const shown = items.slice(0, max).map(draw);
  const rest = Math.max(total, items.length) - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** Mentions, comma-joined, with "and N more" past `max` (`total`: see `joinWithMore`). */
export function mentionList(userIds: readonly string[], max = 10, total = userIds.length): string {
  return joinWithMore(userIds, mention, max, total);
}

/** The URL if it is an absolute http(s) URL Slack will accept in a link or url button. */
export function safeHttpUrl(url: string | null | undefined, maxLength = 3000): string | null {
  if (!url || url.length > maxLength) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * `<url|label>` with the label escaped (a `|` would end the URL part early, so it becomes `¦`).
 * A URL that is not http(s) is not linked: the label is shown as plain text.
 */
export function link(url: string | null | undefined, label: string): string {
  const safeLabel = escapeMrkdwn(label.replace(/\|/g, '¦'));
  const safeUrl = safeHttpUrl(url);
  if (!safeUrl) return safeLabel;
  // `<` and `>` are never raw in a parsed URL's href, but `|` is (`https://x/a|Verify account`
  // would end the URL early and put its own words in the label): encoded, it opens the same page.
  // `&` must be escaped like any text.
  return `<${escapeMrkdwn(safeUrl.replace(/\|/g, '%7C'))}|${safeLabel}>`;
}

/** User text as a block quote (every line prefixed), escaped. */
export function quote(text: string): string {
  return escapeMrkdwn(text.trim())
    .split(/\r?\n/)
    .map((line) => `>${line}`)
    .join('\n');
}

/** "1 day" / "3 days". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
