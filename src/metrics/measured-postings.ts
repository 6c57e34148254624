import { canonicalizeJobUrl } from '../postings/canonical-url.js';
import { FetchError, type SafeFetch } from '../postings/fetched-resource.js';
import type { PostingLoader } from '../postings/load-posting.js';
import type { Metrics } from './metrics.js';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return 'invalid';
  }
}

/** The safe fetch, counting each fetch by the link's host and how it ended. */
export function measuredFetch(fetch: SafeFetch, metrics: Pick<Metrics, 'fetch'>): SafeFetch {
  return async (url, options) => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const resource = await fetch(url, options);
      metrics.fetch(hostOf(url), `http_${Math.floor(resource.status / 100)}xx`, seconds());
      return resource;
    } catch (error) {
      metrics.fetch(hostOf(url), error instanceof FetchError ? error.code : 'error', seconds());
      throw error;
    }
  };
}

/** The posting loader, counting each card read by its source (the job board) and result. */
export function measuredLoader(loader: PostingLoader, metrics: Pick<Metrics, 'card'>): PostingLoader {
  return {
    async load(url, options) {
      const result = await loader.load(url, options);
      let source: string;
      try {
        source = canonicalizeJobUrl(url).source;
      } catch {
        source = 'invalid';
      }
      metrics.card(source, result.status);
      return result;
    },
  };
}
