import { extractPosting } from '../../src/postings/extract-posting.js';
import type { PostingSummary } from '../../src/postings/posting-summary.js';

/** What a test says of a Greenhouse job; the API's other fields follow from it. */
export interface GreenhouseJobSpec {
  /** The board token in the job's URL; 'acme' unless given. */
  board?: string;
  id: number;
  title: string;
  location: string;
  /** The description as the API sends it: HTML, entity-escaped or not. */
  content: string;
  /** `company_name`, left out unless given. */
  companyName?: string;
}

/** The job's page on Greenhouse's hosted board. */
export function greenhouseJobUrl(job: Pick<GreenhouseJobSpec, 'board' | 'id'>): string {
  return `https://job-boards.greenhouse.io/${job.board ?? 'acme'}/jobs/${job.id}`;
}

/**
 * The job as Greenhouse's job board API answers `GET /v1/boards/{board}/jobs/{id}?content=true`,
 * with the fields Vouch reads.
 */
export function greenhouseJob(job: GreenhouseJobSpec): Record<string, unknown> {
  return {
    id: job.id,
    title: job.title,
    absolute_url: greenhouseJobUrl(job),
    ...(job.companyName !== undefined ? { company_name: job.companyName } : {}),
    location: { name: job.location },
    content: job.content,
  };
}

/** The card Vouch makes of that API answer, fetched for the job's own URL. */
export function extractGreenhouseJob(job: GreenhouseJobSpec): PostingSummary {
  return extractPosting({ url: greenhouseJobUrl(job), body: JSON.stringify(greenhouseJob(job)) });
}
