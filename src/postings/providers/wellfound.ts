import type { HtmlPage } from '../html/page.js';
import type { PostingIdentity } from '../posting-identity.js';
import { draftFromJobPosting, findJobPosting } from './json-ld.js';
import { pageIsOn } from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';

/** Wellfound, and AngelList Talent's old hosts that redirect to it. */
const WELLFOUND_HOST = /^(?:www\.)?(?:wellfound\.com|angel\.co|angellist\.com)$/;
/** A job segment: the numeric listing id, optionally followed by the title's slug ("2747178-python-developer"). */
const JOB_SEGMENT = /^(\d{3,12})(?:-[A-Za-z0-9%_.~-]*)?$/;

/**
 * Wellfound (ex AngelList Talent): job pages `https://wellfound.com/jobs/{id}-{slug}`, the same job
 * under its company `https://wellfound.com/company/{company}/jobs/{id}-{slug}`, and old
 * `angel.co/...` links. Wellfound has no public jobs API and serves its pages to browsers only, so
 * the provider owns the URL rule and reads the page's schema.org JobPosting when a page is given
 * (the startup writes the listing, so its salary and remote flag are the employer's own).
 *
 * Identity: tenant null (the company is not in every form of the link), jobId = listing id;
 * canonical `https://wellfound.com/jobs/{id}`, which Wellfound redirects to the slugged page.
 * @see https://wellfound.com/jobs
 */
export const wellfoundProvider: Provider = {
  id: 'wellfound',
  identify(url: URL): PostingIdentity | null {
    if (!WELLFOUND_HOST.test(url.hostname)) return null;
    const segs = url.pathname.split('/').filter(Boolean);
    // /jobs/{id}-{slug} or /company/{company}/jobs/{id}-{slug}; a `job_listing_slug` parameter on a
    // company or search page names the job opened in its side panel.
    let segment: string | undefined;
    if (segs[0] === 'jobs' && segs.length === 2) segment = segs[1];
    else if (segs[0] === 'company' && segs[2] === 'jobs' && segs.length === 4) segment = segs[3];
    segment ??= url.searchParams.get('job_listing_slug') ?? undefined;
    const match = segment ? JOB_SEGMENT.exec(segment) : null;
    if (!match?.[1]) return null;
    const jobId = match[1];
    return { source: 'wellfound', tenant: null, jobId, canonicalUrl: `https://wellfound.com/jobs/${jobId}` };
  },
  apiRequest(_identity: PostingIdentity): ApiRequest | null {
    return null;
  },
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    if (context.identity?.source !== 'wellfound' && !pageIsOn(page, context.url, WELLFOUND_HOST)) return null;
    const posting = findJobPosting(page.jsonLd);
    if (!posting) return null;
    const draft = { ...draftFromJobPosting(posting), source: 'wellfound' as const };
    // The listing is the startup's own entry, not an aggregator's estimate.
    draft.salary = draft.thirdParty.salary;
    draft.workplaceType = draft.thirdParty.workplaceType;
    draft.employmentType ??= draft.thirdParty.employmentType;
    draft.thirdParty = { salary: null, workplaceType: null, employmentType: null };
    return draft;
  },
};
