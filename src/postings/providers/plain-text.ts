import { emptyDraft, type PostingDraft, str } from './types.js';

/** Markup that makes a body a page rather than text someone copied out of one. */
const MARKUP =
  /<(?:!doctype|html|head|body|div|p|br|span|ul|ol|li|h[1-6]|meta|title|script|table|section|article|main|a)\b[^>]*>/i;

/** A body is plain text when it says so, or when it says nothing and carries no markup. */
export function isPlainText(text: string, contentType: string | null | undefined): boolean {
  if (contentType) return /^\s*text\/plain\b/i.test(contentType);
  return !MARKUP.test(text.slice(0, 100_000));
}

/**
 * A posting copied out of a page as text (`vouch preview posting.txt`, a text/plain answer): the
 * first line is the title when it reads like one and more follows, the rest is the description, whose headings
 * ("What you'll do", "Required", "Nice to have") and bullets the summariser reads as usual.
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
  draft.descriptionText = (isTitle ? rest : lines).join('\n');
  return draft;
}
