import { findFirst, hasClass, visibleText } from '../html/dom.js';
import { type HtmlPage, isRecord } from '../html/page.js';
import { type PostingIdentity, postingIdentity } from '../posting-identity.js';
import { findJobPosting, firstPartyDraft } from './json-ld.js';
import { hostOf, pageIsOn } from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str } from './types.js';

/** `careers-{co}.icims.com`, `jobs-{co}.icims.com`, `uscareers-{co}.icims.com`, `{co}.icims.com`… */
const ICIMS_HOST = /^[a-z0-9][a-z0-9-]{0,80}\.icims\.com$/i;
const JOB_ID = /^\d{1,10}$/;
/** What follows `/jobs/{id}[/{slug}]`: the job view and the pages around one job. */
const JOB_PAGES = new Set(['job', 'login', 'candidate', 'apply', 'requirements', 'questions', 'email']);

/**
 * iCIMS: `https://{prefix}-{company}.icims.com/jobs/{id}/{slug}/job` (also without the slug, with
 * `?in_iframe=1`, `/login`, `/candidate`…). The public page wraps the posting in an iframe; the
 * frame (`?in_iframe=1`) carries it as schema.org JSON-LD, so that is what the loader asks for.
 */
function fromUrl(url: URL): PostingIdentity | null {
  if (!ICIMS_HOST.test(url.hostname) || url.hostname.toLowerCase().startsWith('api.')) return null;
  const segs = url.pathname.split('/').filter((s) => s !== '');
  if (segs[0] !== 'jobs' || !segs[1] || !JOB_ID.test(segs[1])) return null;
  const rest = segs.slice(2);
  const last = rest[rest.length - 1];
  if (rest.length > 2 || (last !== undefined && rest.length === 2 && !JOB_PAGES.has(last))) return null;
  const host = url.hostname.toLowerCase();
  const tenant = host.slice(0, -'.icims.com'.length);
  return postingIdentity('icims', tenant, segs[1], `https://${host}/jobs/${segs[1]}/job`);
}

/** iCIMS writes `UNAVAILABLE` for an empty address part (a remote posting's city). */
function withoutUnavailable(posting: Record<string, unknown>): Record<string, unknown> {
  const places = Array.isArray(posting.jobLocation) ? posting.jobLocation : [posting.jobLocation];
  const cleaned = places.slice(0, 100).map((place) => {
    if (!isRecord(place) || !isRecord(place.address)) return place;
    const address = Object.fromEntries(
      Object.entries(place.address).filter(([, v]) => !(typeof v === 'string' && /^unavailable$/i.test(v))),
    );
    return { ...place, address };
  });
  return { ...posting, jobLocation: cleaned };
}

export const icimsProvider: Provider = {
  id: 'icims',
  identify: fromUrl,
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'icims' || !identity.jobId) return null;
    return { url: `${identity.canonicalUrl}?in_iframe=1`, accept: 'text/html' };
  },
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    if (context.identity?.source !== 'icims' && !pageIsOn(page, context.url, ICIMS_HOST)) {
      const posting = findJobPosting(page.jsonLd);
      const url = posting ? str(posting.url) : null;
      if (!url || !ICIMS_HOST.test(hostOf(url) ?? '')) return null;
    }
    const posting = findJobPosting(page.jsonLd);
    if (posting) {
      // The employer's own applicant-tracking page.
      const draft = firstPartyDraft(withoutUnavailable(posting), 'icims');
      draft.department = str(posting.occupationalCategory, 200);
      draft.companySlug =
        context.identity?.source === 'icims' ? companyOfTenant(context.identity.tenant) : null;
      return draft;
    }
    // The outer page (or a frame without JSON-LD): the title and the job content block.
    const draft = emptyDraft('icims');
    const heading = findFirst(page.root, (e) => hasClass(e, 'iCIMS_Header') || hasClass(e, 'iCIMS_JobTitle'));
    draft.title = heading ? str(visibleText(heading)) : null;
    const content = findFirst(page.root, (e) => hasClass(e, 'iCIMS_JobContent'));
    if (content && visibleText(content).length > 200) draft.descriptionElements = [content];
    else draft.limitation = 'header-only';
    draft.companySlug =
      context.identity?.source === 'icims' ? companyOfTenant(context.identity.tenant) : null;
    return draft;
  },
};

/** `careers-acme` → `acme`: the sub-domain's prefix is iCIMS's, the rest the company's. */
function companyOfTenant(tenant: string | null): string | null {
  if (!tenant) return null;
  const m = /^(?:[a-z]*careers|jobs|external|internal|[a-z]{2}jobs)-(.+)$/i.exec(tenant);
  return m?.[1] ?? tenant;
}
