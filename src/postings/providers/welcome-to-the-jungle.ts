import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { type HtmlPage, isRecord } from '../html/page.js';
import { type PostingIdentity, postingIdentity } from '../posting-identity.js';
import type { WorkplaceType } from '../posting-summary.js';
import { draftFromJobPosting, findJobPosting } from './json-ld.js';
import { countryName, escapeHtmlText, pageIsOn, statedSalary, uniqueStrings } from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str } from './types.js';

const SITE_HOSTS = new Set(['www.welcometothejungle.com', 'welcometothejungle.com']);
const API_HOST = 'api.welcometothejungle.com';
const SLUG = /^[a-z0-9][a-z0-9_-]*$/i;
const LOCALE = /^[a-z]{2}(?:-[a-z]{2})?$/i;

function wttjIdentity(organization: string, job: string): PostingIdentity {
  const tenant = organization.toLowerCase();
  const jobId = job.toLowerCase();
  return postingIdentity(
    'welcome-to-the-jungle',
    tenant,
    jobId,
    `https://www.welcometothejungle.com/en/companies/${tenant}/jobs/${jobId}`,
  );
}

const officeSchema = z
  .object({ city: z.unknown(), country: z.unknown(), country_code: z.unknown(), address: z.unknown() })
  .partial()
  .passthrough();

/** The job document of `GET /api/v1/organizations/{org}/jobs/{slug}` → `{ job }`. */
const jobSchema = z
  .object({
    name: z.string().min(1),
    slug: z.string().optional(),
    status: z.unknown().optional(),
    archived_at: z.unknown().optional(),
    contract_type: z.unknown().optional(),
    remote: z.unknown().optional(),
    salary_min: z.unknown().optional(),
    salary_max: z.unknown().optional(),
    salary_currency: z.unknown().optional(),
    salary_period: z.unknown().optional(),
    summary: z.string().nullish(),
    description: z.string().nullish(),
    key_missions: z.array(z.unknown()).nullish(),
    profile: z.string().nullish(),
    recruitment_process: z.string().nullish(),
    language: z.unknown().optional(),
    office: officeSchema.nullish(),
    offices: z.array(officeSchema).nullish(),
    organization: z.object({ name: z.unknown(), slug: z.unknown() }).partial().passthrough().nullish(),
  })
  .passthrough();
type WttjJob = z.infer<typeof jobSchema>;

/**
 * `remote`: `fulltime`/`full` (remote), `partial`/`punctual` (some days at home: hybrid), `no`
 * (on site); `unknown` says nothing.
 */
function workplaceOf(remote: unknown): WorkplaceType | null {
  switch (typeof remote === 'string' ? remote.toLowerCase() : '') {
    case 'fulltime':
    case 'full':
      return 'remote';
    case 'partial':
    case 'punctual':
      return 'hybrid';
    case 'no':
      return 'onsite';
    default:
      return null;
  }
}

function officeName(office: z.infer<typeof officeSchema>): string | null {
  const city = str(office.city, 100);
  const country = countryName(office.country_code) ?? str(office.country, 100);
  const parts = uniqueStrings([city, country]);
  return parts.length > 0 ? parts.join(', ') : str(office.address, 200);
}

/** Section headings as the site shows them, in the posting's language (French or English). */
const HEADINGS = {
  fr: { missions: 'Missions clés', profile: 'Profil recherché', process: 'Déroulement des entretiens' },
  en: { missions: 'Key missions', profile: 'Preferred experience', process: 'Recruitment process' },
} as const;

function descriptionOf(job: WttjJob): string[] {
  const headings = job.language === 'fr' ? HEADINGS.fr : HEADINGS.en;
  const missions = (job.key_missions ?? []).map((m) => str(m, 2000)).filter((m): m is string => m !== null);
  return [
    job.summary,
    job.description,
    missions.length > 0
      ? `<h3>${headings.missions}</h3><ul>${missions.map((m) => `<li>${escapeHtmlText(m)}</li>`).join('')}</ul>`
      : null,
    job.profile && `<h3>${headings.profile}</h3>${job.profile}`,
    job.recruitment_process && `<h3>${headings.process}</h3>${job.recruitment_process}`,
  ].filter((h): h is string => typeof h === 'string' && h.trim().length > 0);
}

