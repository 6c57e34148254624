import type { PostingSummary, Salary, SalaryPeriod, WorkplaceType } from '../../postings/posting-summary.js';
import { oneLine, truncate } from './limits.js';
import { escapeMrkdwn, link } from './mrkdwn.js';

/**
 * Formatting the facts of a posting for people: salary, the "Company · Location · …" line, the
 * title. Plain strings out; callers escape when they put them in mrkdwn.
 */

/** The few posting facts a DM or a home row needs (not the whole summary). */
export interface PostingRef {
  postingId: string;
  title: string | null;
  company: string | null;
  url: string;
}

export function postingRef(postingId: string, summary: PostingSummary): PostingRef {
  return { postingId, title: summary.title, company: summary.company, url: summary.url };
}

/** The title to show; postings without one fall back to something still meaningful. */
export function displayTitle(posting: { title: string | null; company: string | null }): string {
  const title = posting.title ? oneLine(posting.title) : '';
  if (title) return title;
  return posting.company ? `Job at ${oneLine(posting.company)}` : 'Job posting';
}

/** "Title at Company" as plain words (a message's fallback text), both kept short. */
export function plainTitle(posting: PostingRef): string {
  const title = truncate(displayTitle(posting), 120);
  return posting.company && posting.title ? `${title} at ${truncate(posting.company, 60)}` : title;
}

/** mrkdwn "*<url|Title>* at Company", escaped, title kept short. */
export function postingLinkLine(posting: PostingRef, maxTitle = 150): string {
  const title = `*${link(posting.url, truncate(displayTitle(posting), maxTitle))}*`;
  return posting.company ? `${title} at ${escapeMrkdwn(truncate(oneLine(posting.company), 100))}` : title;
}

const currencySymbols: Record<string, string> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  INR: '₹',
  CAD: 'CA$',
  AUD: 'A$',
  NZD: 'NZ$',
  SGD: 'S$',
  HKD: 'HK$',
  BRL: 'R$',
  ILS: '₪',
  KRW: '₩',
  PLN: 'zł ',
};

const periodSuffix: Record<SalaryPeriod, string> = {
  year: '/yr',
  month: '/mo',
  week: '/wk',
  day: '/day',
  hour: '/h',
};

function compact(amount: number): { text: string; abbreviated: boolean } {
  const trim = (n: number): string => String(Number(n.toFixed(1)));
  if (Math.abs(amount) >= 1_000_000) return { text: `${trim(amount / 1_000_000)}M`, abbreviated: true };
  if (Math.abs(amount) >= 10_000) return { text: `${trim(amount / 1000)}k`, abbreviated: true };
  return { text: amount.toLocaleString('en-US', { maximumFractionDigits: 2 }), abbreviated: false };
}

/**
 * "$180k–$220k/yr", "€50–60/h", "from £40k/yr", "up to $90/h", "CHF 120k/yr".
 * The currency sign is repeated on both ends of abbreviated ranges, where it reads naturally;
 * small hourly amounts carry it once. Null when the posting gives no amount.
 */
export function formatSalary(salary: Salary | null | undefined): string | null {
  if (!salary) return null;
  const { min, max } = salary;
  if (min == null && max == null) return null;
  const code = salary.currency?.toUpperCase() ?? null;
  const symbol = code ? (currencySymbols[code] ?? `${code} `) : '';
  const suffix = salary.period ? periodSuffix[salary.period] : '';
  if (min != null && max != null && min !== max) {
    const low = compact(Math.min(min, max));
    const high = compact(Math.max(min, max));
    const highText = low.abbreviated || high.abbreviated ? `${symbol}${high.text}` : high.text;
    return `${symbol}${low.text}–${highText}${suffix}`;
  }
  if (min != null && max != null) return `${symbol}${compact(min).text}${suffix}`;
  if (min != null) return `from ${symbol}${compact(min).text}${suffix}`;
  return `up to ${symbol}${compact(max as number).text}${suffix}`;
}

const workplaceWords: Record<WorkplaceType, string> = {
  remote: 'Remote',
  hybrid: 'Hybrid',
  onsite: 'On-site',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Locations for one line: the first three, then "+N more". */
export function formatLocations(locations: readonly string[]): string | null {
  const clean = locations.map(oneLine).filter(Boolean);
  if (clean.length === 0) return null;
  const shown = clean.slice(0, 3).map((l) => truncate(l, 60));
  return clean.length > 3 ? `${shown.join('; ')} +${clean.length - 3} more` : shown.join('; ');
}

/**
 * The source hid the posting's body from a signed-out reader (LinkedIn often does): the card says so
 * and points at the posting. A LinkedIn page that carried the whole description is not limited.
 */
export function isLimitedSource(summary: PostingSummary): boolean {
  return (
    summary.source === 'linkedin' &&
    summary.responsibilities.length === 0 &&
    summary.requirements.length === 0
  );
}

/**
 * The facts line of the card, plain text:
 * "Pinterest · San Francisco, CA · Hybrid · Full-time · $180k–$220k/yr · Core Engineering".
 */
export function factsLine(summary: PostingSummary): string {
  const parts = [
    summary.company ? truncate(oneLine(summary.company), 80) : null,
    formatLocations(summary.locations),
    summary.workplaceType ? workplaceWords[summary.workplaceType] : null,
    summary.employmentType ? capitalise(truncate(oneLine(summary.employmentType), 40)) : null,
    formatSalary(summary.salary),
    summary.department ? truncate(oneLine(summary.department), 60) : null,
  ];
  return parts.filter((p): p is string => Boolean(p)).join(' · ');
}

export function workplaceWord(type: WorkplaceType): string {
  return workplaceWords[type];
}
