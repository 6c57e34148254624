import { findFirst, visibleText } from '../html/dom.js';
import type { HtmlPage } from '../html/page.js';
import { type PostingIdentity, postingIdentity } from '../posting-identity.js';
import { draftFromJobPosting, findJobPosting } from './json-ld.js';
import { emptyDraft, type ParseContext, type PostingDraft, type Provider, str } from './types.js';

const SECTION = /^[A-Za-z0-9_.-]{1,60}$/;
const JOB = /^[A-Za-z0-9_-]{1,40}$/;
const JOB_PAGES = new Set(['jobdetail.ftl', 'jobapply.ftl', 'mobile-jobdetail.ftl']);

/**
 * Taleo Enterprise career sections: `https://{co}.taleo.net/careersection/{section}/jobdetail.ftl?job={n}`
 * (also `&lang=…`, `&tz=…`, `jobapply.ftl`, and custom domains serving the same `/careersection/`
 * paths). Canonical: the job detail page with only `job`.
 */
function fromUrl(url: URL): PostingIdentity | null {
  const segs = url.pathname.split('/').filter((s) => s !== '');
  if (segs[0]?.toLowerCase() !== 'careersection') return null;
  const page = segs[segs.length - 1]?.toLowerCase() ?? '';
  if (!JOB_PAGES.has(page) || segs.length > 3) return null;
  const section = segs.length === 3 ? segs[1] : null;
  if (section !== null && (section === undefined || !SECTION.test(section))) return null;
  const job = url.searchParams.get('job');
  if (!job || !JOB.test(job)) return null;
  const host = url.hostname.toLowerCase();
  const company = host.endsWith('.taleo.net') ? host.split('.')[0] : host;
  const base = section ? `/careersection/${section}` : '/careersection';
  return postingIdentity(
    'taleo',
    section ? `${company}/${section}` : (company ?? null),
    job,
    `https://${host}${base}/jobdetail.ftl?job=${encodeURIComponent(job)}`,
  );
}

const FILL_LIST = "api.fillList('requisitionDescriptionInterface', 'descRequisition', [";
const MAX_SCRIPT = 2_000_000;

/** The single-quoted JavaScript strings of the array that follows `start` (`'a','it\'s'`). */
export function jsStrings(text: string, start: number): string[] {
  const out: string[] = [];
  let i = start;
  while (i < text.length && out.length < 500) {
    const c = text[i];
    if (c === ']') break;
    if (c !== "'") {
      i += 1;
      continue;
    }
    let value = '';
    i += 1;
    while (i < text.length && text[i] !== "'") {
      if (text[i] === '\\' && i + 1 < text.length) {
        value += text[i + 1];
        i += 2;
      } else {
        value += text[i];
        i += 1;
      }
    }
    out.push(value);
    i += 1;
  }
  return out;
}

/** A `!*!`-marked value: percent-encoded HTML written by the requisition's editor. */
function decodeRich(value: string): string | null {
  if (!value.startsWith('!*!')) return null;
  try {
    return decodeURIComponent(value.slice(3).replace(/\+/g, '%20'));
  } catch {
    return null;
  }
}

/**
 * Taleo Enterprise (Oracle Taleo): the job page renders its fields client-side from a script call
 * `api.fillList('requisitionDescriptionInterface', 'descRequisition', [...])`, whose rich-text values
 * (description, qualifications) are percent-encoded and marked `!*!`. Which positions hold the title
 * or the location depends on the career section's configuration, so only the marked rich text is
 * read by shape; the title comes from the page's title element, and any JSON-LD the section emits
 * is used first. The REST search (`/careersection/rest/jobboard/searchjobs`) is a POST and is not
 * used. No real captured page was available to test against (see the fixtures' SOURCE.md).
 */
export const taleoProvider: Provider = {
  id: 'taleo',
  identify: fromUrl,
  apiRequest: () => null,
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    const script = page.scripts.find(
      (s) => s.text.length < MAX_SCRIPT && s.text.includes("'requisitionDescriptionInterface'"),
    );
    if (context.identity?.source !== 'taleo' && !script) return null;
    const posting = findJobPosting(page.jsonLd);
    const draft: PostingDraft = posting
      ? { ...draftFromJobPosting(posting), source: 'taleo' }
      : emptyDraft('taleo');
    const titleElement = findFirst(page.root, (e) =>
      /^requisitionDescriptionInterface\.reqTitleLinkAction/.test(e.attribs.id ?? ''),
    );
    draft.title ??= titleElement ? str(visibleText(titleElement)) : null;
    if (script && draft.descriptionHtml.length === 0 && !draft.descriptionText) {
      const at = script.text.indexOf(FILL_LIST);
      const values = at >= 0 ? jsStrings(script.text, at + FILL_LIST.length) : [];
      draft.descriptionHtml = values
        .map(decodeRich)
        .filter((h): h is string => h !== null && h.trim().length > 0);
      if (draft.descriptionHtml.length > 0) draft.limitation = null;
    }
    if (!posting && draft.descriptionHtml.length === 0) draft.limitation = 'header-only';
    draft.companySlug =
      context.identity?.source === 'taleo' ? (context.identity.tenant?.split('/')[0] ?? null) : null;
    draft.salary ??= draft.thirdParty.salary;
    draft.thirdParty = { salary: null, workplaceType: null, employmentType: null };
    return draft;
  },
};
