// Types of ./fake-job-board.mjs (plain JS, so the benchmark runs the same fake as the tests).
import type { IncomingHttpHeaders } from 'node:http';

export interface JobPage {
  title: string;
  company: string;
  location?: string;
  description?: string;
  salary?: { min: number; max: number; currency: string };
}

export type Route = {
  status: number;
  body: string;
  contentType: string;
  delayMs?: number;
  etag?: string;
  /** More response headers (e.g. Retry-After). */
  headers?: Record<string, string>;
};

export interface FakeJobBoardOptions {
  /** Every response waits this long unless its route says otherwise (a real board's latency); 0 by default. */
  delayMs?: number;
  /**
   * The job page for a path nothing was published at (undefined: 404). Lets a load test share any
   * number of distinct job links without publishing each. Served without an ETag.
   */
  jobAt?: (path: string) => JobPage | undefined;
  /**
   * Asked first for every request (`at`: performance.now() of its arrival): a route to answer with
   * instead (a 429 with Retry-After, a 503…), or undefined to answer as usual.
   */
  intercept?: (path: string, at: number) => Route | undefined;
}

/**
 * A local job board on 127.0.0.1 (allowed by FETCH_ALLOW_PRIVATE_HOSTS in test apps): serves job pages
 * with schema.org JobPosting JSON-LD, can answer slowly, go away (404/410) or serve non-job pages.
 */
export interface FakeJobBoard {
  origin: string;
  /** Publishes a job page at `path` and returns its URL. */
  job(path: string, page: JobPage, options?: { delayMs?: number }): string;
  /** Any response at `path`. */
  route(path: string, route: Route): string;
  /** Makes `path` answer `status` (404, 410, 500...) from now on. */
  remove(path: string, status?: number): void;
  /** Requests received so far (all, or those for `path`). */
  requests(path?: string): Array<{ path: string; headers: IncomingHttpHeaders; at: number }>;
  /** The most requests it was answering at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

export function jobPageHtml(page: JobPage): string;

export function startFakeJobBoard(options?: FakeJobBoardOptions): Promise<FakeJobBoard>;
