import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { extractSalary } from '../description/salary.js';
import { normalizeWorkplace } from '../description/workplace.js';
import { isRecord } from '../html/page.js';
import { type PostingIdentity, postingIdentity } from '../posting-identity.js';
import type { WorkplaceType } from '../posting-summary.js';
import { uniqueStrings } from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str } from './types.js';

/** Requisition numbers are digits; site numbers look like `CX_1`, `CX_45001`, `jobsearch`. */
const REQUISITION_ID = /^\d{1,12}$/;
const SITE_NUMBER = /^[A-Za-z0-9_-]{1,40}$/;
const LOCALE = /^[a-z]{2}(?:[-_][A-Za-z]{2,4})?$/;
const DETAILS_RESOURCE = 'recruitingCEJobRequisitionDetails';

/**
 * The candidate-experience page of one requisition. The path works on the Oracle pod host
 * (`{pod}.fa.{region}.oraclecloud.com`) and on custom domains that front it; `en` opens it on
 * every site (the site falls back to its own default language when it has no English text).
 */
function oracleIdentity(host: string, site: string, jobId: string): PostingIdentity {
  return postingIdentity(
    'oracle-recruiting',
    site,
    jobId,
    `https://${host}/hcmUI/CandidateExperience/en/sites/${site}/job/${jobId}`,
  );
}

/** `/hcmUI/CandidateExperience/{locale}/sites/{site}/job/{id}[/apply/...]` and `/requisitions/preview/{id}`. */
function fromPagePath(url: URL): PostingIdentity | null {
  const segs = url.pathname.split('/').filter((s) => s !== '');
  const start = segs.findIndex((s, i) => s === 'hcmUI' && segs[i + 1] === 'CandidateExperience');
  if (start < 0) return null;
  let rest = segs.slice(start + 2);
  if (rest[0] && LOCALE.test(rest[0])) rest = rest.slice(1);
  if (rest[0] !== 'sites' || !rest[1] || !SITE_NUMBER.test(rest[1])) return null;
  const site = rest[1];
  const [kind, second, third] = rest.slice(2);
  if (kind === 'job' && second && REQUISITION_ID.test(second))
    return oracleIdentity(url.hostname, site, second);
  if (kind === 'requisitions' && second === 'preview' && third && REQUISITION_ID.test(third))
    return oracleIdentity(url.hostname, site, third);
  return null;
}

/** The REST resource itself: `…/recruitingCEJobRequisitionDetails?finder=ById;Id="{id}",siteNumber={site}`. */
function fromApiUrl(url: URL): PostingIdentity | null {
  if (!url.pathname.startsWith('/hcmRestApi/resources/') || !url.pathname.endsWith(`/${DETAILS_RESOURCE}`))
    return null;
  const finder = url.searchParams.get('finder') ?? '';
  const id = /(?:^|[;,])Id="?(\d{1,12})"?/.exec(finder)?.[1];
  const site = /(?:^|[;,])siteNumber=([A-Za-z0-9_-]{1,40})/.exec(finder)?.[1];
  return id && site ? oracleIdentity(url.hostname, site, id) : null;
}

const flexFieldSchema = z.object({ Prompt: z.unknown(), Value: z.unknown() }).partial().passthrough();
const namedSchema = z.object({ Name: z.unknown() }).partial().passthrough();

/** One requisition of `recruitingCEJobRequisitionDetails` (fields Oracle leaves null are often absent). */
const requisitionSchema = z
  .object({
    Id: z.unknown().optional(),
    Title: z.string(),
    ExternalDescriptionStr: z.string().nullish(),
    ExternalResponsibilitiesStr: z.string().nullish(),
    ExternalQualificationsStr: z.string().nullish(),
    CorporateDescriptionStr: z.string().nullish(),
    OrganizationDescriptionStr: z.string().nullish(),
    ShortDescriptionStr: z.string().nullish(),
    PrimaryLocation: z.unknown().optional(),
    secondaryLocations: z.array(namedSchema).nullish(),
    WorkplaceTypeCode: z.unknown().optional(),
    WorkplaceType: z.unknown().optional(),
    JobSchedule: z.unknown().optional(),
    WorkerType: z.unknown().optional(),
    ContractType: z.unknown().optional(),
    JobType: z.unknown().optional(),
    LegalEmployer: z.unknown().optional(),
    Department: z.unknown().optional(),
    Organization: z.unknown().optional(),
    BusinessUnit: z.unknown().optional(),
    requisitionFlexFields: z.array(flexFieldSchema).nullish(),
  })
  .passthrough();
type Requisition = z.infer<typeof requisitionSchema>;

/** Oracle's workplace codes (`ORA_HYBRID`, `ORA_REMOTE`, `ORA_ON_SITE`), else the display label. */
function workplaceOf(r: Requisition): WorkplaceType | null {
  const code = (str(r.WorkplaceTypeCode, 50) ?? '').toUpperCase();
  if (code.includes('REMOTE')) return 'remote';
  if (code.includes('HYBRID')) return 'hybrid';
  if (code.includes('ON_SITE') || code.includes('ONSITE')) return 'onsite';
  return normalizeWorkplace(r.WorkplaceType);
}

const PAY_PROMPT = /pay|salary|compensation|wage|remunera|gehalt|salaire|salario|sueldo|retribu/i;
const EMPLOYMENT_PROMPT = /employment|position type|schedule|contract|worker type|job type/i;

