import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { normalizeWorkplace } from '../description/workplace.js';
import { findAll, findFirst, type HtmlElement, hasClass, visibleText } from '../html/dom.js';
import { type HtmlPage, isRecord } from '../html/page.js';
import type { PostingIdentity } from '../posting-identity.js';
import {
  escapeHtmlText,
  firstPathSegment,
  idFromUrl,
  periodFromUnit,
  salaryOf,
  uniqueStrings,
} from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str } from './types.js';

/** Lever postings API v0 posting (full or trimmed). */
const postingSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    hostedUrl: z.string().optional(),
    categories: z
      .object({
        commitment: z.unknown().optional(),
        location: z.unknown().optional(),
        team: z.unknown().optional(),
        department: z.unknown().optional(),
        allLocations: z.array(z.unknown()).optional(),
      })
      .passthrough()
      .optional(),
    description: z.string().nullish(),
    descriptionPlain: z.string().nullish(),
    lists: z.array(z.object({ text: z.unknown(), content: z.unknown() }).passthrough()).nullish(),
    additional: z.string().nullish(),
    additionalPlain: z.string().nullish(),
    workplaceType: z.unknown().optional(),
    salaryRange: z
      .object({ min: z.unknown(), max: z.unknown(), currency: z.unknown(), interval: z.unknown() })
      .partial()
      .nullish(),
  })
  .passthrough();
type LeverPosting = z.infer<typeof postingSchema>;

function isEuHost(url: string): boolean {
  return /(?:^|\/\/)jobs\.eu\.lever\.co\b/i.test(url);
}

/** Lever's header shows "Department – Team"; the API has both as categories. */
function departmentOf(department: unknown, team: unknown): string | null {
  const d = str(department);
  const t = str(team);
  if (d && t && d !== t) return `${d} – ${t}`;
  return t ?? d;
}

function draftFromPosting(p: LeverPosting): PostingDraft {
  const draft = emptyDraft('lever');
  draft.url = str(p.hostedUrl);
  draft.title = str(p.text);
  draft.companySlug = firstPathSegment(p.hostedUrl);
  const c = p.categories ?? {};
  draft.locations = uniqueStrings([...(c.allLocations ?? []).map((l) => str(l)), str(c.location)]);
  draft.department = departmentOf(c.department, c.team);
  draft.employmentType = normalizeEmploymentType(c.commitment);
  draft.workplaceType = normalizeWorkplace(p.workplaceType);
  if (p.salaryRange) {
    const r = p.salaryRange;
    draft.salary = salaryOf(
      typeof r.min === 'number' ? r.min : null,
      typeof r.max === 'number' ? r.max : null,
      r.currency,
      periodFromUnit(r.interval),
    );
  }
  if (p.description || p.lists?.length || p.additional) {
    const lists = (p.lists ?? [])
      .map(
        (l) =>
          `<h3>${escapeHtmlText(str(l.text) ?? '')}</h3><ul>${typeof l.content === 'string' ? l.content : ''}</ul>`,
      )
      .join('');
    draft.descriptionHtml = [p.description ?? '', lists, p.additional ?? ''].filter((h) => h.length > 0);
  } else if (p.descriptionPlain) {
    draft.descriptionText = [p.descriptionPlain, p.additionalPlain ?? ''].join('\n');
  } else {
    draft.limitation = 'no-description';
  }
  return draft;
}

function categoryText(root: HtmlElement, className: string): string | null {
  const el = findFirst(root, (e) => hasClass(e, 'posting-category') && hasClass(e, className));
  if (!el) return null;
  // Header labels carry a trailing " /" separator.
  return str(visibleText(el).replace(/\s*\/\s*$/, ''));
}

/**
 * Lever: postings API v0 (single posting or the company's list; EU host too) and hosted pages.
 * The hosted apply page carries only the header (title, location, team, commitment, workplace).
 * @see https://github.com/lever/postings-api
 */
export const leverProvider: Provider = {
  id: 'lever',
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'lever' || !identity.tenant || !identity.jobId) return null;
    const host = isEuHost(identity.canonicalUrl) ? 'api.eu.lever.co' : 'api.lever.co';
    return {
      url: `https://${host}/v0/postings/${encodeURIComponent(identity.tenant)}/${encodeURIComponent(identity.jobId)}`,
      accept: 'application/json',
    };
  },
  parseJson(data: unknown, context: ParseContext): PostingDraft | null {
    let candidate: unknown = data;
    if (Array.isArray(data)) {
      const wanted = context.identity?.jobId ?? idFromUrl(context.url);
      const list = data.slice(0, 5000);
      candidate = list.find((p) => isRecord(p) && p.id === wanted) ?? (wanted ? null : list[0]);
      if (!candidate) {
        if (list.some((p) => isRecord(p) && typeof p.hostedUrl === 'string')) {
          const draft = emptyDraft('lever');
          draft.unlisted = true;
          return draft;
        }
        return null;
      }
    }
    if (
      !isRecord(candidate) ||
      typeof candidate.text !== 'string' ||
      !('categories' in candidate || 'hostedUrl' in candidate)
    )
      return null;
    const parsed = postingSchema.safeParse(candidate);
    return parsed.success ? draftFromPosting(parsed.data) : null;
  },
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    const header = findFirst(
      page.root,
      (e) => hasClass(e, 'posting-header') || hasClass(e, 'posting-headline'),
    );
    if (!header) return null;
    const titleEl = findFirst(header, (e) => e.name === 'h2' || e.name === 'h1');
    const draft = emptyDraft('lever');
    draft.title = titleEl ? str(visibleText(titleEl)) : null;
    draft.locations = uniqueStrings([categoryText(header, 'location')]);
    draft.department = categoryText(header, 'department');
    draft.employmentType = normalizeEmploymentType(categoryText(header, 'commitment'));
    draft.workplaceType = normalizeWorkplace(categoryText(header, 'workplaceTypes'));
    draft.companySlug = firstPathSegment(context.url);
    // og:title is "Company - Title"; the logo's alt is "Company logo".
    const ogTitle = page.meta.get('og:title') ?? page.meta.get('twitter:title') ?? page.title ?? '';
    if (draft.title && ogTitle.endsWith(` - ${draft.title}`))
      draft.company = str(ogTitle.slice(0, -draft.title.length - 3));
    if (!draft.company) {
      const logo = findFirst(page.root, (e) => e.name === 'img' && /\blogo$/i.test(e.attribs.alt ?? ''));
      draft.company = logo ? str((logo.attribs.alt ?? '').replace(/\s*logo$/i, '')) : null;
    }
    const sections = findAll(
      page.root,
      (e) =>
        e.attribs['data-qa'] === 'job-description' ||
        e.attribs['data-qa'] === 'closing-description' ||
        (hasClass(e, 'section') &&
          hasClass(e, 'page-centered') &&
          !hasClass(e, 'posting-header') &&
          !hasClass(e, 'application-form') &&
          findFirst(e, (c) => c.name === 'ul' || c.name === 'h3') !== null &&
          findFirst(e, (c) => c.name === 'form' || c.name === 'input') === null),
    );
    draft.descriptionElements = sections;
    if (sections.length === 0) {
      draft.limitation = 'header-only';
      draft.metaDescription = str(page.meta.get('og:description') ?? page.meta.get('twitter:description'));
    }
    return draft;
  },
};
