import { closingBracket, isRecord } from '../html/page.js';
import type { PostingIdentity } from '../posting-identity.js';
import type { Salary, SalaryPeriod } from '../posting-summary.js';
import { str } from './types.js';

const COUNTRY_NAMES: Record<string, string> = {
  US: 'United States',
  USA: 'United States',
  CA: 'Canada',
  CAN: 'Canada',
  GB: 'United Kingdom',
  GBR: 'United Kingdom',
  UK: 'United Kingdom',
  DE: 'Germany',
  DEU: 'Germany',
  FR: 'France',
  FRA: 'France',
  NL: 'Netherlands',
  NLD: 'Netherlands',
  ES: 'Spain',
  ESP: 'Spain',
  IT: 'Italy',
  ITA: 'Italy',
  PT: 'Portugal',
  PRT: 'Portugal',
  IE: 'Ireland',
  IRL: 'Ireland',
  IN: 'India',
  IND: 'India',
  JP: 'Japan',
  JPN: 'Japan',
  AU: 'Australia',
  AUS: 'Australia',
  BR: 'Brazil',
  BRA: 'Brazil',
  MX: 'Mexico',
  MEX: 'Mexico',
  SG: 'Singapore',
  SGP: 'Singapore',
  PL: 'Poland',
  POL: 'Poland',
  SE: 'Sweden',
  SWE: 'Sweden',
  CH: 'Switzerland',
  CHE: 'Switzerland',
  BE: 'Belgium',
  BEL: 'Belgium',
  IL: 'Israel',
  ISR: 'Israel',
};

/** "USA" → "United States"; full names pass through. */
export function countryName(value: unknown): string | null {
  const s = str(value, 100);
  if (!s) return null;
  return COUNTRY_NAMES[s.toUpperCase()] ?? s;
}

/** Formats a schema.org PostalAddress-like object: "Locality, Region, Country" with the parts present. */
export function formatAddress(address: unknown): string | null {
  if (typeof address === 'string') return str(address, 200);
  if (!isRecord(address)) return null;
  const country = isRecord(address.addressCountry) ? address.addressCountry.name : address.addressCountry;
  const parts = [
    str(address.addressLocality, 100),
    str(address.addressRegion, 100),
    countryName(country),
  ].filter((p): p is string => p !== null);
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  return unique.length > 0 ? unique.join(', ') : null;
}

