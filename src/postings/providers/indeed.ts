import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { normalizeWorkplace } from '../description/workplace.js';
import { findFirst } from '../html/dom.js';
import { type HtmlPage, isRecord } from '../html/page.js';
import type { PostingIdentity } from '../posting-identity.js';
import type { Salary, WorkplaceType } from '../posting-summary.js';
import { draftFromJobPosting, findJobPosting } from './json-ld.js';
import { assignedValue, pageIsOn, statedSalary } from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str } from './types.js';

/**
 * Indeed's hosts: `indeed.com` and its `www.` / `m.` forms, country sub-domains (`uk.indeed.com`,
 * `de.indeed.com`) and country domains (`indeed.fr`, `indeed.co.uk`, `indeed.com.au`).
 */
const INDEED_HOST = /^(?:(?:www|m|[a-z]{2})\.)?indeed\.(?:com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$/;
/** An Indeed job key: 16 hexadecimal characters. */
const JOB_KEY = /^[0-9a-f]{16}$/i;

const headerSchema = z
  .object({
    jobTitle: z.unknown().optional(),
    companyName: z.unknown().optional(),
    formattedLocation: z.unknown().optional(),
    jobLocation: z.unknown().optional(),
    salaryMin: z.unknown().optional(),
    salaryMax: z.unknown().optional(),
    salaryCurrency: z.unknown().optional(),
    salaryType: z.unknown().optional(),
    remoteLocation: z.unknown().optional(),
    /** `{ text: "Hybrid work", type: "REMOTE_HYBRID" }`: the employer's remote/hybrid attribute. */
    remoteWorkModel: z
      .object({ text: z.unknown().optional(), type: z.unknown().optional() })
      .passthrough()
      .nullish(),
  })
  .passthrough();

const salarySchema = z
  .object({
    salaryMin: z.unknown().optional(),
    salaryMax: z.unknown().optional(),
    salaryType: z.unknown().optional(),
    salaryCurrency: z.unknown().optional(),
    min: z.unknown().optional(),
    max: z.unknown().optional(),
    currency: z.unknown().optional(),
  })
  .passthrough();

/** The view-job page's `window._initialData`, as far as a card needs it. */
const initialDataSchema = z
  .object({
    jobInfoWrapperModel: z.object({
      jobInfoModel: z
        .object({
          jobInfoHeaderModel: headerSchema.nullish(),
          sanitizedJobDescription: z.unknown().optional(),
          jobMetadataHeaderModel: z.object({ jobType: z.unknown().optional() }).passthrough().nullish(),
        })
        .passthrough(),
    }),
    salaryInfoModel: salarySchema.nullish(),
    salaryGuideModel: z.object({ estimatedSalaryModel: salarySchema.nullish() }).passthrough().nullish(),
  })
  .passthrough();

function salaryFrom(model: z.infer<typeof salarySchema> | null | undefined): Salary | null {
  if (!model) return null;
  return statedSalary(
    model.salaryMin ?? model.min,
    model.salaryMax ?? model.max,
    model.salaryCurrency ?? model.currency ?? null,
    model.salaryType,
  );
}

/**
 * The header's remote badge. `REMOTE_HYBRID` is hybrid; a temporary (COVID-era) remote type says
 * nothing lasting; otherwise the badge text ("Remote", "Hybrid work") or `remoteLocation` decides.
 */
function workplaceFrom(header: z.infer<typeof headerSchema> | null | undefined): WorkplaceType | null {
  if (!header) return null;
  const type = typeof header.remoteWorkModel?.type === 'string' ? header.remoteWorkModel.type : '';
  if (/HYBRID/i.test(type)) return 'hybrid';
  if (/TEMPORARY/i.test(type)) return null;
  const text = typeof header.remoteWorkModel?.text === 'string' ? header.remoteWorkModel.text : null;
  const fromText = normalizeWorkplace(text?.replace(/\s+work$/i, '') ?? null);
  if (fromText) return fromText;
  return /REMOTE/i.test(type) || header.remoteLocation === true ? 'remote' : null;
}

/** `sanitizedJobDescription` is an HTML string, or `{ content: "<html>" }` on newer pages. */
function descriptionOf(value: unknown): string | null {
  if (typeof value === 'string') return str(value, 2_000_000) ? value : null;
  if (isRecord(value) && typeof value.content === 'string') return value.content;
  return null;
}

/**
 * Indeed: a job is its job key (`jk`), whatever page shows it: `/viewjob?jk=`, the mobile
 * `/m/viewjob?jk=`, the click-through `/rc/clk?jk=` and a search page with the job open in its pane
 * (`?vjk=`). Indeed has no public job API; the view-job page embeds `window._initialData` (title,
 * company, location, description HTML, the employer's salary and Indeed's own estimate) and often
 * a JobPosting JSON-LD.
 *
 * Identity: tenant = the host's country sub-domain (`uk`, `de`, `au`), else the domain (`indeed.com`, `indeed.fr`), jobId = the job
 * key (lower-case); canonical `https://{host}/viewjob?jk={key}` on that country's host.
 * @see https://www.indeed.com/viewjob
 */
export const indeedProvider: Provider = {
  id: 'indeed',
  identify(url: URL): PostingIdentity | null {
    const host = url.hostname.toLowerCase();
    if (!INDEED_HOST.test(host)) return null;
    const key = url.searchParams.get('jk') ?? url.searchParams.get('vjk');
    if (!key || !JOB_KEY.test(key)) return null;
    const jobId = key.toLowerCase();
    // The mobile and bare hosts show the same jobs as www.
    const bare = host.replace(/^(?:www|m)\./, '');
    const canonicalHost = /^[a-z]{2}\.indeed\.com$/.test(bare) ? bare : `www.${bare}`;
    const tenant =
      /^([a-z]{2})\.indeed\.com$/.exec(canonicalHost)?.[1] ?? canonicalHost.replace(/^www\./, '');
    return { source: 'indeed', tenant, jobId, canonicalUrl: `https://${canonicalHost}/viewjob?jk=${jobId}` };
  },
  apiRequest(_identity: PostingIdentity): ApiRequest | null {
    return null;
  },
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    if (context.identity?.source !== 'indeed' && !pageIsOn(page, context.url, INDEED_HOST)) return null;
    const parsed = initialDataSchema.safeParse(assignedValue(page.scripts, '_initialData'));
    const posting = findJobPosting(page.jsonLd);
    if (!parsed.success) {
      if (!posting) return null;
      // Indeed's JSON-LD: Indeed fills salary and remote from its own estimates, so they stay third-party.
      return { ...draftFromJobPosting(posting), source: 'indeed' };
    }
    const data = parsed.data;
    const job = data.jobInfoWrapperModel.jobInfoModel;
    const header = job.jobInfoHeaderModel;
    const draft = emptyDraft('indeed');
    draft.title = str(header?.jobTitle);
    draft.company = str(header?.companyName);
    const location = str(header?.formattedLocation, 200) ?? str(header?.jobLocation, 200);
    draft.locations = location ? [location] : [];
    draft.employmentType = normalizeEmploymentType(job.jobMetadataHeaderModel?.jobType);
    draft.workplaceType = workplaceFrom(header);
    // `salaryInfoModel` and the header's salary are what the job states; the salary guide's figure
    // is Indeed's estimate, and the JSON-LD's pay is kept as third-party like on the JSON-LD path
    // (a real au.indeed.com page carried its pay only there: test/fixtures/postings/indeed).
    draft.salary = salaryFrom(data.salaryInfoModel) ?? salaryFrom(header);
    draft.thirdParty.salary =
      salaryFrom(data.salaryGuideModel?.estimatedSalaryModel) ??
      (posting ? draftFromJobPosting(posting).thirdParty.salary : null);
    const description = descriptionOf(job.sanitizedJobDescription);
    if (description) draft.descriptionHtml = [description];
    else {
      const element = findFirst(page.root, (e) => e.attribs.id === 'jobDescriptionText');
      if (element) draft.descriptionElements = [element];
      else draft.limitation = 'no-description';
    }
    return draft;
  },
};