function flexFields(r: Requisition): Array<{ prompt: string; value: string }> {
  return (r.requisitionFlexFields ?? []).slice(0, 100).flatMap((f) => {
    const prompt = str(f.Prompt, 200);
    const value = str(f.Value, 2000);
    return prompt && value ? [{ prompt, value }] : [];
  });
}

/**
 * The organisation description is sometimes just the employing company's name ("Southern
 * Nuclear"), sometimes a paragraph about a division: only a short name-like value names the employer.
 */
function employerName(r: Requisition): string | null {
  const legal = str(r.LegalEmployer, 200);
  if (legal) return legal;
  const org = str(r.OrganizationDescriptionStr, 200);
  return org && org.length <= 60 && !/[.<>]/.test(org) && org.split(' ').length <= 6 ? org : null;
}

function section(heading: string, html: string | null | undefined): string | null {
  return html && html.trim().length > 0 ? `<h3>${heading}</h3>${html}` : null;
}

function draftFromRequisition(r: Requisition, context: ParseContext): PostingDraft {
  const draft = emptyDraft('oracle-recruiting');
  draft.title = str(r.Title);
  draft.company = employerName(r);
  draft.url = context.identity?.source === 'oracle-recruiting' ? context.identity.canonicalUrl : null;
  draft.locations = uniqueStrings([
    str(r.PrimaryLocation, 200),
    ...(r.secondaryLocations ?? []).slice(0, 50).map((l) => str(l.Name, 200)),
  ]);
  draft.workplaceType = workplaceOf(r);
  const flex = flexFields(r);
  draft.employmentType =
    normalizeEmploymentType(r.JobSchedule) ??
    normalizeEmploymentType(r.ContractType) ??
    normalizeEmploymentType(r.WorkerType) ??
    normalizeEmploymentType(r.JobType) ??
    normalizeEmploymentType(flex.filter((f) => EMPLOYMENT_PROMPT.test(f.prompt)).map((f) => f.value));
  draft.department = str(r.Department, 200) ?? str(r.Organization, 200) ?? str(r.BusinessUnit, 200);
  draft.salary = extractSalary(
    flex.filter((f) => PAY_PROMPT.test(f.prompt)).map((f) => `${f.prompt}: ${f.value}`),
  );
  // The page shows the description, then responsibilities and qualifications (tenants often put
  // everything in the first), then the corporate text (company pitch, benefits, EEO).
  draft.descriptionHtml = [
    r.ExternalDescriptionStr,
    section('Responsibilities', r.ExternalResponsibilitiesStr),
    section('Qualifications', r.ExternalQualificationsStr),
    section('About the company', r.CorporateDescriptionStr),
  ].filter((h): h is string => typeof h === 'string' && h.trim().length > 0);
  if (draft.descriptionHtml.length === 0) {
    draft.descriptionText = str(r.ShortDescriptionStr, 5000);
    if (!draft.descriptionText) draft.limitation = 'no-description';
  }
  return draft;
}

function isDetailsCollection(data: Record<string, unknown>): boolean {
  return (
    Array.isArray(data.links) &&
    data.links.some((l) => isRecord(l) && typeof l.href === 'string' && l.href.includes(DETAILS_RESOURCE))
  );
}

/**
 * Oracle Recruiting Cloud (Oracle Fusion HCM candidate experience). The job page is a JavaScript
 * app shell, so the posting is read from the public, unauthenticated REST resource the page itself
 * calls: `recruitingCEJobRequisitionDetails` (`items[0]` with `Title`, `ExternalDescriptionStr`,
 * `PrimaryLocation`, `WorkplaceTypeCode`, `requisitionFlexFields`…).
 * @see https://docs.oracle.com/en/cloud/saas/human-resources/farws/api-job-requisition-details.html
 */
export const oracleRecruitingProvider: Provider = {
  id: 'oracle-recruiting',
  identify(url: URL): PostingIdentity | null {
    return fromPagePath(url) ?? fromApiUrl(url);
  },
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'oracle-recruiting' || !identity.tenant || !identity.jobId) return null;
    let host: string;
    try {
      host = new URL(identity.canonicalUrl).host;
    } catch {
      return null;
    }
    const finder = `ById;Id=%22${encodeURIComponent(identity.jobId)}%22,siteNumber=${encodeURIComponent(identity.tenant)}`;
    return {
      url: `https://${host}/hcmRestApi/resources/latest/${DETAILS_RESOURCE}?expand=all&onlyData=true&finder=${finder}`,
      accept: 'application/json',
    };
  },
  parseJson(data: unknown, context: ParseContext): PostingDraft | null {
    if (!isRecord(data) || !Array.isArray(data.items)) return null;
    const first: unknown = data.items[0];
    if (first === undefined) {
      // The finder answers an empty collection for a requisition that is no longer posted.
      if (context.identity?.source !== 'oracle-recruiting' && !isDetailsCollection(data)) return null;
      const draft = emptyDraft('oracle-recruiting');
      draft.unlisted = true;
      return draft;
    }
    if (!isRecord(first) || !('ExternalDescriptionStr' in first || 'PrimaryLocation' in first)) return null;
    const parsed = requisitionSchema.safeParse(first);
    return parsed.success ? draftFromRequisition(parsed.data, context) : null;
  },
};
