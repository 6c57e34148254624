import { findFirst, type HtmlElement, hasClass, visibleText } from '../html/dom.js';
import type { HtmlPage } from '../html/page.js';
import type { PostingIdentity } from '../posting-identity.js';
import { draftFromJobPosting, findJobPosting } from './json-ld.js';
import { pageIsOn, uniqueStrings } from './shared.js';
import { emptyDraft, type ParseContext, type PostingDraft, type Provider, str } from './types.js';

const JOBVITE_HOST = /^(?:jobs|careers)\.jobvite\.com$/i;
const COMPANY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}$/;
/** Jobvite job ids: `oJVFAfwD`, `oiiRyfwJ` (eight characters, an `o` first), kept loose. */
const JOB_ID = /^[A-Za-z0-9]{5,16}$/;

/**
 * `https://jobs.jobvite.com/{company}/job/{id}` — also `/apply`, `careers.jobvite.com`, and the
 * older `/careers/{company}/job/{id}`. Canonical: jobs.jobvite.com, the company lower-cased.
 */
function fromUrl(url: URL): PostingIdentity | null {
  if (!JOBVITE_HOST.test(url.hostname)) return null;
  let segs = url.pathname.split('/').filter((s) => s !== '');
  if (segs[0] === 'careers' && segs[2] === 'job') segs = segs.slice(1);
  const [company, job, id, extra, ...more] = segs;
  if (!company || !COMPANY.test(company) || job !== 'job' || !id || !JOB_ID.test(id)) return null;
  if (more.length > 0 || (extra !== undefined && extra !== 'apply')) return null;
  const tenant = company.toLowerCase();
  return {
    source: 'jobvite',
    tenant,
    jobId: id,
    canonicalUrl: `https://jobs.jobvite.com/${tenant}/job/${id}`,
  };
}

/**
 * `<p class="jv-job-detail-meta">Category<span class="jv-inline-separator"></span>City, Region
 * <span class="jv-inline-separator"></span>Req.Num.: 123</p>`: the parts between separators.
 */
function metaParts(meta: HtmlElement): string[] {
  const parts: string[] = [];
  let current = '';
  const walk = (element: HtmlElement): void => {
    for (const child of element.children) {
      if (child.type === 'text') current += child.data;
      else if (hasClass(child, 'jv-inline-separator')) {
        parts.push(current);
        current = '';
      } else if (child.name === 'br') current += ' ';
      else walk(child);
    }
  };
  walk(meta);
  parts.push(current);
  return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0);
}

function isJobvitePage(page: HtmlPage, context: ParseContext): boolean {
  return (
    context.identity?.source === 'jobvite' ||
    pageIsOn(page, context.url, JOBVITE_HOST) ||
    findFirst(page.root, (e) => hasClass(e, 'jv-job-detail-description')) !== null
  );
}

/**
 * Jobvite careers pages: a server-rendered job page (`.jv-header`, `.jv-job-detail-meta`,
 * `.jv-job-detail-description`), on many tenants with a schema.org JobPosting as well. There is no
 * public per-job JSON without an API key.
 * @see https://careers.jobvite.com/
 */
export const jobviteProvider: Provider = {
  id: 'jobvite',
  identify: fromUrl,
  apiRequest: () => null,
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    if (!isJobvitePage(page, context)) return null;
    const posting = findJobPosting(page.jsonLd);
    const draft: PostingDraft = posting
      ? { ...draftFromJobPosting(posting), source: 'jobvite' }
      : emptyDraft('jobvite');
    const header = findFirst(page.root, (e) => hasClass(e, 'jv-header'));
    draft.title = (header ? str(visibleText(header)) : null) ?? draft.title;
    const meta = findFirst(page.root, (e) => hasClass(e, 'jv-job-detail-meta'));
    if (meta) {
      const parts = metaParts(meta).filter((p) => !/^req\.?\s*num/i.test(p));
      const [category, ...places] = parts;
      // One part only: a location (Jobvite puts the category first when the tenant shows it).
      if (places.length > 0) draft.department ??= str(category, 200);
      const locations = places.length > 0 ? places : parts;
      if (draft.locations.length === 0) draft.locations = uniqueStrings(locations.slice(0, 50));
    }
    const description = findFirst(page.root, (e) => hasClass(e, 'jv-job-detail-description'));
    if (description) {
      draft.descriptionHtml = [];
      draft.descriptionText = null;
      draft.descriptionElements = [description];
      draft.limitation = null;
    } else if (!posting) draft.limitation = 'header-only';
    draft.companySlug = context.identity?.source === 'jobvite' ? context.identity.tenant : null;
    // The employer's own careers page: its JSON-LD values are first-party.
    draft.salary ??= draft.thirdParty.salary;
    draft.workplaceType ??= draft.thirdParty.workplaceType;
    draft.thirdParty = { salary: null, workplaceType: null, employmentType: null };
    return draft;
  },
};
