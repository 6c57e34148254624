import { z } from 'zod';
import {
  employmentTypeFromLabel,
  type LabelledFields,
  readLabelledFields,
  readLabelledLines,
} from '../description/labelled-fields.js';
import { currencyForLocations, extractSalary, parseAmount } from '../description/salary.js';
import { normalizeWorkplace } from '../description/workplace.js';
import { findAll, findFirst, type HtmlElement, visibleText } from '../html/dom.js';
import { type HtmlPage, isRecord } from '../html/page.js';
import type { PostingSource, Salary, WorkplaceType } from '../posting-summary.js';
import { mainContent } from './html-fallback.js';
import {
  countryName,
  pageIsOn,
  periodFromUnit,
  salaryOf,
  unescapeHtmlIfEscaped,
  uniqueStrings,
} from './shared.js';
import { emptyDraft, type ParseContext, type PostingDraft, type Provider, str } from './types.js';

/** `@type` as written: "JobPosting", ["JobPosting"], "schema:JobPosting", "http://schema.org/JobPosting". */
const typeSchema = z.union([z.string(), z.array(z.unknown())]);

function hasType(value: Record<string, unknown>, name: string): boolean {
  const parsed = typeSchema.safeParse(value['@type']);
  if (!parsed.success) return false;
  const types = typeof parsed.data === 'string' ? [parsed.data] : parsed.data;
  return types.some((t) => typeof t === 'string' && t.replace(/^.*[/:#]/, '').toLowerCase() === name);
}

function isJobPosting(value: Record<string, unknown>): boolean {
  return hasType(value, 'jobposting');
}

/**
 * The JobPosting among a page's JSON-LD objects (several blocks, `@graph`s and wrapping pages
 * already flattened): the first one that names a title, else the first at all.
 */
export function findJobPosting(objects: readonly Record<string, unknown>[]): Record<string, unknown> | null {
  const postings = objects.filter(isJobPosting);
  return postings.find((p) => str(p.title) ?? str(p.name)) ?? postings[0] ?? null;
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.slice(0, 100);
  return value === undefined || value === null ? [] : [value];
}

const ENTITY = /&(?:amp|quot|apos|lt|gt|nbsp|#\d{1,6}|#x[0-9a-f]{1,6});/gi;
const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** A plain-text JSON-LD value with HTML entities decoded ("R&amp;D" → "R&D"), as some sites write them. */
function text(value: unknown, max = 300): string | null {
  const s = str(value, max);
  if (!s?.includes('&')) return s;
  return str(
    s.replace(ENTITY, (e) => {
      const body = e.slice(1, -1).toLowerCase();
      if (body.startsWith('#x')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16) || 32);
      if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)) || 32);
      return NAMED[body] ?? e;
    }),
    max,
  );
}

// Boards that hide the employer put a notice where the name goes ("Confidential *Details will be
// provided during the interview.", "Vertraulich", "非公開"): shown as a company it would be wrong.
const UNDISCLOSED =
  /^(?:confidential|undisclosed|anonymous|private|hidden|vertraulich|anonym|confidentiel|confidencial|riservat|非公開|匿名)|\b(?:confidential (?:company|employer|client)|company confidential|undisclosed (?:company|employer|client))\b/i;

