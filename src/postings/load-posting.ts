import { canonicalizeJobUrl } from './canonical-url.js';
import { emptySummary, extractPostingDetailed } from './extract-posting.js';
import { FetchError, type FetchedResource, type SafeFetch } from './fetched-resource.js';
import type { PostingIdentity } from './posting-identity.js';
import type { PostingSummary } from './posting-summary.js';
import { embeddedBoardIdentityOfBody } from './providers/embedded-board.js';
import { providerForSource } from './providers/registry.js';
import { retryAfterMs } from './retry-after.js';

/** What a load produced: the card and what the job board said. */
export interface LoadResult {
  summary: PostingSummary;
  /**
   * ok: a card was read. closed: the board says the posting is gone (404/410, delisted).
   * not_modified: the validators still match (304); keep the cached card. failed: nothing could be
   * read (refused, timed out, server error); `summary` is a fallback with only the URLs.
   */
  status: 'ok' | 'closed' | 'not_modified' | 'failed';
  httpStatus?: number;
  etag?: string;
  lastModified?: string;
  /** Why a load failed or the posting counts as closed: one line for users and logs. */
  reason?: string;
  /** A failed load's Retry-After (429/503), in milliseconds: how long the board asks to be left alone. */
  retryAfterMs?: number;
}

/** Validators of the cached copy, for conditional revalidation. */
export interface LoadOptions {
  etag?: string | null;
  lastModified?: string | null;
  signal?: AbortSignal;
}

export interface PostingLoader {
  load(url: string, options?: LoadOptions): Promise<LoadResult>;
}

