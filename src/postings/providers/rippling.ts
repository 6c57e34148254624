import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { normalizeWorkplace } from '../description/workplace.js';
import { type HtmlPage, isRecord, safeJsonParse } from '../html/page.js';
import { type PostingIdentity, postingIdentity } from '../posting-identity.js';
import type { Salary } from '../posting-summary.js';
import { pageIsOn, segmentMatches, statedSalary, uniqueStrings } from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BOARD = /^[A-Za-z0-9_-]+$/;
/** A locale path prefix of the hosted board ("en-US", "fr-FR", "en"). */
const LOCALE = /^[a-z]{2}(?:-[A-Za-z]{2})?$/;

function canonical(board: string, uuid: string): PostingIdentity {
  const tenant = board.toLowerCase();
  const jobId = uuid.toLowerCase();
  return postingIdentity('rippling', tenant, jobId, `https://ats.rippling.com/${tenant}/jobs/${jobId}`);
}

const rangeSchema = z
  .object({
    rangeStart: z.unknown().optional(),
    rangeEnd: z.unknown().optional(),
    minValue: z.unknown().optional(),
    maxValue: z.unknown().optional(),
    min: z.unknown().optional(),
    max: z.unknown().optional(),
    currency: z.unknown().optional(),
    frequency: z.unknown().optional(),
  })
  .passthrough();

