import { normalizeEmploymentType } from '../description/employment-type.js';
import { normalizeWorkplace } from '../description/workplace.js';
import { findAll, findFirst, type HtmlElement, visibleText } from '../html/dom.js';
import { type HtmlPage, isRecord } from '../html/page.js';
import type { Salary } from '../posting-summary.js';
import {
  countryName,
  formatAddress,
  moneyNumber,
  periodFromUnit,
  salaryOf,
  unescapeHtmlIfEscaped,
  uniqueStrings,
} from './shared.js';
import { emptyDraft, type PostingDraft, type Provider, str } from './types.js';

function isJobPosting(value: Record<string, unknown>): boolean {
  const type = value['@type'];
  return type === 'JobPosting' || (Array.isArray(type) && type.includes('JobPosting'));
}

/** The first schema.org JobPosting among a page's JSON-LD objects. */
export function findJobPosting(objects: readonly Record<string, unknown>[]): Record<string, unknown> | null {
  return objects.find(isJobPosting) ?? null;
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.slice(0, 100);
  return value === undefined || value === null ? [] : [value];
}

function baseSalary(value: unknown): Salary | null {
  if (!isRecord(value)) return null;
  const v = isRecord(value.value) ? value.value : value;
  const single = moneyNumber(v.value);
  const min = moneyNumber(v.minValue) ?? single;
  const max = moneyNumber(v.maxValue) ?? single;
  return salaryOf(min, max, value.currency ?? v.currency, periodFromUnit(v.unitText ?? value.unitText));
}

/** A JSON-LD JobPosting object → draft (source `jsonld`). */
export function draftFromJobPosting(posting: Record<string, unknown>): PostingDraft {
  const draft = emptyDraft('jsonld');
  draft.title = str(posting.title);
  const org = asArray(posting.hiringOrganization)[0];
  draft.company = isRecord(org) ? str(org.name) : str(org);
  draft.url = str(posting.url);
  const locations = asArray(posting.jobLocation).map((place) =>
    isRecord(place) ? (formatAddress(place.address) ?? str(place.name)) : str(place),
  );
  draft.locations = uniqueStrings(locations);
  if (draft.locations.length === 0) {
    draft.locations = uniqueStrings(
      asArray(posting.applicantLocationRequirements).map((r) =>
        isRecord(r) ? countryName(r.name) : countryName(r),
      ),
    );
  }
  draft.employmentType = normalizeEmploymentType(posting.employmentType);
  // Aggregators fill these from their own badges; the employer's text wins when it says otherwise.
  draft.thirdParty.salary = baseSalary(posting.baseSalary) ?? baseSalary(posting.estimatedSalary);
  draft.thirdParty.workplaceType = normalizeWorkplace(posting.jobLocationType);
  const description = str(posting.description, 2_000_000);
  if (description) {
    if (/<\/?[a-z][a-z0-9]*[\s>/]|&lt;/i.test(description))
      draft.descriptionHtml = [unescapeHtmlIfEscaped(description)];
    else draft.descriptionText = description;
  } else draft.limitation = 'no-description';
  return draft;
}

const BADGE =
  /^(?:remote|fully remote|hybrid|remote or hybrid|hybrid or remote|in-office|in office|on-?site|in-office or remote|remote or in-office)$/i;

/**
 * A workplace badge shown near the page's heading ("Hybrid", "Remote or Hybrid"), as aggregators
 * render it outside the JSON-LD. Looks only at short text right after the first h1.
 */
export function workplaceBadge(root: HtmlElement): ReturnType<typeof normalizeWorkplace> {
  const h1 = findFirst(root, (e) => e.name === 'h1');
  if (!h1) return null;
  let seen = 0;
  let after = false;
  let found: string | null = null;
  for (const element of findAll(
    root,
    (e) => e === h1 || (e.children.length > 0 && e.children.every((c) => c.type === 'text')),
  )) {
    if (element === h1) {
      after = true;
      continue;
    }
    if (!after || found) continue;
    seen += 1;
    if (seen > 40) break;
    const text = visibleText(element);
    if (BADGE.test(text)) found = text;
  }
  if (!found) return null;
  // "Remote or Hybrid": the most flexible option offered.
  if (/remote/i.test(found)) return 'remote';
  if (/hybrid/i.test(found)) return 'hybrid';
  return 'onsite';
}

/**
 * Any page with a schema.org JobPosting in JSON-LD (including `type="application/ld&#x2B;json"`).
 * @see https://schema.org/JobPosting
 */
export const jsonLdProvider: Provider = {
  id: 'jsonld',
  apiRequest: () => null,
  parseJson(data: unknown): PostingDraft | null {
    const objects: Record<string, unknown>[] = [];
    for (const v of asArray(data)) {
      if (!isRecord(v)) continue;
      objects.push(v);
      for (const g of asArray(v['@graph'])) if (isRecord(g)) objects.push(g);
    }
    const posting = findJobPosting(objects);
    return posting ? draftFromJobPosting(posting) : null;
  },
  parseHtml(page: HtmlPage): PostingDraft | null {
    const posting = findJobPosting(page.jsonLd);
    if (!posting) return null;
    const draft = draftFromJobPosting(posting);
    draft.thirdParty.workplaceType ??= workplaceBadge(page.root);
    draft.metaDescription = str(page.meta.get('og:description') ?? page.meta.get('description'));
    return draft;
  },
};