/** Splits a board's multi-location string ("A, B; C" or "A | B") into locations. */
export function splitLocations(value: unknown): string[] {
  const s = str(value, 2000);
  if (!s) return [];
  return s
    .split(/\s*(?:;|\|)\s*/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .slice(0, 50);
}

/** Unique non-empty strings, order kept. */
export function uniqueStrings(values: ReadonlyArray<string | null | undefined>): string[] {
  const out: string[] = [];
  for (const v of values) if (v && !out.includes(v)) out.push(v);
  return out;
}

/** Maps interval words ("1 YEAR", "per-year-salary", "YEAR", "hourly") to a period. */
export function periodFromUnit(value: unknown): SalaryPeriod | null {
  const s = (str(value, 100) ?? '').toLowerCase();
  if (/hour/.test(s)) return 'hour';
  if (/month/.test(s)) return 'month';
  if (/week/.test(s)) return 'week';
  if (/day|daily/.test(s)) return 'day';
  if (/year|annual|annum/.test(s)) return 'year';
  return null;
}

/** A number from 257000, "257000", "$290,000", "18.50". */
export function moneyNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const s = str(value, 50);
  if (!s) return null;
  const cleaned = s.replace(/[^\d.,]/g, '');
  if (!cleaned) return null;
  const n = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(cleaned)
    ? Number(cleaned.replace(/,/g, ''))
    : Number(cleaned.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** A salary only when at least one bound is known. */
export function salaryOf(
  min: number | null,
  max: number | null,
  currency: unknown,
  period: SalaryPeriod | null,
): Salary | null {
  if (min === null && max === null) return null;
  const code = str(currency, 10);
  return { min, max, currency: code ? code.toUpperCase() : null, period };
}

/** A salary from a board's own fields: bounds as numbers or money strings, the period as an interval word. */
export function statedSalary(min: unknown, max: unknown, currency: unknown, unit: unknown): Salary | null {
  return salaryOf(moneyNumber(min), moneyNumber(max), currency, periodFromUnit(unit));
}

/** Whether a path segment is there and matches `pattern` (a job id, a board slug…). */
export function segmentMatches(segment: string | undefined, pattern: RegExp): segment is string {
  return segment !== undefined && pattern.test(segment);
}

/**
 * `identify` for a board that gives each company a sub-domain (`{company}.bamboohr.com`): the URL is
 * not the board's when its host is not, or is one of the board's own service hosts (www, api,
 * help…); otherwise `onPath` reads the job from the company and the path's segments.
 */
export function identifyOnSubdomain(
  host: RegExp,
  serviceHosts: ReadonlySet<string>,
  onPath: (company: string, segs: string[], url: URL) => PostingIdentity | null,
): (url: URL) => PostingIdentity | null {
  return (url) => {
    const company = host.exec(url.hostname)?.[1];
    if (!company || serviceHosts.has(company)) return null;
    return onPath(company, url.pathname.split('/').filter(Boolean), url);
  };
}

/**
 * The jobs of a board's list (its first 5000 entries): records with a string `title` and at least
 * one of the fields only the board's jobs carry (`markers`).
 */
export function titledJobs(list: readonly unknown[], markers: readonly string[]): Record<string, unknown>[] {
  return list
    .slice(0, 5000)
    .filter(
      (entry): entry is Record<string, unknown> =>
        isRecord(entry) && typeof entry.title === 'string' && markers.some((key) => key in entry),
    );
}

/** Plain text made safe inside HTML a provider assembles (a section heading, a list item). */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Decodes HTML that was entity-escaped a second time ("&lt;p&gt;"), as Greenhouse's API returns it. */
export function unescapeHtmlIfEscaped(html: string): string {
  if (!/&lt;\/?[a-z]/i.test(html.slice(0, 5000)) || /<\/?[a-z][a-z0-9]*[\s>]/i.test(html.slice(0, 2000)))
    return html;
  return html.replace(/&(lt|gt|quot|apos|#39|#x27|amp);/g, (_m, name: string) => {
    switch (name) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'amp':
        return '&';
      default:
        return "'";
    }
  });
}

/** The last path segment that looks like an id (UUID or digits) in a URL. */
export function idFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const m =
    /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(url) ??
    /(?:[/=])(\d{4,})(?:[/?#&]|$)/.exec(url);
  return m ? m[1]!.toLowerCase() : null;
}

/** First path segment of a URL ("jobs.lever.co/zoox/..." → "zoox"). */
export function firstPathSegment(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const seg = new URL(url).pathname.split('/').filter(Boolean)[0];
    return seg ? decodeURIComponent(seg) : null;
  } catch {
    return null;
  }
}

/** The host of a URL, lower-cased; null when not a URL. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Whether a page belongs to a board's host: by the URL it came from, or, for saved files, by its
 * og:url / canonical link. Lets board providers skip scanning pages that cannot be theirs.
 */
export function pageIsOn(
  page: { meta: Map<string, string>; canonicalLink: string | null },
  url: string,
  host: RegExp,
): boolean {
  return [url, page.meta.get('og:url'), page.canonicalLink].some((u) => {
    const h = hostOf(u);
    return h !== null && host.test(h);
  });
}

/**
 * The JSON value (object or array) assigned to a script global (`COMPANY_POSITIONS_DATA = [...];`,
 * `window._initialData = {...};`). Unlike `assignedJson`, the value must follow the name and `=`
 * directly, so `POSITION_DATA = null;` is null rather than the next object further down the script.
 */
export function assignedValue(scripts: ReadonlyArray<{ readonly text: string }>, variable: string): unknown {
  const pattern = new RegExp(
    `(?:^|[^\\w$.])(?:window\\.)?${variable.replace(/[.$]/g, '\\$&')}\\s*=\\s*`,
    'g',
  );
  for (const script of scripts) {
    const text = script.text;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index + match[0].length;
      const open = text.charCodeAt(start);
      if (open !== 123 && open !== 91) continue;
      const end = closingBracket(text, start);
      if (end < 0) continue;
      try {
        return JSON.parse(text.slice(start, end + 1)) as unknown;
      } catch {
        // Not JSON (a JS literal with functions or undefined): try the next assignment.
      }
    }
  }
  return null;
}