/** `hiringOrganization`: a name string, an Organization (name or legalName), or a list of them. */
function organizationName(value: unknown): string | null {
  for (const org of asArray(value)) {
    const name = isRecord(org) ? (text(org.name) ?? text(org.legalName)) : text(org);
    // A bare URL (`"hiringOrganization": "https://…"`) names no one.
    if (name && !/^https?:\/\//i.test(name) && !UNDISCLOSED.test(name)) return name;
  }
  return null;
}

// ISO codes JSON-LD addresses use beyond the shared table (`countryName`): Austria writes "AT".
const MORE_COUNTRIES: Record<string, string> = {
  AT: 'Austria',
  AUT: 'Austria',
  DK: 'Denmark',
  NO: 'Norway',
  FI: 'Finland',
  NZ: 'New Zealand',
  CZ: 'Czechia',
  HU: 'Hungary',
  RO: 'Romania',
  GR: 'Greece',
  LU: 'Luxembourg',
  SK: 'Slovakia',
  SI: 'Slovenia',
  HR: 'Croatia',
  BG: 'Bulgaria',
  EE: 'Estonia',
  LV: 'Latvia',
  LT: 'Lithuania',
  TR: 'Turkey',
  UA: 'Ukraine',
  ZA: 'South Africa',
  AE: 'United Arab Emirates',
  HK: 'Hong Kong',
  KR: 'South Korea',
  TW: 'Taiwan',
  CN: 'China',
  AR: 'Argentina',
  CL: 'Chile',
  CO: 'Colombia',
  PE: 'Peru',
  PH: 'Philippines',
  MY: 'Malaysia',
  TH: 'Thailand',
  VN: 'Vietnam',
  ID: 'Indonesia',
  NG: 'Nigeria',
  KE: 'Kenya',
  EG: 'Egypt',
};

function country(value: unknown): string | null {
  const name = text(value, 100);
  return name ? (MORE_COUNTRIES[name.toUpperCase()] ?? countryName(name)) : null;
}

/** A `jobLocation` entry: a Place (address object, string or list, else its name) or a plain string. */
function placeOf(value: unknown): string | null {
  if (!isRecord(value)) return text(value, 200);
  const address = Array.isArray(value.address) ? value.address[0] : (value.address ?? value);
  if (!isRecord(address)) return text(address, 200) ?? text(value.name, 200);
  const addressCountry = isRecord(address.addressCountry)
    ? address.addressCountry.name
    : address.addressCountry;
  const countryLabel = country(addressCountry);
  const region = text(address.addressRegion, 100);
  const parts = uniqueStrings([
    text(address.addressLocality, 100),
    // A region that is the country again ("JP" beside "JP") says nothing more.
    region && country(region) === countryLabel ? null : region,
    countryLabel,
  ]);
  return parts.length > 0 ? parts.join(', ') : text(value.name, 200);
}

const ANYWHERE =
  /^(?:anywhere|worldwide|world ?wide|global(?:ly)?|remote|earth|international|all countries)$/i;

/** `applicantLocationRequirements` (Country, State, AdministrativeArea) → area names. */
function applicantAreas(value: unknown): string[] {
  return uniqueStrings(
    asArray(value).map((area) => {
      const name = isRecord(area) ? (text(area.name, 100) ?? text(area.identifier, 100)) : text(area, 100);
      return name ? country(name) : null;
    }),
  );
}

/**
 * Where the job is: `jobLocation`'s places as written (a country-only place stays the country, as
 * the hand-checked cards show it: "United States"). A remote posting (`jobLocationType:
 * TELECOMMUTE`) with no place is remote within its applicant areas ("Remote (Canada)"), or just
 * "Remote" when the area is "Anywhere".
 */
function locationsOf(posting: Record<string, unknown>, remote: boolean): string[] {
  const places = asArray(posting.jobLocation)
    .map(placeOf)
    .filter((p): p is string => p !== null);
  if (places.length > 0) return uniqueStrings(places);
  const areas = applicantAreas(posting.applicantLocationRequirements);
  const named = areas.filter((a) => !ANYWHERE.test(a));
  if (!remote) return named;
  if (named.length === 0) return ['Remote'];
  return uniqueStrings(named.map((a) => `Remote (${a})`));
}

const amountSchema = z.union([z.number(), z.string()]);

function amount(value: unknown): number | null {
  const parsed = amountSchema.safeParse(value);
  if (!parsed.success) return null;
  const n = typeof parsed.data === 'number' ? parsed.data : parseAmount(parsed.data.slice(0, 50));
  return n !== null && Number.isFinite(n) && n > 0 ? n : null;
}

/**
 * A `baseSalary` / `estimatedSalary`: a MonetaryAmount whose `value` is a number, a string
 * ("50.000,00") or a QuantitativeValue (`minValue`/`maxValue`/`value`, `unitText`), a bare number,
 * a MonetaryAmountDistribution (`percentile10`…`percentile90`, `median`), or a list of these.
 * The currency falls back to the posting's `salaryCurrency`, then to the country of its places.
 */
function salaryFrom(value: unknown, fallbackCurrency: string | null): Salary | null {
  for (const item of asArray(value)) {
    if (!isRecord(item)) {
      const single = amount(item);
      if (single !== null) return salaryOf(single, single, fallbackCurrency, null);
      continue;
    }
    const v = isRecord(item.value) ? item.value : item;
    const single = amount(v.value) ?? amount(item.value) ?? amount(v.median);
    let min = amount(v.minValue) ?? amount(v.percentile10) ?? amount(v.percentile25) ?? single;
    let max = amount(v.maxValue) ?? amount(v.percentile90) ?? amount(v.percentile75) ?? single;
    if (min !== null && max !== null && min > max) [min, max] = [max, min];
    const currency = text(item.currency ?? v.currency, 10) ?? fallbackCurrency;
    const salary = salaryOf(min, max, currency, periodFromUnit(v.unitText ?? item.unitText));
    if (salary) return salary;
  }
  return null;
}

function workplaceOf(posting: Record<string, unknown>): WorkplaceType | null {
  for (const t of asArray(posting.jobLocationType)) {
    const w = normalizeWorkplace(t);
    if (w) return w;
  }
  return null;
}

const experienceSchema = z.object({ monthsOfExperience: z.union([z.number(), z.string()]) });

/**
 * `experienceRequirements: { "@type": "OccupationalExperienceRequirements", "monthsOfExperience": 60 }`
 * → 5 years (whole years, rounded down: "18 months" asks for at least one; under a year gives
 * none). Free text ("Entry
 * Level") states no number here; the description's own wording is read by the summariser.
 * @see https://schema.org/OccupationalExperienceRequirements
 */
function statedMinYearsOf(value: unknown): number | null {
  for (const item of asArray(value)) {
    const parsed = experienceSchema.safeParse(item);
    if (!parsed.success) continue;
    const years = Math.floor(Number(parsed.data.monthsOfExperience) / 12);
    // Under a year is no yearly minimum to show; beyond 40 years is a typo or a placeholder.
    if (Number.isFinite(years) && years >= 1 && years <= 40) return years;
  }
  return null;
}

/**
 * A JobPosting the employer publishes on its own board (JOIN, Teamtailor, iCIMS): its structured salary
 * and remote flag are first-party, not an aggregator's, so they win over the description's text.
 */
export function firstPartyDraft(posting: Record<string, unknown>, source: PostingSource): PostingDraft {
  const draft: PostingDraft = { ...draftFromJobPosting(posting), source };
  draft.salary = draft.thirdParty.salary;
  draft.workplaceType = draft.thirdParty.workplaceType;
  draft.thirdParty = { salary: null, workplaceType: null, employmentType: null };
  return draft;
}

/**
 * The page of a board that hosts the employer's own ad (JOIN, Teamtailor career sites): its JSON-LD
 * JobPosting, first-party. Null when the page is not the board's or carries no JobPosting.
 */
export function ownBoardPageDraft(
  page: HtmlPage,
  context: ParseContext,
  source: PostingSource,
  host: RegExp,
): PostingDraft | null {
  const ownIdentity = context.identity?.source === source ? context.identity : null;
  if (!ownIdentity && !pageIsOn(page, context.url, host)) return null;
  const posting = findJobPosting(page.jsonLd);
  if (!posting) return null;
  const draft = firstPartyDraft(posting, source);
  draft.companySlug = ownIdentity?.tenant ?? null;
  draft.metaDescription = str(page.meta.get('og:description') ?? page.meta.get('description'));
  return draft;
}

/** A JSON-LD JobPosting object → draft (source `jsonld`). */
export function draftFromJobPosting(posting: Record<string, unknown>): PostingDraft {
  const draft = emptyDraft('jsonld');
  draft.title = text(posting.title) ?? text(posting.name);
  draft.company = organizationName(posting.hiringOrganization);
  draft.url = str(posting.url);
  const workplace = workplaceOf(posting);
  draft.locations = locationsOf(posting, workplace === 'remote');
  draft.employmentType = employmentTypeFromLabel(posting.employmentType);
  draft.statedMinYears = statedMinYearsOf(posting.experienceRequirements);
  const currency = text(posting.salaryCurrency, 10) ?? currencyForLocations(draft.locations);
  // Aggregators fill these from their own badges; the employer's text wins when it says otherwise.
  draft.thirdParty.salary =
    salaryFrom(posting.baseSalary, currency) ?? salaryFrom(posting.estimatedSalary, currency);
  draft.thirdParty.workplaceType = workplace;
  const description = str(posting.description, 2_000_000);
  if (description) {
    if (/<\/?[a-z][a-z0-9]*[\s>/]|&lt;/i.test(description))
      draft.descriptionHtml = [unescapeHtmlIfEscaped(description)];
    else draft.descriptionText = description;
    // The raw string: `str` has already folded its line breaks, which separate label lines.
    if (typeof posting.description === 'string') {
      fillFromLabels(draft, readLabelledLines(posting.description));
      draft.salary = agreedSalary(posting.description, draft.thirdParty.salary, draft.locations);
    }
  } else draft.limitation = 'no-description';
  return draft;
}

/** An ISO 3166-2 subdivision code as a region ("JP-13", "US-CA"): correct, but no reader's name for the place. */
const ISO_SUBDIVISION = /(?:^|, )[A-Z]{2}-[A-Z0-9]{1,3}(?:,|$)/;

const TAGS = /<[^>]{0,500}>/g;
const MAX_SALARY_TEXT = 200_000;

/**
 * The JSON-LD salary as the employer's own, when the description states the same amounts and
 * currency but no period ("The base salary range is 320,000 USD - 488,750 USD" beside
 * `unitText: YEAR`): the two agree, and only the structured data says per what. Null otherwise,
 * so the text (or, when silent, the structured data as a third party's) decides as before.
 */
function agreedSalary(description: string, structured: Salary | null, locations: string[]): Salary | null {
  if (!structured?.period || structured.min === null || structured.max === null) return null;
  const lines = description.slice(0, MAX_SALARY_TEXT).replace(TAGS, '\n').split('\n');
  const text = extractSalary(
    lines.filter((l) => /\d/.test(l)),
    { locations },
  );
  if (!text || text.period !== null) return null;
  const same =
    text.min === structured.min && text.max === structured.max && text.currency === structured.currency;
  return same ? structured : null;
}

/** A bare "Remote" (or no place at all) says less than an employer's "Location: Remote (US / Canada)". */
function vagueLocations(locations: readonly string[]): boolean {
  return locations.length === 0 || (locations.length === 1 && /^remote$/i.test(locations[0] ?? ''));
}

/** Fields the structured data left open, from the posting's own label lines or the page's labels. */
function fillFromLabels(draft: PostingDraft, labels: LabelledFields): void {
  if (labels.location && vagueLocations(draft.locations)) draft.locations = [labels.location];
  draft.employmentType ??= labels.employmentType;
  draft.department ??= labels.department;
  draft.workplaceType ??= labels.workplaceType;
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

function flatten(data: unknown): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (const v of asArray(data)) {
    if (!isRecord(v)) continue;
    objects.push(v);
    for (const g of asArray(v['@graph'])) if (isRecord(g)) objects.push(g);
    if (isRecord(v.mainEntity)) objects.push(v.mainEntity);
  }
  return objects;
}

/**
 * Any page with a schema.org JobPosting in JSON-LD (including `type="application/ld&#x2B;json"`),
 * in every form seen in the wild: `name` for `title`, `@graph`s, several blocks, `@type` lists,
 * organisations as strings, country-only remote places, every `baseSalary` shape.
 * @see https://schema.org/JobPosting
 * @see https://developers.google.com/search/docs/appearance/structured-data/job-posting
 */
export const jsonLdProvider: Provider = {
  id: 'jsonld',
  apiRequest: () => null,
  parseJson(data: unknown): PostingDraft | null {
    const posting = findJobPosting(flatten(data));
    return posting ? draftFromJobPosting(posting) : null;
  },
  parseHtml(page: HtmlPage): PostingDraft | null {
    const posting = findJobPosting(page.jsonLd);
    if (!posting) return null;
    const draft = draftFromJobPosting(posting);
    draft.thirdParty.workplaceType ??= workplaceBadge(page.root);
    // What the JSON-LD leaves open, the page may state as labels ("Standort: Graz"). Read only when a
    // place or the employment type is missing: most JSON-LD pages state both.
    const coded = draft.locations.some((l) => ISO_SUBDIVISION.test(l));
    if (vagueLocations(draft.locations) || !draft.employmentType || coded) {
      const labels = readLabelledFields(mainContent(page.root));
      // "新宿区, JP-13, Japan": the page's own "Location: 新宿区, Tokyo, Japan" names the same place readably.
      const locality = draft.locations[0]?.split(',')[0] ?? '';
      if (coded && draft.locations.length === 1 && locality && labels.location?.includes(locality))
        draft.locations = [labels.location];
      fillFromLabels(draft, labels);
    }
    draft.metaDescription = str(page.meta.get('og:description') ?? page.meta.get('description'));
    return draft;
  },
};
