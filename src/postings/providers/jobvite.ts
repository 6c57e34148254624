import { readLabelledFields } from '../description/labelled-fields.js';
import { classifyHeading } from '../description/sections.js';
import { htmlToBlocks } from '../html/blocks.js';
import { findFirst, type HtmlElement, hasClass, visibleText } from '../html/dom.js';
import type { HtmlPage } from '../html/page.js';
import { type PostingIdentity, postingIdentity } from '../posting-identity.js';
import type { WorkplaceType } from '../posting-summary.js';
import { draftFromJobPosting, findJobPosting } from './json-ld.js';
import { countryName, pageIsOn, splitLocations, uniqueStrings } from './shared.js';
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
  return postingIdentity('jobvite', tenant, id, `https://jobs.jobvite.com/${tenant}/job/${id}`);
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

/** Jobvite's own label over the advert, not the employer's words. */
const CONTAINER_LABEL = /^(?:job )?description$/i;
const MAX_TITLE = 100;
const MAX_TITLE_WORDS = 12;

/**
 * A page kept without its `.jv-header` (a capture of the advert alone): employers open the advert with
 * the position's name on a short bold line of its own ("Financial Analyst, Pricing"). Only that first
 * line counts, and only when it is no sentence, no "Label: value" line and no section heading.
 */
function titleFromAdvert(description: HtmlElement): string | null {
  const blocks = htmlToBlocks(description).slice(0, 3);
  const first = blocks.find((b) => !(b.kind === 'heading' && CONTAINER_LABEL.test(b.text)));
  if (!first || first.kind === 'item') return null;
  if (first.kind === 'paragraph' && !first.strong) return null;
  const text = first.text;
  if (text.length > MAX_TITLE || text.split(' ').length > MAX_TITLE_WORDS) return null;
  if (/[.!?:]$/.test(text) || text.includes(': ') || classifyHeading(text) !== null) return null;
  return text;
}

/** "Remote-USA", "Hybrid - Austin, TX", "Remote (Canada)": the workplace word, then the place. */
const WORKPLACE_PREFIX = /^(remote|hybrid|on-?site)\b\s*(?:[-–—:,/|(]\s*)?(.*?)\)?$/i;

/** A "Location: …" line of the advert → places and the workplace it names, if any. */
function placeFromLabel(value: string): { locations: string[]; workplace: WorkplaceType | null } {
  const m = WORKPLACE_PREFIX.exec(value.slice(0, 200));
  if (!m) return { locations: splitLocations(value), workplace: null };
  const word = (m[1] ?? '').toLowerCase();
  const workplace: WorkplaceType = word === 'remote' ? 'remote' : word === 'hybrid' ? 'hybrid' : 'onsite';
  const place = countryName(m[2]);
  return { locations: place ? [place] : [], workplace };
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
    if (description && !header && !meta) {
      // No header or meta line: the advert's own first line and "Location:" line are all there is.
      draft.title ??= titleFromAdvert(description);
      if (draft.locations.length === 0) {
        const labels = readLabelledFields(description);
        const place = labels.location ? placeFromLabel(labels.location) : null;
        if (place) draft.locations = place.locations;
        draft.workplaceType ??= place?.workplace ?? labels.workplaceType;
        draft.employmentType ??= labels.employmentType;
      }
    }
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
