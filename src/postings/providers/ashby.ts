import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { normalizeWorkplace } from '../description/workplace.js';
import { assignedJson, type HtmlPage, isRecord } from '../html/page.js';
import type { PostingIdentity } from '../posting-identity.js';
import type { Salary } from '../posting-summary.js';
import {
  firstPathSegment,
  formatAddress,
  idFromUrl,
  pageIsOn,
  periodFromUnit,
  salaryOf,
  titledJobs,
  uniqueStrings,
} from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str } from './types.js';

const componentSchema = z
  .object({
    compensationType: z.unknown().optional(),
    interval: z.unknown().optional(),
    currencyCode: z.unknown().optional(),
    minValue: z.unknown().optional(),
    maxValue: z.unknown().optional(),
  })
  .passthrough();

/** One job of the posting-api job board, or the hosted page's `posting` (field names differ a little). */
const jobSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    location: z.unknown().optional(),
    locationName: z.unknown().optional(),
    secondaryLocations: z.array(z.unknown()).nullish(),
    secondaryLocationNames: z.array(z.unknown()).nullish(),
    address: z.unknown().optional(),
    department: z.unknown().optional(),
    departmentName: z.unknown().optional(),
    team: z.unknown().optional(),
    teamName: z.unknown().optional(),
    employmentType: z.unknown().optional(),
    workplaceType: z.unknown().optional(),
    isRemote: z.unknown().optional(),
    isListed: z.boolean().optional(),
    jobUrl: z.unknown().optional(),
    descriptionHtml: z.string().nullish(),
    descriptionPlain: z.string().nullish(),
    descriptionPlainText: z.string().nullish(),
    compensation: z
      .object({ summaryComponents: z.array(componentSchema).nullish() })
      .passthrough()
      .nullish(),
    summaryComponents: z.array(componentSchema).nullish(),
  })
  .passthrough();
type AshbyJob = z.infer<typeof jobSchema>;

function salaryFromComponents(
  components: ReadonlyArray<z.infer<typeof componentSchema>> | null | undefined,
): Salary | null {
  for (const c of components ?? []) {
    if (typeof c.compensationType !== 'string' || !/salary|base/i.test(c.compensationType)) continue;
    const min = typeof c.minValue === 'number' ? c.minValue : null;
    const max = typeof c.maxValue === 'number' ? c.maxValue : null;
    const salary = salaryOf(min, max, c.currencyCode, periodFromUnit(c.interval));
    if (salary) return salary;
  }
  return null;
}

function locationsOf(job: AshbyJob): string[] {
  const postal = isRecord(job.address) ? (job.address.postalAddress ?? job.address) : null;
  const primary = formatAddress(postal) ?? str(job.location) ?? str(job.locationName);
  const secondary = [...(job.secondaryLocations ?? []), ...(job.secondaryLocationNames ?? [])].map((l) =>
    isRecord(l)
      ? (formatAddress(isRecord(l.address) ? (l.address.postalAddress ?? l.address) : null) ??
        str(l.location))
      : str(l),
  );
  return uniqueStrings([primary, ...secondary]);
}

function draftFromJob(job: AshbyJob, organisation: string | null, companyName: string | null): PostingDraft {
  const draft = emptyDraft('ashby');
  draft.url = str(job.jobUrl);
  draft.title = str(job.title);
  draft.company = companyName;
  draft.companySlug = organisation ?? firstPathSegment(str(job.jobUrl));
  draft.locations = locationsOf(job);
  // The team is the narrower, employer-facing grouping ("Strategy and Operations" under "G&A").
  draft.department = str(job.teamName) ?? str(job.team) ?? str(job.departmentName) ?? str(job.department);
  draft.employmentType = normalizeEmploymentType(job.employmentType);
  draft.workplaceType =
    normalizeWorkplace(job.workplaceType) ??
    (job.isRemote === true && job.workplaceType == null ? 'remote' : null);
  draft.salary = salaryFromComponents(job.compensation?.summaryComponents ?? job.summaryComponents);
  if (job.descriptionHtml) draft.descriptionHtml = [job.descriptionHtml];
  else if (job.descriptionPlain ?? job.descriptionPlainText)
    draft.descriptionText = job.descriptionPlain ?? job.descriptionPlainText ?? null;
  else draft.limitation = 'no-description';
  draft.unlisted = job.isListed === false;
  return draft;
}

/**
 * Ashby: the public posting-api job board (`{ jobs: [...] }`, pick the job by id; unlisted jobs
 * are closed) and the hosted page (`window.__appData.posting`, JSON-LD as fallback).
 * @see https://developers.ashbyhq.com/docs/public-job-posting-api
 */
export const ashbyProvider: Provider = {
  id: 'ashby',
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'ashby' || !identity.tenant) return null;
    return {
      url: `https://api.ashbyhq.com/posting-api/job-board/${encodeURIComponent(identity.tenant)}?includeCompensation=true`,
      accept: 'application/json',
    };
  },
  parseJson(data: unknown, context: ParseContext): PostingDraft | null {
    if (!isRecord(data) || !Array.isArray(data.jobs)) return null;
    const jobs = titledJobs(data.jobs, ['jobUrl', 'isListed', 'descriptionPlain']);
    if (jobs.length === 0) return null;
    const wanted = context.identity?.jobId ?? idFromUrl(context.url);
    const organisation = context.identity?.source === 'ashby' ? context.identity.tenant : null;
    const match = wanted
      ? jobs.find((j) => isRecord(j) && String(j.id).toLowerCase() === wanted.toLowerCase())
      : jobs.find((j) => isRecord(j) && j.isListed !== false);
    if (!match) {
      const draft = emptyDraft('ashby');
      draft.companySlug = organisation;
      draft.unlisted = true;
      return draft;
    }
    const parsed = jobSchema.safeParse(match);
    return parsed.success ? draftFromJob(parsed.data, organisation, null) : null;
  },
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    const onBoard =
      context.identity?.source === 'ashby' || pageIsOn(page, context.url, /(?:^|\.)ashbyhq\.com$/);
    if (!onBoard && !page.scripts.some((s) => s.text.includes('__appData'))) return null;
    const app = assignedJson(page, 'window.__appData');
    if (!isRecord(app) || !isRecord(app.posting)) return null;
    // On a company's own domain (Ashby custom domain) only Ashby's organisation record, with its
    // hosted jobs page slug, says the state is Ashby's.
    if (!onBoard && !(isRecord(app.organization) && typeof app.organization.hostedJobsPageSlug === 'string'))
      return null;
    const parsed = jobSchema.safeParse(app.posting);
    if (!parsed.success) return null;
    const organisation = isRecord(app.organization) ? app.organization : {};
    const draft = draftFromJob(
      parsed.data,
      str(organisation.hostedJobsPageSlug) ?? firstPathSegment(context.url),
      str(organisation.name),
    );
    return draft;
  },
};
