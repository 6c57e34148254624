import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { periodOf } from '../description/salary.js';
import { normalizeWorkplace } from '../description/workplace.js';
import { findFirst, hasClass, visibleText } from '../html/dom.js';
import { assignedJson, type HtmlPage, isRecord } from '../html/page.js';
import type { PostingIdentity } from '../posting-identity.js';
import {
  idFromUrl,
  moneyNumber,
  pageIsOn,
  salaryOf,
  splitLocations,
  unescapeHtmlIfEscaped,
} from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str } from './types.js';

const metadataSchema = z.object({ name: z.unknown(), value: z.unknown() }).passthrough();
const payRangeSchema = z
  .object({
    min: z.unknown().optional(),
    max: z.unknown().optional(),
    min_cents: z.unknown().optional(),
    max_cents: z.unknown().optional(),
    currency_type: z.unknown().optional(),
    title: z.unknown().optional(),
  })
  .passthrough();
/** Greenhouse Job Board API job (single job with `content`, or a list entry without it). */
const jobSchema = z
  .object({
    id: z.union([z.number(), z.string()]),
    title: z.string(),
    absolute_url: z.string().optional(),
    location: z.object({ name: z.unknown() }).passthrough().nullish(),
    content: z.string().nullish(),
    company_name: z.unknown().optional(),
    metadata: z.array(metadataSchema).nullish(),
    departments: z.array(z.object({ name: z.unknown() }).passthrough()).nullish(),
    pay_input_ranges: z.array(payRangeSchema).nullish(),
  })
  .passthrough();
type GreenhouseJob = z.infer<typeof jobSchema>;

/** The posting from the hosted job-boards page's Remix state. */
const remixJobPostSchema = z
  .object({
    title: z.string(),
    company_name: z.unknown().optional(),
    job_post_location: z.unknown().optional(),
    content: z.string().nullish(),
    introduction: z.string().nullish(),
    conclusion: z.string().nullish(),
    public_url: z.unknown().optional(),
    pay_ranges: z.array(payRangeSchema).nullish(),
    employment: z.unknown().optional(),
    department: z.unknown().optional(),
  })
  .passthrough();

/** "Stone - Linkedin" is a board label: the company is the part before a channel suffix. */
export function cleanCompanyName(name: string | null, boardToken: string | null): string | null {
  if (!name) return null;
  const m = /^(.+?)\s+[-–|]\s+(.+)$/.exec(name);
  if (m) {
    const [, head, tail] = m as unknown as [string, string, string];
    const channel =
      /^(?:linked ?in|indeed|glassdoor|careers?|jobs?|hiring|recruiting|external|internal|board|job board)$/i;
    const token = (boardToken ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
    if (channel.test(tail.trim()) || (token && head.toLowerCase().replace(/[^a-z0-9]/g, '') === token))
      return head.trim();
  }
  return name;
}

function metadataValue(job: GreenhouseJob, pattern: RegExp): unknown {
  for (const entry of job.metadata ?? []) {
    if (typeof entry.name === 'string' && pattern.test(entry.name)) {
      const v = Array.isArray(entry.value) ? entry.value[0] : entry.value;
      if (v !== null && v !== undefined && v !== '') return v;
    }
  }
  return null;
}

function payRangesSalary(
  ranges: ReadonlyArray<z.infer<typeof payRangeSchema>> | null | undefined,
  context: string,
) {
  if (!ranges || ranges.length === 0) return null;
  const mins: number[] = [];
  const maxes: number[] = [];
  let currency: unknown = null;
  let title = '';
  for (const r of ranges) {
    const min = r.min_cents !== undefined ? (moneyNumber(r.min_cents) ?? 0) / 100 : moneyNumber(r.min);
    const max = r.max_cents !== undefined ? (moneyNumber(r.max_cents) ?? 0) / 100 : moneyNumber(r.max);
    if (min !== null && min > 0) mins.push(min);
    if (max !== null && max > 0) maxes.push(max);
    currency ??= r.currency_type;
    title += ` ${typeof r.title === 'string' ? r.title : ''}`;
  }
  return salaryOf(
    mins.length ? Math.min(...mins) : null,
    maxes.length ? Math.max(...maxes) : null,
    currency,
    periodOf(title) ?? periodOf(context),
  );
}

function draftFromJob(job: GreenhouseJob, boardToken: string | null): PostingDraft {
  const draft = emptyDraft('greenhouse');
  draft.url = str(job.absolute_url);
  draft.title = str(job.title);
  draft.company = cleanCompanyName(str(job.company_name), boardToken);
  draft.companySlug = boardToken;
  draft.locations = splitLocations(job.location?.name);
  draft.department =
    str(job.departments?.[0]?.name) ?? str(metadataValue(job, /^(?:careers page )?department|^team$/i));
  draft.employmentType = normalizeEmploymentType(
    metadataValue(job, /time type|employment type|job type|commitment/i),
  );
  draft.workplaceType = normalizeWorkplace(metadataValue(job, /workplace|remote|location type|work type/i));
  draft.salary = payRangesSalary(job.pay_input_ranges, '');
  if (job.content) draft.descriptionHtml = [unescapeHtmlIfEscaped(job.content)];
  else draft.limitation = 'no-description';
  return draft;
}

/**
 * A Remix `jobPost` written by Greenhouse's job board: its location and public URL fields are
 * named the board's way (`job_post_location`, a `public_url` on greenhouse.io or with `gh_jid`).
 */
function isGreenhouseJobPost(post: Record<string, unknown>): boolean {
  if ('job_post_location' in post) return true;
  return typeof post.public_url === 'string' && /greenhouse\.io\/|[?&]gh_jid=\d/.test(post.public_url);
}

function looksLikeJob(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.title === 'string' &&
    ('absolute_url' in value || 'internal_job_id' in value)
  );
}

