import { normalizeEmploymentType } from '../description/employment-type.js';
import { findAll, findFirst, type HtmlElement, visibleText } from '../html/dom.js';
import type { HtmlPage } from '../html/page.js';
import { type PostingIdentity, postingIdentity } from '../posting-identity.js';
import { draftFromJobPosting, findJobPosting } from './json-ld.js';
import { countryName, hostOf, uniqueStrings } from './shared.js';
import { emptyDraft, type ParseContext, type PostingDraft, type Provider, str } from './types.js';

/** SAP's hosted career pages: `career{N}.successfactors.com|.eu`, `career{N}.sapsf.com|.eu|.cn`. */
const SF_HOST = /^career\d*\.(?:successfactors\.(?:com|eu)|sapsf\.(?:com|eu|cn))$/i;
const COMPANY_ID = /^[A-Za-z0-9_-]{1,60}$/;
const REQ_ID = /^\d{1,12}$/;

/**
 * The hosted career page of one requisition: `/career?company={co}&career_job_req_id={id}` (the
 * classic career portal) or `/sfcareer/jobreqcareer?jobId={id}&company={co}` (the public job view,
 * which opens without a candidate session — the canonical form).
 */
function fromHostedCareer(url: URL): PostingIdentity | null {
  if (!SF_HOST.test(url.hostname)) return null;
  const path = url.pathname.replace(/\/+$/, '').toLowerCase();
  if (path !== '/career' && path !== '/sfcareer/jobreqcareer') return null;
  const company = url.searchParams.get('company');
  const jobId = url.searchParams.get('career_job_req_id') ?? url.searchParams.get('jobId');
  if (!company || !COMPANY_ID.test(company) || !jobId || !REQ_ID.test(jobId)) return null;
  const host = url.hostname.toLowerCase();
  return postingIdentity(
    'successfactors',
    company,
    jobId,
    `https://${host}/sfcareer/jobreqcareer?jobId=${jobId}&company=${encodeURIComponent(company)}`,
  );
}

function byProperty(root: HtmlElement, property: string): HtmlElement | null {
  return findFirst(
    root,
    (e) => e.attribs['data-careersite-propertyid'] === property || e.attribs.itemprop === property,
  );
}

function textOf(element: HtmlElement | null): string | null {
  return element ? str(visibleText(element), 500) : null;
}

/**
 * Locations from schema.org microdata (`<meta itemprop="addressLocality|addressRegion|addressCountry">`
 * in document order, one place per locality). A visible city/location field names the place the
 * posting shows; when it matches some of the microdata places only those are kept.
 */
function microdataLocations(root: HtmlElement, visible: string | null): string[] {
  const places: Array<{ locality: string | null; region: string | null; country: string | null }> = [];
  for (const meta of findAll(
    root,
    (e) => e.name === 'meta' && /^address(?:Locality|Region|Country)$/.test(e.attribs.itemprop ?? ''),
  ).slice(0, 150)) {
    const value = str(meta.attribs.content, 100);
    const prop = meta.attribs.itemprop;
    let current = places[places.length - 1];
    if (!current || (prop === 'addressLocality' && current.locality !== null)) {
      current = { locality: null, region: null, country: null };
      places.push(current);
    }
    if (prop === 'addressLocality') current.locality = value;
    else if (prop === 'addressRegion') current.region = value;
    else current.country = countryName(value);
  }
  const formatted = places.map((p) => ({
    locality: p.locality,
    text: uniqueStrings([p.locality, p.region, p.country]).join(', '),
  }));
  if (visible) {
    const wanted = visible.toLowerCase();
    const matching = formatted.filter((p) => p.locality && wanted.includes(p.locality.toLowerCase()));
    if (matching.length > 0) return uniqueStrings(matching.map((p) => p.text));
    return [visible];
  }
  return uniqueStrings(formatted.map((p) => p.text || null));
}

/** `careers.{company}.com`, `jobs.{company}.com` → `{company}`: the summariser spells it from the text. */
function companySlugOf(url: string | null): string | null {
  const host = hostOf(url);
  if (!host || SF_HOST.test(host)) return null;
  const parts = host.split('.');
  return parts.length >= 3 && /^(?:careers?|jobs|karriere|emplois|empleos)$/.test(parts[0] ?? '')
    ? (parts[1] ?? null)
    : null;
}

function isSuccessFactorsPage(page: HtmlPage, context: ParseContext): boolean {
  if (context.identity?.source === 'successfactors') return true;
  return (
    findFirst(page.root, (e) => e.attribs['data-careersite-propertyid'] !== undefined) !== null ||
    [context.url, page.meta.get('og:url'), page.canonicalLink].some((u) => SF_HOST.test(hostOf(u) ?? ''))
  );
}

/**
 * SAP SuccessFactors Recruiting: hosted career pages (`career{N}.successfactors.com`) and Career Site
 * Builder sites on the employer's domain (`https://{host}[/{prefix}]/job/{City-Title}/{id}/`). There is no public per-job JSON: the page's schema.org
 * microdata (`itemprop="title|description|address…"`), its `data-careersite-propertyid` fields and,
 * where a site emits it, JSON-LD are read.
 * @see https://help.sap.com/docs/successfactors-recruiting/setting-up-and-maintaining-career-site-builder
 */
export const successFactorsProvider: Provider = {
  id: 'successfactors',
  identify(url: URL): PostingIdentity | null {
    // Career Site Builder pages on the employer's domain (`/job/{City-Title}/{id}/`) share their
    // URL shape with aggregators (Built In's `/job/{slug}/{id}`): they are recognised by the page's
    // fields instead, and keep the generic identity.
    return fromHostedCareer(url);
  },
  apiRequest: () => null,
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    if (!isSuccessFactorsPage(page, context)) return null;
    const posting = findJobPosting(page.jsonLd);
    const draft = posting
      ? { ...draftFromJobPosting(posting), source: 'successfactors' as const }
      : emptyDraft('successfactors');
    const title = textOf(byProperty(page.root, 'title'));
    const description = byProperty(page.root, 'description');
    if (!title && !description && !posting) return null;
    draft.title = title ?? draft.title;
    const visibleLocation =
      textOf(byProperty(page.root, 'location')) ?? textOf(byProperty(page.root, 'city'));
    const microdata = microdataLocations(page.root, visibleLocation);
    if (microdata.length > 0) draft.locations = microdata;
    draft.department ??= textOf(byProperty(page.root, 'department'));
    draft.employmentType ??= normalizeEmploymentType(
      textOf(byProperty(page.root, 'shifttype')) ?? textOf(byProperty(page.root, 'employmenttype')),
    );
    draft.companySlug = companySlugOf(context.url) ?? companySlugOf(page.canonicalLink);
    if (context.identity?.source === 'successfactors' && context.identity.tenant && !draft.companySlug)
      draft.companySlug = SF_HOST.test(hostOf(context.identity.canonicalUrl) ?? '')
        ? context.identity.tenant
        : null;
    if (description) {
      draft.descriptionHtml = [];
      draft.descriptionText = null;
      draft.descriptionElements = [description];
      draft.limitation = null;
    }
    // The employer's own career site: its JSON-LD values are first-party.
    draft.salary ??= draft.thirdParty.salary;
    draft.workplaceType ??= draft.thirdParty.workplaceType;
    draft.thirdParty = { salary: null, workplaceType: null, employmentType: null };
    return draft;
  },
};
