/** Domains registered for unfurls in manifest.json (Slack allows five). A test keeps them in sync. */
export const UNFURL_DOMAINS = [
  'greenhouse.io',
  'lever.co',
  'ashbyhq.com',
  'myworkdayjobs.com',
  'smartrecruiters.com',
] as const;

const MAX_LINKS = 5;
const SLACK_LINK = /<(https?:\/\/[^|>\s]{1,2000})(?:\|[^>]{0,2000})?>/g;
const BARE_LINK = /\bhttps?:\/\/[^\s<>|]{1,2000}/g;

/**
 * The http(s) links of a Slack message, in order, without duplicates (at most five). Slack wraps
 * links as `<url|label>`; pasted text may hold bare URLs.
 */
export function linksInMessage(text: string): string[] {
  const found: string[] = [];
  const add = (raw: string) => {
    const url = raw.replace(/&amp;/g, '&').replace(/[).,;:!?]+$/, '');
    if (!found.includes(url)) found.push(url);
  };
  for (const match of text.matchAll(SLACK_LINK)) add(match[1] as string);
  if (found.length === 0) for (const match of text.matchAll(BARE_LINK)) add(match[0]);
  return found.slice(0, MAX_LINKS);
}

/** Does Slack already send link_shared for this URL (so a thread card would be a duplicate)? */
export function isUnfurlDomain(url: string, domains: readonly string[] = UNFURL_DOMAINS): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
