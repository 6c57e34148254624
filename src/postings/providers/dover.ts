import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { normalizeWorkplace } from '../description/workplace.js';
import { isRecord } from '../html/page.js';
import { type PostingIdentity, postingIdentity } from '../posting-identity.js';
import type { WorkplaceType } from '../posting-summary.js';
import { formatAddress, statedSalary, uniqueStrings } from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str } from './types.js';

const DOVER_HOST = 'app.dover.com';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const locationSchema = z
  .object({
    location_type: z.unknown().optional(),
    name: z.unknown().optional(),
    location_option: z
      .object({
        display_name: z.unknown().optional(),
        city: z.unknown().optional(),
        state: z.unknown().optional(),
        country: z.unknown().optional(),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();

/** A job of the inbound application-portal API, or an entry of a careers page's job list. */
const jobSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    client_name: z.unknown().optional(),
    user_provided_description: z.unknown().optional(),
    location: z.unknown().optional(),
    locations: z.array(locationSchema).nullish(),
    workplace_type: z.unknown().optional(),
    is_published: z.unknown().optional(),
    active: z.unknown().optional(),
    compensation: z
      .object({
        lower_bound: z.unknown().optional(),
        upper_bound: z.unknown().optional(),
        currency_code: z.unknown().optional(),
        salary_range_type: z.unknown().optional(),
        employment_type: z.unknown().optional(),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();
type DoverJob = z.infer<typeof jobSchema>;

/** Dover's records: a UUID id, a title, and Dover's own location or description fields. */
function looksLikeDoverJob(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    UUID.test(value.id) &&
    typeof value.title === 'string' &&
    ('user_provided_description' in value ||
      'client_name' in value ||
      (Array.isArray(value.locations) && 'is_published' in value))
  );
}

/** Location types say where the work happens: the most flexible one offered wins. */
function workplaceOf(job: DoverJob): WorkplaceType | null {
  const types = (job.locations ?? []).map((l) =>
    normalizeWorkplace(typeof l.location_type === 'string' ? l.location_type.replace(/_/g, '') : null),
  );
  const stated = normalizeWorkplace(job.workplace_type);
  for (const kind of ['remote', 'hybrid', 'onsite'] as const) if (types.includes(kind)) return kind;
  return stated;
}

function locationsOf(job: DoverJob): string[] {
  return uniqueStrings([
    ...(job.locations ?? []).slice(0, 50).map((l) => {
      const option = l.location_option;
      return (
        str(l.name, 200) ??
        str(option?.display_name, 200) ??
        formatAddress({
          addressLocality: option?.city,
          addressRegion: option?.state,
          addressCountry: option?.country,
        })
      );
    }),
    job.locations?.length ? null : str(job.location, 200),
  ]);
}

function draftFromJob(job: DoverJob, tenant: string | null): PostingDraft {
  const draft = emptyDraft('dover');
  draft.title = str(job.title);
  draft.company = str(job.client_name);
  draft.companySlug = tenant;
  draft.locations = locationsOf(job);
  draft.workplaceType = workplaceOf(job);
  const pay = job.compensation;
  if (pay) {
    draft.employmentType = normalizeEmploymentType(pay.employment_type);
    draft.salary = statedSalary(pay.lower_bound, pay.upper_bound, pay.currency_code, pay.salary_range_type);
  }
  const description = str(job.user_provided_description, 2_000_000);
  if (description) draft.descriptionHtml = [description];
  else draft.limitation = 'no-description';
  draft.unlisted = job.is_published === false || job.active === false;
  return draft;
}

/**
 * Dover: the hosted application page `https://app.dover.com/apply/{company}/{jobId}` is a
 * client-rendered app; its data comes from the public, unauthenticated
 * `/api/v1/inbound/application-portal-job/{jobId}` (title, client_name, user_provided_description
 * HTML, locations with location_type, compensation). A careers page's job list
 * (`/api/v1/careers-page/{clientId}/jobs`: id, title, locations, is_published) is read too.
 *
 * Identity: tenant = the company segment of the page URL, lower-case (null from an API URL),
 * jobId = the job UUID; `/jobs/{company}/{jobId}` and the API URL are the same job.
 * @see https://dover.com/ (no public API reference; the shape is the app's own public calls)
 */
export const doverProvider: Provider = {
  id: 'dover',
  identify(url: URL): PostingIdentity | null {
    if (url.hostname !== DOVER_HOST) return null;
    const segs = url.pathname.split('/').filter(Boolean);
    const [first, second, third, fourth, fifth] = segs;
    if ((first === 'apply' || first === 'jobs') && second && third && UUID.test(third)) {
      let company: string;
      try {
        company = decodeURIComponent(second).trim().toLowerCase();
      } catch {
        return null;
      }
      if (!company || company.length > 200) return null;
      const jobId = third.toLowerCase();
      return postingIdentity(
        'dover',
        company,
        jobId,
        `https://${DOVER_HOST}/apply/${encodeURIComponent(company)}/${jobId}`,
      );
    }
    // /api/v1/inbound/application-portal-job/{jobId}
    if (
      first === 'api' &&
      second === 'v1' &&
      third === 'inbound' &&
      fourth === 'application-portal-job' &&
      fifth &&
      UUID.test(fifth)
    ) {
      const jobId = fifth.toLowerCase();
      return postingIdentity(
        'dover',
        null,
        jobId,
        `https://${DOVER_HOST}/api/v1/inbound/application-portal-job/${jobId}`,
      );
    }
    return null;
  },
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'dover' || !identity.jobId || !UUID.test(identity.jobId)) return null;
    return {
      url: `https://${DOVER_HOST}/api/v1/inbound/application-portal-job/${encodeURIComponent(identity.jobId)}`,
      accept: 'application/json',
    };
  },
  parseJson(data: unknown, context: ParseContext): PostingDraft | null {
    const tenant = context.identity?.source === 'dover' ? context.identity.tenant : null;
    const wanted = context.identity?.source === 'dover' ? context.identity.jobId : null;
    const list = Array.isArray(data)
      ? data
      : isRecord(data) && Array.isArray(data.results)
        ? data.results
        : null;
    let candidate: unknown = null;
    if (list) {
      const jobs = list.slice(0, 5000).filter(looksLikeDoverJob);
      if (jobs.length === 0) return null;
      // A board's list without a named job is not one posting: never guess which.
      candidate = wanted
        ? jobs.find((j) => String(j.id).toLowerCase() === wanted)
        : jobs.length === 1
          ? jobs[0]
          : null;
      if (!candidate && !wanted) return null;
      if (!candidate) {
        const draft = emptyDraft('dover');
        draft.companySlug = tenant;
        draft.unlisted = true;
        return draft;
      }
    } else if (looksLikeDoverJob(data)) candidate = data;
    else return null;
    const parsed = jobSchema.safeParse(candidate);
    return parsed.success ? draftFromJob(parsed.data, tenant) : null;
  },
};