/** The slice of a pino logger the loader uses. */
export interface PostingLoaderLogger {
  debug(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface PostingLoaderDeps {
  fetch: SafeFetch;
  logger: PostingLoaderLogger;
}

const PAGE_ACCEPT =
  'text/html,application/xhtml+xml,application/ld+json;q=0.9,application/json;q=0.8,*/*;q=0.1';

function conditionalHeaders(options: LoadOptions | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options?.etag) headers['if-none-match'] = options.etag;
  if (options?.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

function validators(resource: FetchedResource): Pick<LoadResult, 'etag' | 'lastModified'> {
  const out: Pick<LoadResult, 'etag' | 'lastModified'> = {};
  if (resource.headers.etag) out.etag = resource.headers.etag;
  if (resource.headers['last-modified']) out.lastModified = resource.headers['last-modified'];
  return out;
}

function reasonOf(error: unknown): string {
  if (error instanceof FetchError) return error.message;
  return error instanceof Error ? error.message : 'the job board could not be read';
}

/**
 * Loads a job link into a card: canonicalises it, asks the board's public JSON API when it has
 * one, else (or when the API cannot answer) fetches the page. 404/410 and "not listed" payloads
 * mean closed; refusals and timeouts mean failed, with a fallback card. Supports conditional
 * revalidation (If-None-Match / If-Modified-Since → 'not_modified' on 304).
 */
export function createPostingLoader(deps: PostingLoaderDeps): PostingLoader {
  const { fetch, logger } = deps;

  function interpret(
    url: string,
    identity: PostingIdentity,
    resource: FetchedResource,
    via: 'api' | 'page',
  ): LoadResult | null {
    const meta = { httpStatus: resource.status, ...validators(resource) };
    const fallback = emptySummary({ url, canonicalUrl: identity.canonicalUrl });
    if (resource.status === 304) return { summary: fallback, status: 'not_modified', ...meta };
    if (resource.status === 404 || resource.status === 410) {
      return {
        summary: fallback,
        status: 'closed',
        ...meta,
        reason: `the job board answered ${resource.status}: the posting is gone`,
      };
    }
    if (resource.status < 200 || resource.status >= 300) return null;
    const extraction = extractPostingDetailed({
      url,
      body: resource.body,
      contentType: resource.contentType,
      identity,
    });
    if (extraction.unlisted) {
      return {
        summary: extraction.summary,
        status: 'closed',
        ...meta,
        reason: 'the job board no longer lists this posting',
      };
    }
    // An API answer nobody recognises is no card: let the page have a go.
    if (via === 'api' && !extraction.recognised) return null;
    return { summary: extraction.summary, status: 'ok', ...meta };
  }

  function isThin(summary: PostingSummary): boolean {
    return summary.responsibilities.length === 0 && summary.requirements.length === 0;
  }

  /**
   * A company's own career page that embeds a board (Greenhouse's `grnhse_app`, an Ashby or Lever
   * embed…) carries no posting itself: the board it names is asked for the job, as a direct board
   * link would be. Null when the page names no board or the board's answer gives no card.
   */
  async function fromEmbeddedBoard(
    url: string,
    identity: PostingIdentity,
    pageUrl: string,
    page: FetchedResource,
    headers: Record<string, string>,
    signal: AbortSignal | undefined,
  ): Promise<LoadResult | null> {
    if (page.status < 200 || page.status >= 300) return null;
    const embedded = embeddedBoardIdentityOfBody(page.body, pageUrl);
    const api = embedded ? (providerForSource(embedded.source)?.apiRequest(embedded) ?? null) : null;
    if (!embedded || !api) return null;
    try {
      const resource = await fetch(api.url, { accept: api.accept, headers, ...(signal ? { signal } : {}) });
      const result = interpret(url, embedded, resource, 'api');
      if (result?.status !== 'ok') return null;
      logger.debug(
        { url, board: embedded.source, api: api.url },
        'read the job from the board the page embeds',
      );
      return { ...result, summary: { ...result.summary, canonicalUrl: identity.canonicalUrl } };
    } catch (error) {
      logger.debug({ url, api: api.url, reason: reasonOf(error) }, 'embedded job board could not be read');
      return null;
    }
  }

  return {
    async load(url: string, options?: LoadOptions): Promise<LoadResult> {
      let identity: PostingIdentity;
      try {
        identity = canonicalizeJobUrl(url);
      } catch (error) {
        return {
          summary: emptySummary({ url, canonicalUrl: url }),
          status: 'failed',
          reason: reasonOf(error),
        };
      }
      const headers = conditionalHeaders(options);
      const signal = options?.signal;
      const api = providerForSource(identity.source)?.apiRequest(identity) ?? null;
      if (api) {
        try {
          const resource = await fetch(api.url, {
            accept: api.accept,
            headers,
            ...(signal ? { signal } : {}),
          });
          const result = interpret(url, identity, resource, 'api');
          if (result) return result;
          logger.debug(
            { url, api: api.url, status: resource.status },
            'job board API gave no card; reading the page',
          );
        } catch (error) {
          logger.debug(
            { url, api: api.url, reason: reasonOf(error) },
            'job board API failed; reading the page',
          );
        }
      }
      const pageUrl = identity.source === 'other' ? url : identity.canonicalUrl;
      try {
        const resource = await fetch(pageUrl, {
          accept: PAGE_ACCEPT,
          headers,
          ...(signal ? { signal } : {}),
        });
        const result = interpret(url, identity, resource, 'page');
        // Only a page that says little itself is worth the board's answer (an embed shell).
        if (result && !api && isThin(result.summary)) {
          const embedded = await fromEmbeddedBoard(url, identity, pageUrl, resource, headers, signal);
          if (embedded) return embedded;
        }
        if (result) return result;
        const retryAfter = retryAfterMs(resource.headers['retry-after'], Date.now());
        return {
          summary: emptySummary({ url, canonicalUrl: identity.canonicalUrl }),
          status: 'failed',
          httpStatus: resource.status,
          reason: `the page answered HTTP ${resource.status}`,
          ...(retryAfter !== null ? { retryAfterMs: retryAfter } : {}),
        };
      } catch (error) {
        logger.warn({ url, reason: reasonOf(error) }, 'job link could not be fetched');
        return {
          summary: emptySummary({ url, canonicalUrl: identity.canonicalUrl }),
          status: 'failed',
          reason: reasonOf(error),
        };
      }
    },
  };
}

/**
 * The host a load of `url` asks first: the board's API host when it has one, else the page's. What
 * the liveness sweep paces per host; "invalid" for a link that is no URL (its load fails at once).
 */
export function fetchHostOf(url: string): string {
  try {
    const identity = canonicalizeJobUrl(url);
    const api = providerForSource(identity.source)?.apiRequest(identity) ?? null;
    return new URL(api?.url ?? (identity.source === 'other' ? url : identity.canonicalUrl)).host;
  } catch {
    return 'invalid';
  }
}
