import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { normalizeWorkplace } from '../description/workplace.js';
import { isRecord } from '../html/page.js';
import type { PostingIdentity } from '../posting-identity.js';
import { formatAddress, statedSalary, uniqueStrings } from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str } from './types.js';

const locationSchema = z
  .object({
    country: z.unknown().optional(),
    countryCode: z.unknown().optional(),
    country_code: z.unknown().optional(),
    city: z.unknown().optional(),
    region: z.unknown().optional(),
    state: z.unknown().optional(),
    telecommuting: z.unknown().optional(),
    workplace_type: z.unknown().optional(),
  })
  .passthrough();

/** A Workable job: widget API entry (`employment_type`, `telecommuting`) or job-details shape (`type`, `workplace`). */
const jobSchema = z
  .object({
    title: z.string(),
    full_title: z.unknown().optional(),
    shortcode: z.unknown().optional(),
    url: z.unknown().optional(),
    shortlink: z.unknown().optional(),
    application_url: z.unknown().optional(),
    department: z.unknown().optional(),
    experience: z.unknown().optional(),
    employment_type: z.unknown().optional(),
    type: z.unknown().optional(),
    telecommuting: z.unknown().optional(),
    remote: z.unknown().optional(),
    workplace: z.unknown().optional(),
    workplace_type: z.unknown().optional(),
    country: z.unknown().optional(),
    city: z.unknown().optional(),
    state: z.unknown().optional(),
    location: locationSchema.nullish(),
    locations: z.array(locationSchema).nullish(),
    description: z.string().nullish(),
    requirements: z.string().nullish(),
    benefits: z.string().nullish(),
    full_description: z.string().nullish(),
    salary: z
      .object({
        salary_from: z.unknown(),
        salary_to: z.unknown(),
        salary_currency: z.unknown(),
        salary_period: z.unknown(),
      })
      .partial()
      .nullish(),
    state_name: z.unknown().optional(),
  })
  .passthrough();
type WorkableJob = z.infer<typeof jobSchema>;

function placeOf(l: z.infer<typeof locationSchema> | null | undefined): string | null {
  if (!l) return null;
  return formatAddress({
    addressLocality: l.city,
    addressRegion: l.region ?? l.state,
    addressCountry: l.country,
  });
}

function draftFromJob(job: WorkableJob, companyName: string | null, account: string | null): PostingDraft {
  const draft = emptyDraft('workable');
  draft.title = str(job.title);
  draft.company = companyName;
  draft.companySlug = account;
  draft.url = str(job.url) ?? str(job.shortlink);
  draft.locations = uniqueStrings([
    ...(job.locations ?? []).map(placeOf),
    placeOf(job.location) ??
      formatAddress({ addressLocality: job.city, addressRegion: job.state, addressCountry: job.country }),
  ]);
  draft.department = Array.isArray(job.department) ? str(job.department[0]) : str(job.department);
  draft.statedLevel = str(job.experience);
  draft.employmentType = normalizeEmploymentType(
    job.employment_type ?? (job.type === 'full' ? 'full-time' : job.type),
  );
  draft.workplaceType =
    normalizeWorkplace(job.workplace ?? job.workplace_type ?? job.location?.workplace_type) ??
    (job.telecommuting === true || job.remote === true || job.location?.telecommuting === true
      ? 'remote'
      : null);
  if (job.salary) {
    draft.salary = statedSalary(
      job.salary.salary_from,
      job.salary.salary_to,
      job.salary.salary_currency,
      job.salary.salary_period,
    );
  }
  const parts = [
    job.full_description ?? job.description,
    job.requirements && `<h3>Requirements</h3>${job.requirements}`,
    job.benefits && `<h3>Benefits</h3>${job.benefits}`,
  ];
  draft.descriptionHtml = parts.filter((p): p is string => typeof p === 'string' && p.length > 0);
  if (draft.descriptionHtml.length === 0) draft.limitation = 'no-description';
  if (job.state_name === 'archived' || job.state_name === 'closed') draft.unlisted = true;
  return draft;
}

/**
 * Workable: the public account widget API (`{ name, jobs: [...] }`, `?details=true` adds
 * descriptions; pick the job by shortcode) and the job-details shape (`description`,
 * `requirements`, `benefits`, `workplace`).
 * @see https://help.workable.com/hc/en-us/articles/115012771647
 */
export const workableProvider: Provider = {
  id: 'workable',
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'workable' || !identity.tenant) return null;
    return {
      url: `https://www.workable.com/api/accounts/${encodeURIComponent(identity.tenant)}?details=true`,
      accept: 'application/json',
    };
  },
  parseJson(data: unknown, context: ParseContext): PostingDraft | null {
    if (!isRecord(data)) return null;
    const account = context.identity?.source === 'workable' ? context.identity.tenant : null;
    if (Array.isArray(data.jobs)) {
      const jobs = data.jobs
        .slice(0, 5000)
        .filter((j) => isRecord(j) && typeof j.title === 'string' && 'shortcode' in j);
      if (jobs.length === 0) return null;
      const wanted = context.identity?.jobId ?? null;
      const match = wanted
        ? jobs.find((j) => isRecord(j) && String(j.shortcode).toLowerCase() === wanted.toLowerCase())
        : jobs[0];
      if (!match) {
        const draft = emptyDraft('workable');
        draft.unlisted = true;
        return draft;
      }
      const parsed = jobSchema.safeParse(match);
      return parsed.success ? draftFromJob(parsed.data, str(data.name), account) : null;
    }
    if (typeof data.title !== 'string' || !('shortcode' in data)) return null;
    const parsed = jobSchema.safeParse(data);
    return parsed.success ? draftFromJob(parsed.data, null, account) : null;
  },
};
