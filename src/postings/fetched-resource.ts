/** What a fetch of a user-supplied URL returns: any HTTP status, the body capped and decompressed. */
export interface FetchedResource {
  /** URL after redirects. */
  url: string;
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Media type without parameters, lower-cased (e.g. `text/html`), or null. */
  contentType: string | null;
  body: Buffer;
}

export interface FetchOptions {
  /** Accept header; defaults to HTML and JSON. */
  accept?: string;
  /** Extra request headers, e.g. If-None-Match / If-Modified-Since for revalidation. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Fetches a URL safely (see safe-fetch.ts); rejects with a FetchError, resolves for any HTTP status. */
export type SafeFetch = (url: string, options?: FetchOptions) => Promise<FetchedResource>;

export type FetchErrorCode =
  | 'invalid_url'
  | 'unsupported_protocol'
  | 'forbidden_port'
  | 'forbidden_address'
  | 'dns_failure'
  | 'too_many_redirects'
  | 'timeout'
  | 'too_large'
  | 'unsupported_content_type'
  | 'network';

/** A fetch that was refused or failed; `message` is one clear line for users and logs. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
