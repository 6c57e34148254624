import { emptyDraft, type PostingDraft, str } from './types.js';

/** Markup that makes a body a page rather than text someone copied out of one. */
const MARKUP =
  /<(?:!doctype|html|head|body|div|p|br|span|ul|ol|li|h[1-6]|meta|title|script|table|section|article|main|a)\b[^>]*>/i;

/** A whole HTML document, whatever the server called it. */
const DOCUMENT = /^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html)\b/i;

/**
 * A body is plain text when the server says so (unless it is a whole HTML document all the same), or
 * when nobody says and it carries no markup.
 */
export function isPlainText(text: string, contentType: string | null | undefined): boolean {
  if (contentType) return /^\s*text\/plain\b/i.test(contentType) && !DOCUMENT.test(text);
  return !MARKUP.test(text.slice(0, 100_000));
}

/** "Acme · Berlin, Germany · Platform" or "Acme | Remote": the facts line job pages put under a title. */
const FACT_SEPARATOR = /\s+[·•|]\s+/;
const PLACE = /^(?:[Rr]emote\b.*|[A-Z][\p{L}.' -]+,\s*[A-Z][\p{L}.' -]+(?:,\s*[A-Z][\p{L}.' -]+)?)$/u;
/** Comma lists that are not places: "Full-time, Permanent", "Senior, Individual contributor". */
const NOT_PLACE =
  /\b(?:time|permanent|contract|temporary|freelance|intern(?:ship)?|senior|junior|level|contributor)\b/i;

/** Parts of a facts line that are about the job's terms, not a team: "Remote", "Full-time", "Hybrid". */
const TERMS =
  /\b(?:remote|hybrid|on-?site|office|time|permanent|contract|temporary|freelance|intern(?:ship)?|level|contributor)\b/i;

/**
 * Company, places and team from the line under the title when it is such a facts line: the first
 * part is the company (a doubled name, as a logo's alt text leaves it, counts once), parts that read
 * as a place ("San Francisco, CA", "Remote") are the locations, and the last other part after the
 * places is the team ("Acme · Consumer · Berlin, Germany · Core Engineering" → Core Engineering, the
 * card's "company · location · team"). Null when the line is anything else.
 */
function factsUnderTitle(
  line: string | undefined,
): { company: string; locations: string[]; team: string | null } | null {
  const text = str(line ?? '', 300);
  if (text === null) return null;
  const parts = text.split(FACT_SEPARATOR).map((part) => part.trim());
  if (parts.length < 2 || parts.length > 6 || parts.some((part) => part.length === 0 || part.length > 60))
    return null;
  const isPlace = (part: string): boolean => PLACE.test(part) && !NOT_PLACE.test(part);
  const locations = parts.slice(1).filter(isPlace);
  if (locations.length === 0) return null;
  const [first = ''] = parts;
  const doubled = /^(.+?) \1$/.exec(first);
  const lastPlace = parts.findLastIndex((part, i) => i > 0 && isPlace(part));
  const team =
    parts.slice(lastPlace + 1).findLast((part) => !TERMS.test(part) && /\p{Lu}/u.test(part)) ?? null;
  return { company: doubled?.[1] ?? first, locations, team };
}

/**
 * A posting copied out of a page as text (`vouch preview posting.txt`, a text/plain answer): the
 * first line is the title when it reads like one and more follows; a facts line under it gives the
 * company and places; the rest is the description, whose headings ("What you'll do", "Required",
 * "Nice to have") and bullets the summariser reads as usual.
 */
export function draftFromPlainText(text: string): PostingDraft {
  const draft = emptyDraft('html');
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim().length > 0);
  const head = str(lines[first] ?? '');
  const rest = lines.slice(first + 1);
  const isTitle =
    head !== null &&
    head.length <= 150 &&
    !/[.!?:;,]$/.test(head) &&
    rest.some((line) => line.trim().length > 0);
  draft.title = isTitle ? head : null;
  if (!isTitle) {
    draft.descriptionText = lines.join('\n');
    return draft;
  }
  const next = rest.findIndex((line) => line.trim().length > 0);
  const facts = factsUnderTitle(rest[next]);
  if (facts !== null) {
    draft.company = facts.company;
    draft.locations = facts.locations;
    draft.department = facts.team;
  }
  draft.descriptionText = (facts === null ? rest : rest.slice(next + 1)).join('\n');
  return draft;
}