/** One job post: the public board API's detail, or the hosted page's `apiData.jobPost`. */
const jobPostSchema = z
  .object({
    uuid: z.string().optional(),
    id: z.string().optional(),
    name: z.string(),
    url: z.unknown().optional(),
    companyName: z.unknown().optional(),
    description: z
      .object({ company: z.string().nullish(), role: z.string().nullish() })
      .passthrough()
      .nullish(),
    workLocations: z.array(z.unknown()).nullish(),
    workLocation: z.unknown().optional(),
    locations: z.array(z.unknown()).nullish(),
    department: z
      .object({ name: z.unknown().optional(), label: z.unknown().optional() })
      .passthrough()
      .nullish(),
    employmentType: z.unknown().optional(),
    payRangeDetails: z.array(rangeSchema).nullish(),
    board: z
      .object({
        slug: z.unknown().optional(),
        companyName: z.unknown().optional(),
        showCompanyInfoUnderJobPost: z.unknown().optional(),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();
type JobPost = z.infer<typeof jobPostSchema>;

function locationName(value: unknown): string | null {
  return isRecord(value) ? (str(value.name) ?? str(value.label)) : str(value);
}

/** Rippling's employment types: `SALARIED_FT`, `HOURLY_PT`, `INTERN`… with labels such as "Salaried, full-time". */
function employmentOf(value: unknown): string | null {
  const candidates = isRecord(value) ? [value.label, value.id] : [value];
  for (const candidate of candidates) {
    const s = str(candidate, 100);
    if (!s) continue;
    if (/(?:^|_)FT$|full[\s-]?time/i.test(s)) return 'full-time';
    if (/(?:^|_)PT$|part[\s-]?time/i.test(s)) return 'part-time';
    const type = normalizeEmploymentType(s);
    if (type) return type;
  }
  return null;
}

/** Pay ranges per location: spanned when they share currency and period. */
function salaryOfRanges(
  ranges: ReadonlyArray<z.infer<typeof rangeSchema>> | null | undefined,
): Salary | null {
  const salaries = (ranges ?? [])
    .map((r) =>
      statedSalary(
        r.rangeStart ?? r.minValue ?? r.min,
        r.rangeEnd ?? r.maxValue ?? r.max,
        r.currency,
        r.frequency,
      ),
    )
    .filter((s): s is Salary => s !== null);
  const first = salaries[0];
  if (!first) return null;
  const same = salaries.filter((s) => s.currency === first.currency && s.period === first.period);
  const mins = same.map((s) => s.min).filter((v): v is number => v !== null);
  const maxes = same.map((s) => s.max).filter((v): v is number => v !== null);
  return {
    min: mins.length ? Math.min(...mins) : null,
    max: maxes.length ? Math.max(...maxes) : null,
    currency: first.currency,
    period: first.period,
  };
}

function draftFromJobPost(
  job: JobPost,
  board: string | null,
  boardInfo: Record<string, unknown>,
): PostingDraft {
  const draft = emptyDraft('rippling');
  draft.title = str(job.name);
  draft.url = str(job.url);
  draft.company = str(job.companyName) ?? str(job.board?.companyName) ?? str(boardInfo.companyName);
  draft.companySlug = board ?? str(job.board?.slug) ?? str(boardInfo.slug);
  const locations = [...(job.workLocations ?? []), ...(job.locations ?? []), job.workLocation];
  draft.locations = uniqueStrings(locations.map(locationName));
  const workplaces = locations.map((l) => (isRecord(l) ? normalizeWorkplace(l.workplaceType) : null));
  draft.workplaceType = workplaces.includes('remote')
    ? 'remote'
    : workplaces.includes('hybrid')
      ? 'hybrid'
      : (workplaces.find((w) => w !== null) ?? null);
  draft.department = str(job.department?.name) ?? str(job.department?.label);
  draft.employmentType = employmentOf(job.employmentType);
  draft.salary = salaryOfRanges(job.payRangeDetails);
  const role = job.description?.role ?? null;
  const company = job.description?.company ?? null;
  // The page shows the company block above the role unless the board moves it under the post.
  const companyUnder =
    (job.board?.showCompanyInfoUnderJobPost ?? boardInfo.showCompanyInfoUnderJobPost) === true;
  draft.descriptionHtml = (companyUnder ? [role, company] : [company, role]).filter(
    (h): h is string => typeof h === 'string' && h.trim().length > 0,
  );
  if (draft.descriptionHtml.length === 0) draft.limitation = 'no-description';
  return draft;
}

function boardOf(identity: PostingIdentity | null): string | null {
  return identity?.source === 'rippling' ? identity.tenant : null;
}

/** The hosted page's Next.js data: `props.pageProps.apiData` with `jobPost` and `jobBoard`. */
function nextApiData(page: HtmlPage): Record<string, unknown> | null {
  for (const script of page.scripts) {
    if (script.type !== 'application/json' || !script.text.includes('"apiData"')) continue;
    const data = safeJsonParse(script.text.trim());
    const props = isRecord(data) && isRecord(data.props) ? data.props : null;
    const pageProps = props && isRecord(props.pageProps) ? props.pageProps : null;
    if (pageProps && isRecord(pageProps.apiData)) return pageProps.apiData;
  }
  return null;
}

/**
 * Rippling ATS: the public board API's job detail
 * (`https://api.rippling.com/platform/api/ats/v1/board/{board}/jobs/{uuid}`: `name`,
 * `description.company` / `.role` HTML, `workLocations`, `department`, `employmentType`,
 * `payRangeDetails`, `companyName`); its list (`/jobs`, one entry per location, no description);
 * and the hosted Next.js page (`__NEXT_DATA__` → `apiData.jobPost`).
 * Undocumented by Rippling: shapes as captured (`test/fixtures/postings/rippling/SOURCE.md`).
 */
export const ripplingProvider: Provider = {
  id: 'rippling',
  identify(url: URL): PostingIdentity | null {
    const segs = url.pathname.split('/').filter(Boolean);
    if (url.hostname === 'ats.rippling.com') {
      // /{locale}/{board}/jobs/{uuid}[/apply], /{board}/jobs/{uuid}, /api/v2/board/{board}/jobs/{uuid}
      const rest =
        segs[0] === 'api'
          ? segs.slice(2)
          : segs[0] && LOCALE.test(segs[0]) && segs[1] !== 'jobs'
            ? segs.slice(1)
            : segs;
      const [first, second, third, fourth] = rest;
      if (
        first === 'board' &&
        segmentMatches(second, BOARD) &&
        third === 'jobs' &&
        segmentMatches(fourth, UUID)
      )
        return canonical(second, fourth);
      if (segmentMatches(first, BOARD) && second === 'jobs' && segmentMatches(third, UUID))
        return canonical(first, third);
      return null;
    }
    if (url.hostname === 'api.rippling.com') {
      // /platform/api/ats/v1/board/{board}/jobs/{uuid}
      const [platform, api, ats, version, boardWord, board, jobs, uuid] = segs;
      if (platform === 'platform' && api === 'api' && ats === 'ats' && version && boardWord === 'board')
        if (board && BOARD.test(board) && jobs === 'jobs' && uuid && UUID.test(uuid))
          return canonical(board, uuid);
    }
    return null;
  },
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'rippling' || !identity.tenant || !identity.jobId) return null;
    return {
      url: `https://api.rippling.com/platform/api/ats/v1/board/${encodeURIComponent(identity.tenant)}/jobs/${encodeURIComponent(identity.jobId)}`,
      accept: 'application/json',
    };
  },
  parseJson(data: unknown, context: ParseContext): PostingDraft | null {
    const board = boardOf(context.identity);
    if (isRecord(data) && typeof data.name === 'string' && typeof data.uuid === 'string') {
      if (!('description' in data || 'workLocations' in data || 'payRangeDetails' in data)) return null;
      const parsed = jobPostSchema.safeParse(data);
      return parsed.success ? draftFromJobPost(parsed.data, board, {}) : null;
    }
    // The list: a bare array (v1) or `{ items: [...] }` (v2), one entry per job and location.
    const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.items) ? data.items : null;
    if (!list) return null;
    const entries = list
      .slice(0, 5000)
      .filter(
        (j): j is Record<string, unknown> =>
          isRecord(j) &&
          typeof j.name === 'string' &&
          typeof j.url === 'string' &&
          /ats\.rippling\.com\//.test(j.url),
      );
    if (entries.length === 0) return null;
    const wanted = context.identity?.source === 'rippling' ? context.identity.jobId : null;
    const matches = wanted
      ? entries.filter((j) => String(j.uuid ?? j.id).toLowerCase() === wanted)
      : entries.slice(0, 1);
    const first = matches[0];
    if (!first) {
      const draft = emptyDraft('rippling');
      draft.companySlug = board;
      draft.unlisted = true;
      return draft;
    }
    const parsed = jobPostSchema.safeParse({
      ...first,
      workLocations: matches.flatMap((j) => (Array.isArray(j.locations) ? j.locations : [j.workLocation])),
      locations: undefined,
      workLocation: undefined,
    });
    return parsed.success ? draftFromJobPost(parsed.data, board, {}) : null;
  },
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    if (context.identity?.source !== 'rippling' && !pageIsOn(page, context.url, /^ats\.rippling\.com$/))
      return null;
    const apiData = nextApiData(page);
    if (!apiData || !isRecord(apiData.jobPost)) return null;
    const parsed = jobPostSchema.safeParse(apiData.jobPost);
    if (!parsed.success) return null;
    return draftFromJobPost(
      parsed.data,
      boardOf(context.identity),
      isRecord(apiData.jobBoard) ? apiData.jobBoard : {},
    );
  },
};
