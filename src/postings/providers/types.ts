import type { HtmlElement } from '../html/dom.js';
import type { HtmlPage } from '../html/page.js';
import type { PostingIdentity } from '../posting-identity.js';
import type { PostingSource, Salary, WorkplaceType } from '../posting-summary.js';

/** The public JSON endpoint for one posting. */
export interface ApiRequest {
  url: string;
  accept: string;
}

/**
 * What a provider read from a payload, before the summariser fills the rest from the text.
 * Structured fields set here win over guesses from the description.
 */
export interface PostingDraft {
  source: PostingSource;
  /** The posting's own URL when the payload states it (absolute_url, hostedUrl, jobUrl...). */
  url: string | null;
  title: string | null;
  company: string | null;
  /** A board token / URL slug; turned into the company's spelling from the text ("openai" → "OpenAI"). */
  companySlug: string | null;
  locations: string[];
  workplaceType: WorkplaceType | null;
  employmentType: string | null;
  department: string | null;
  /**
   * The board's own level field, as written ("Mid-Senior level", "Entry level", "Associate"): used
   * for seniority when the title names no level.
   */
  statedLevel: string | null;
  /**
   * Minimum years of experience as structured data states it (schema.org `experienceRequirements`
   * with `monthsOfExperience`): used when the description's text states none.
   */
  statedMinYears: number | null;
  salary: Salary | null;
  /**
   * Values from a third party (an aggregator's JSON-LD or badges): used only when the employer's
   * own text says nothing.
   */
  thirdParty: { salary: Salary | null; workplaceType: WorkplaceType | null; employmentType: string | null };
  /** Description HTML fragments (intro, body, closing), in order. */
  descriptionHtml: string[];
  /** Description elements of an already parsed page (no second parse). */
  descriptionElements: HtmlElement[];
  /** Plain-text description when no HTML exists. */
  descriptionText: string | null;
  /** A page's meta description: the summary of last resort. */
  metaDescription: string | null;
  /** Why the details are thin: shown in the summary so users know. */
  limitation: 'linkedin' | 'header-only' | 'no-description' | 'not-a-posting' | null;
  /** The payload says the posting is no longer listed. */
  unlisted: boolean;
}

/** Where a payload came from. */
export interface ParseContext {
  url: string;
  identity: PostingIdentity | null;
}

/** One job board (or generic source). */
export interface Provider {
  readonly id: PostingSource;
  /**
   * This board's URL shapes → one identity (the same job written differently is one posting), or
   * null when the URL is not this board's. Boards added after the first eight keep their URL rule
   * here, next to their payload parsing; `canonical-url.ts` asks each provider after its own rules.
   * The URL has tracking parameters, fragment and credentials already removed.
   */
  identify?(url: URL): PostingIdentity | null;
  /** The public JSON endpoint for this identity, or null when the board has none (or the identity is incomplete). */
  apiRequest(identity: PostingIdentity): ApiRequest | null;
  /** Reads an API payload; null when the payload is not this board's shape. */
  parseJson?(data: unknown, context: ParseContext): PostingDraft | null;
  /**
   * Reads an XML document (a board's public feed, e.g. Personio's `/xml`); null when it is not this
   * board's. XML no provider reads never becomes a card of its raw text.
   */
  parseXml?(xml: string, context: ParseContext): PostingDraft | null;
  /** Reads a hosted page; null when the page is not this board's. */
  parseHtml?(page: HtmlPage, context: ParseContext): PostingDraft | null;
}

/** A draft with nothing known yet. */
export function emptyDraft(source: PostingSource): PostingDraft {
  return {
    source,
    url: null,
    title: null,
    company: null,
    companySlug: null,
    locations: [],
    workplaceType: null,
    employmentType: null,
    department: null,
    statedLevel: null,
    statedMinYears: null,
    salary: null,
    thirdParty: { salary: null, workplaceType: null, employmentType: null },
    descriptionHtml: [],
    descriptionElements: [],
    descriptionText: null,
    metaDescription: null,
    limitation: null,
    unlisted: false,
  };
}

/** The draft of a job its company's board no longer lists (read from the board's list or feed). */
export function unlistedDraft(source: PostingSource, companySlug: string | null): PostingDraft {
  const draft = emptyDraft(source);
  draft.companySlug = companySlug;
  draft.unlisted = true;
  return draft;
}

/** A trimmed, whitespace-collapsed string, or null for anything else / empty. */
export function str(value: unknown, max = 2000): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .slice(0, max);
  return s.length > 0 ? s : null;
}
