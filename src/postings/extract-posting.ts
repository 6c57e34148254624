import { canonicalizeJobUrl } from './canonical-url.js';
import { type SummaryTarget, summarizeDraft } from './description/summarize.js';
import { type HtmlPage, readHtmlPage, safeJsonParse } from './html/page.js';
import type { PostingIdentity } from './posting-identity.js';
import type { PostingSummary } from './posting-summary.js';
import { draftFromJobPosting, findJobPosting } from './providers/json-ld.js';
import { draftFromPlainText, isPlainText } from './providers/plain-text.js';
import { providersToTry } from './providers/registry.js';
import { type ParseContext, type PostingDraft, type Provider, str } from './providers/types.js';

/** What to extract from: the fetched (or saved) bytes and where they came from. */
export interface ExtractInput {
  url: string;
  body: string | Buffer;
  contentType?: string | null;
  identity?: PostingIdentity;
  /** Let an exception inside the extractor propagate (the accuracy eval counts them as crashes). */
  strict?: boolean;
}

/** Bodies beyond this are cut: a posting is never this large, and parsing time stays bounded. */
const MAX_BODY_CHARS = 4 * 1024 * 1024;

/** The identity of a URL, or null when it is not an http(s) URL. Never throws. */
export function identityOf(url: string): PostingIdentity | null {
  try {
    return canonicalizeJobUrl(url);
  } catch {
    return null;
  }
}

/** A card that says nothing beyond the link: every field null or empty. */
export function emptySummary(
  target: SummaryTarget,
  source: PostingSummary['source'] = 'html',
): PostingSummary {
  return {
    url: target.url,
    canonicalUrl: target.canonicalUrl,
    source,
    title: null,
    company: null,
    locations: [],
    workplaceType: null,
    employmentType: null,
    department: null,
    seniority: null,
    visaSponsorship: null,
    salary: null,
    minYearsExperience: null,
    summary: null,
    responsibilities: [],
    requirements: [],
    niceToHave: [],
    benefits: [],
    emphasized: [],
    signals: [],
  };
}

function decodeBody(body: string | Buffer): string | null {
  if (typeof body === 'string') return body.slice(0, MAX_BODY_CHARS);
  const head = body.subarray(0, 4096);
  let control = 0;
  for (const byte of head) if (byte === 0 || (byte < 9 && byte !== 0)) control += 1;
  // Binary (images, PDFs, archives): nothing to read.
  if (control > 8 || (head.length > 0 && control / head.length > 0.01)) return null;
  return body.subarray(0, MAX_BODY_CHARS).toString('utf8');
}

function looksLikeJson(text: string, contentType: string | null | undefined): boolean {
  if (contentType && /json/i.test(contentType)) return true;
  const start = text.trimStart()[0];
  return start === '{' || start === '[';
}

/** The draft of the first provider (the identity's own first) whose parser reads the payload. */
function firstDraft(
  context: ParseContext,
  parse: (provider: Provider) => PostingDraft | null | undefined,
): PostingDraft | null {
  for (const provider of providersToTry(context.identity?.source ?? null)) {
    const draft = parse(provider);
    if (draft) return draft;
  }
  return null;
}

function draftFromJson(data: unknown, context: ParseContext): PostingDraft | null {
  return firstDraft(context, (provider) => provider.parseJson?.(data, context));
}

/** Roots of the feeds job boards publish (RSS, Atom, sitemaps, XML job feeds) without a declaration. */
const XML_ROOT = /^<(?:rss|feed|rdf:rdf|urlset|sitemapindex|source|jobs|positions|workzag-jobs)[\s>]/i;

/**
 * An XML document rather than an HTML page: an XML declaration, or a root element that is not
 * `html` (feeds: `<rss>`, `<feed>`, `<workzag-jobs>`, `<source>`…).
 */
export function looksLikeXml(text: string, contentType: string | null | undefined): boolean {
  if (
    contentType &&
    /\b(?:application|text)\/(?:[\w.+-]+\+)?xml\b/i.test(contentType) &&
    !/xhtml/i.test(contentType)
  )
    return true;
  const head = text.trimStart().slice(0, 512);
  if (/<!doctype html|<html[\s>]/i.test(text.slice(0, 4096))) return false;
  return /^<\?xml\b/i.test(head) || XML_ROOT.test(head);
}

function draftFromXml(xml: string, context: ParseContext): PostingDraft | null {
  return firstDraft(context, (provider) => provider.parseXml?.(xml, context));
}

function draftFromHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
  for (const provider of providersToTry(context.identity?.source ?? null)) {
    if (!provider.parseHtml) continue;
    const draft = provider.parseHtml(page, context);
    if (!draft) continue;
    // A board page without its description (e.g. Lever's apply page) may still carry JSON-LD.
    if (
      draft.descriptionHtml.length === 0 &&
      draft.descriptionElements.length === 0 &&
      !draft.descriptionText
    ) {
      const posting = findJobPosting(page.jsonLd);
      if (posting) {
        const ld = draftFromJobPosting(posting);
        draft.descriptionHtml = ld.descriptionHtml;
        draft.descriptionText = ld.descriptionText;
        draft.title ??= ld.title;
        draft.company ??= ld.company;
        if (draft.locations.length === 0) draft.locations = ld.locations;
        draft.thirdParty = ld.thirdParty;
        if (ld.descriptionHtml.length > 0 || ld.descriptionText) draft.limitation = null;
      }
    }
    // A careers board shell names the company only: no title is better than the board's name.
    if (draft.limitation !== 'not-a-posting') draft.title ??= str(page.meta.get('og:title') ?? page.title);
    draft.metaDescription ??= str(page.meta.get('og:description') ?? page.meta.get('description'));
    return draft;
  }
  return null;
}

/** An extraction with what the loader needs beyond the card. */
export interface Extraction {
  summary: PostingSummary;
  /** The payload says the posting is no longer listed (Ashby `isListed: false`, missing from a board list). */
  unlisted: boolean;
  /** Some provider recognised the payload (false: empty, binary, unrecognised JSON, or a non-posting page). */
  recognised: boolean;
}

function fromDraft(draft: PostingDraft | null, target: SummaryTarget): Extraction {
  if (!draft) return { summary: emptySummary(target), unlisted: false, recognised: false };
  return {
    summary: summarizeDraft(draft, target),
    unlisted: draft.unlisted,
    recognised: draft.limitation !== 'not-a-posting',
  };
}

/** What an answer was when no provider could read a posting from it. */
type Unreadable = 'empty' | 'binary' | 'pdf' | 'json' | 'xml';

const UNREADABLE_WORDS: Record<Unreadable, string> = {
  empty: 'an empty page',
  binary: 'a file that is not a web page (an image or an archive)',
  pdf: 'a PDF document',
  json: 'data (JSON) in a form Vouch does not know',
  xml: 'an XML document in a form Vouch does not know',
};

/**
 * The plain card for an answer no provider understands: every field empty and a summary that says
 * what Vouch could not read. Its raw text is never shown as a title or description.
 */
function unreadable(target: SummaryTarget, what: Unreadable): Extraction {
  const summary = emptySummary(target);
  summary.summary = `Vouch could not read this posting: the link answered with ${UNREADABLE_WORDS[what]}. Open it to see the job.`;
  return { summary, unlisted: false, recognised: false };
}

function extract(input: ExtractInput, target: SummaryTarget, identity: PostingIdentity | null): Extraction {
  const text = decodeBody(input.body);
  if (text === null) {
    const pdf = Buffer.isBuffer(input.body) && input.body.subarray(0, 5).toString('latin1') === '%PDF-';
    return unreadable(target, pdf ? 'pdf' : 'binary');
  }
  if (text.trim().length === 0) return unreadable(target, 'empty');
  const context: ParseContext = { url: input.url, identity };
  if (looksLikeJson(text, input.contentType)) {
    const data = safeJsonParse(text);
    const draft = data === undefined ? null : draftFromJson(data, context);
    // JSON is never a page or plain text: a payload nobody reads is not turned into a card of its text.
    return draft ? fromDraft(draft, target) : unreadable(target, 'json');
  }
  if (looksLikeXml(text, input.contentType)) {
    const draft = draftFromXml(text, context);
    return draft ? fromDraft(draft, target) : unreadable(target, 'xml');
  }
  if (isPlainText(text, input.contentType)) return fromDraft(draftFromPlainText(text), target);
  return fromDraft(draftFromHtml(readHtmlPage(text), context), target);
}

/** {@link extractPosting} plus whether the payload was recognised and says "no longer listed". Never throws. */
export function extractPostingDetailed(input: ExtractInput): Extraction {
  const identity = input.identity ?? identityOf(input.url);
  const target: SummaryTarget = { url: input.url, canonicalUrl: identity?.canonicalUrl ?? input.url };
  if (input.strict) return extract(input, target, identity);
  try {
    return extract(input, target, identity);
  } catch {
    // A bug or a pathological input must not take the caller down: degrade to the bare link.
    return { summary: emptySummary(target), unlisted: false, recognised: false };
  }
}

/**
 * Turns a job board's API payload or a page into a {@link PostingSummary}. Pure: no I/O.
 * Picks the provider by identity, URL and payload shape. Never throws: unreadable input
 * (malformed, empty, binary, huge) gives a card with nulls and empty lists; a page that is not a
 * posting gives plain link-card data (title and meta description).
 */
export function extractPosting(input: ExtractInput): PostingSummary {
  return extractPostingDetailed(input).summary;
}