function draftFromJob(job: WttjJob, identity: PostingIdentity | null): PostingDraft {
  const draft = emptyDraft('welcome-to-the-jungle');
  const organisation = job.organization ?? {};
  draft.title = str(job.name, 500);
  draft.company = str(organisation.name, 200);
  draft.companySlug = str(organisation.slug, 200) ?? identity?.tenant ?? null;
  const org = draft.companySlug;
  draft.url = org && job.slug ? wttjIdentity(org, job.slug).canonicalUrl : (identity?.canonicalUrl ?? null);
  draft.locations = uniqueStrings(
    [...(job.offices ?? []), ...(job.office ? [job.office] : [])].map(officeName),
  );
  draft.workplaceType = workplaceOf(job.remote);
  draft.employmentType = normalizeEmploymentType(job.contract_type);
  draft.salary = statedSalary(job.salary_min, job.salary_max, job.salary_currency, job.salary_period);
  // No department: `profession` is WTTJ's job taxonomy (`category_name` / `sub_category_name`, e.g.
  // "Data / Business Intelligence" for an ML engineer in an "ML Engineering" team), not the employer's team.
  draft.descriptionHtml = descriptionOf(job);
  if (draft.descriptionHtml.length === 0) draft.limitation = 'no-description';
  draft.unlisted =
    (job.archived_at !== null && job.archived_at !== undefined) ||
    (typeof job.status === 'string' && job.status !== 'published');
  return draft;
}

/**
 * Welcome to the Jungle: job pages `https://www.welcometothejungle.com/{locale}/companies/{org}/jobs/{slug}`
 * (locales fr, en, es, cs, sk; one job, one slug across them) and the keyless JSON document the
 * page itself loads, `https://api.welcometothejungle.com/api/v1/organizations/{org}/jobs/{slug}`
 * → `{ job }` (an archived job keeps answering, with `archived_at` set). Job search runs on an
 * Algolia index whose key is issued to the site; it is not needed for one job.
 * @see https://www.welcometothejungle.com/
 */
export const welcomeToTheJungleProvider: Provider = {
  id: 'welcome-to-the-jungle',
  identify(url: URL): PostingIdentity | null {
    const host = url.hostname.toLowerCase();
    const segs = url.pathname.split('/').filter(Boolean);
    if (SITE_HOSTS.has(host)) {
      // [/{locale}]/companies/{org}/jobs/{slug}[/apply]
      const rest = segs[0] && LOCALE.test(segs[0]) ? segs.slice(1) : segs;
      const [companies, org, jobs, slug] = rest;
      if (companies === 'companies' && org && SLUG.test(org) && jobs === 'jobs' && slug && SLUG.test(slug))
        return wttjIdentity(org, slug);
      return null;
    }
    if (host === API_HOST) {
      const [api, version, organizations, org, jobs, slug] = segs;
      if (api === 'api' && version === 'v1' && organizations === 'organizations' && jobs === 'jobs')
        if (org && SLUG.test(org) && slug && SLUG.test(slug)) return wttjIdentity(org, slug);
    }
    return null;
  },
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'welcome-to-the-jungle' || !identity.tenant || !identity.jobId) return null;
    return {
      url: `https://${API_HOST}/api/v1/organizations/${encodeURIComponent(identity.tenant)}/jobs/${encodeURIComponent(identity.jobId)}`,
      accept: 'application/json',
    };
  },
  parseJson(data: unknown, context: ParseContext): PostingDraft | null {
    if (!isRecord(data) || !isRecord(data.job)) return null;
    const job = data.job;
    // The job document's own fields; other boards' `{ job }` payloads lack them.
    if (!('wttj_reference' in job) && !('key_missions' in job) && !('contract_type' in job)) return null;
    const parsed = jobSchema.safeParse(job);
    if (!parsed.success) return null;
    const identity = context.identity?.source === 'welcome-to-the-jungle' ? context.identity : null;
    return draftFromJob(parsed.data, identity);
  },
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    if (
      context.identity?.source !== 'welcome-to-the-jungle' &&
      !pageIsOn(page, context.url, /(?:^|\.)welcometothejungle\.com$/)
    )
      return null;
    const posting = findJobPosting(page.jsonLd);
    if (!posting) return null;
    const draft: PostingDraft = { ...draftFromJobPosting(posting), source: 'welcome-to-the-jungle' };
    draft.companySlug = context.identity?.source === 'welcome-to-the-jungle' ? context.identity.tenant : null;
    draft.metaDescription = str(page.meta.get('og:description') ?? page.meta.get('description'));
    return draft;
  },
};