/**
 * Greenhouse: Job Board API (single job with entity-escaped `content`, or one entry of the jobs
 * list without it) and the hosted job-boards page (Remix state in `window.__remixContext`).
 * @see https://developers.greenhouse.io/job-board.html
 */
export const greenhouseProvider: Provider = {
  id: 'greenhouse',
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'greenhouse' || !identity.tenant || !identity.jobId) return null;
    return {
      url: `https://boards-api.greenhouse.io/v1/boards/${encodeURIComponent(identity.tenant)}/jobs/${encodeURIComponent(identity.jobId)}?content=true&pay_transparency=true`,
      accept: 'application/json',
    };
  },
  parseJson(data: unknown, context: ParseContext): PostingDraft | null {
    const token = context.identity?.source === 'greenhouse' ? context.identity.tenant : null;
    let candidate: unknown = data;
    if (isRecord(data) && Array.isArray(data.jobs)) {
      const wanted = context.identity?.jobId ?? idFromUrl(context.url);
      const jobs = data.jobs.slice(0, 5000);
      candidate = jobs.find((j) => isRecord(j) && String(j.id) === wanted) ?? (wanted ? null : jobs[0]);
      if (!candidate) {
        const draft = emptyDraft('greenhouse');
        draft.unlisted = jobs.some(looksLikeJob);
        return draft.unlisted ? draft : null;
      }
    }
    if (!looksLikeJob(candidate)) return null;
    const parsed = jobSchema.safeParse(candidate);
    return parsed.success ? draftFromJob(parsed.data, token) : null;
  },
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    // A company's own domain may serve the hosted board (custom domain): then only the Remix
    // state's Greenhouse-shaped job post says whose page it is.
    const onBoard =
      context.identity?.source === 'greenhouse' || pageIsOn(page, context.url, /(?:^|\.)greenhouse\.io$/);
    if (!onBoard && !page.scripts.some((s) => s.text.includes('__remixContext'))) return null;
    const remix = assignedJson(page, 'window.__remixContext');
    const loaderData =
      isRecord(remix) && isRecord(remix.state) && isRecord(remix.state.loaderData)
        ? remix.state.loaderData
        : null;
    if (loaderData) {
      for (const route of Object.values(loaderData)) {
        if (!isRecord(route) || !isRecord(route.jobPost)) continue;
        if (!onBoard && !isGreenhouseJobPost(route.jobPost)) continue;
        const parsed = remixJobPostSchema.safeParse(route.jobPost);
        if (!parsed.success) continue;
        const post = parsed.data;
        const draft = emptyDraft('greenhouse');
        const token =
          typeof route.urlToken === 'string' ? route.urlToken : (context.identity?.tenant ?? null);
        draft.url = str(post.public_url);
        draft.title = str(post.title);
        draft.company = cleanCompanyName(str(post.company_name), token);
        draft.companySlug = token;
        draft.locations = splitLocations(post.job_post_location);
        draft.department = str(post.department);
        draft.employmentType = normalizeEmploymentType(post.employment);
        draft.salary = payRangesSalary(post.pay_ranges, '');
        draft.descriptionHtml = [post.introduction, post.content, post.conclusion].filter(
          (h): h is string => typeof h === 'string' && h.length > 0,
        );
        return draft;
      }
    }
    // Classic boards.greenhouse.io page.
    if (!onBoard) return null;
    const app = findFirst(page.root, (e) => e.attribs.id === 'app_body' || e.attribs.id === 'main');
    const titleEl = app && findFirst(app, (e) => hasClass(e, 'app-title'));
    if (!app || !titleEl) return null;
    const draft = emptyDraft('greenhouse');
    draft.title = visibleText(titleEl) || null;
    const company = findFirst(app, (e) => hasClass(e, 'company-name'));
    draft.company = company ? visibleText(company).replace(/^at\s+/i, '') || null : null;
    const location = findFirst(app, (e) => hasClass(e, 'location'));
    draft.locations = location ? splitLocations(visibleText(location)) : [];
    const content = findFirst(app, (e) => e.attribs.id === 'content');
    draft.descriptionElements = content ? [content] : [];
    return draft;
  },
};
