import type { Salary, SalaryPeriod } from '../posting-summary.js';

/** Longest line the salary patterns look at: keeps every regex run bounded. */
const MAX_LINE = 1000;

const CURRENCY_SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['zł', 'PLN'],
];
const CURRENCY_CODES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'INR',
  'SGD',
  'HKD',
  'BRL',
  'MXN',
  'CNY',
  'RMB',
  'KRW',
  'ZAR',
  'ILS',
  'AED',
  'CZK',
  'HUF',
  'RON',
  'TRY',
];

const SYMBOL_SOURCE = '(?:US\\$|CA\\$|C\\$|AU\\$|A\\$|NZ\\$|HK\\$|S\\$|R\\$|\\$|€|£|¥|₹|₩|zł)';
const CODE_SOURCE = `(?:${CURRENCY_CODES.join('|')})`;
// One amount: optional currency before, a number (grouped or plain), optional k, optional currency after.
const AMOUNT_SOURCE =
  `(?<pre>${SYMBOL_SOURCE}|${CODE_SOURCE}\\s?\\$?)?\\s?` +
  '(?<num>\\d{1,3}(?:[,.\\u00a0\\u202f ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)' +
  '(?<k>\\s?[kK](?![a-zA-Z]))?' +
  `(?:\\s?(?<post>${SYMBOL_SOURCE}|${CODE_SOURCE}\\b))?`;
const AMOUNT = new RegExp(AMOUNT_SOURCE, 'gu');

const SALARY_WORDS =
  /\b(?:salary|salaries|pay|compensation|base|range|ote|on[- ]target|wage|earn|earning|remuneration|annual|annually|per (?:year|annum|hour|month|week|day)|gross|hourly|yearly|monthly|package|stipend)\b|\/\s?(?:yr|year|hr|hour|mo|month)\b/i;
const NOT_SALARY =
  /\b(?:raised|funding|funded|valuation|revenue|series [a-f]\b|investors?|backed|billion|gmv|arr\b|customers|users|donat|fine|penalt|bonus of|catavoucher|voucher)/i;

interface Amount {
  value: number;
  currency: string | null;
  index: number;
  end: number;
  hasK: boolean;
}

function currencyOf(token: string | undefined): string | null {
  if (!token) return null;
  const t = token.replace(/\s/g, '');
  for (const code of CURRENCY_CODES) if (t.startsWith(code)) return code === 'RMB' ? 'CNY' : code;
  for (const [symbol, code] of CURRENCY_SYMBOLS) if (t === symbol) return code;
  return null;
}

function parseNumber(raw: string): number {
  const grouped = /^\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?$/.test(raw);
  if (grouped) {
    // The last separator followed by 1-2 digits is a decimal mark; every other separator groups thousands.
    const decimal = /[.,](\d{1,2})$/.exec(raw);
    const intPart = decimal ? raw.slice(0, decimal.index) : raw;
    const whole = Number(intPart.replace(/[^\d]/g, ''));
    return decimal ? whole + Number(`0.${decimal[1]}`) : whole;
  }
  return Number(raw.replace(',', '.'));
}

function amountsIn(line: string): Amount[] {
  const out: Amount[] = [];
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(line); m; m = AMOUNT.exec(line)) {
    if (m[0].length === 0) {
      AMOUNT.lastIndex += 1;
      continue;
    }
    const g = m.groups ?? {};
    const num = g.num ?? '';
    // Skip digits glued to letters or percentages ("L13", "25%", "401(k)").
    const lead = m[0].length - m[0].trimStart().length;
    const before = line[m.index + lead - 1] ?? ' ';
    const after = line[m.index + m[0].length] ?? ' ';
    if (/[A-Za-z]/.test(before) && !g.pre) continue;
    if (
      after === '%' ||
      after === '(' ||
      /^\s?%/.test(line.slice(m.index + m[0].length, m.index + m[0].length + 2))
    )
      continue;
    let value = parseNumber(num);
    if (!Number.isFinite(value)) continue;
    const hasK = Boolean(g.k);
    if (hasK) value *= 1000;
    out.push({
      value,
      currency: currencyOf(g.pre) ?? currencyOf(g.post),
      index: m.index + lead,
      end: m.index + m[0].length,
      hasK,
    });
  }
  return out;
}

/** The pay period a line states, or null when it does not say. */
export function periodOf(line: string): SalaryPeriod | null {
  const l = line.toLowerCase();
  if (/\b(?:per|an|a|\/)\s?(?:hour|hr)\b|\bhourly\b|\/\s?h\b/.test(l)) return 'hour';
  if (/\b(?:per|a|\/)\s?(?:month|mo)\b|\bmonthly\b|\bper mensem\b/.test(l)) return 'month';
  if (/\b(?:per|a|\/)\s?week\b|\bweekly\b/.test(l)) return 'week';
  if (/\b(?:per|a|\/)\s?day\b|\bdaily rate\b/.test(l)) return 'day';
  if (
    /\b(?:per|a|an|\/)\s?(?:year|yr|annum)\b|\bannual(?:ly)?\b|\byearly\b|\bp\.?\s?a\.?(?:\s|$)|\b1 year\b/.test(
      l,
    )
  )
    return 'year';
  return null;
}

interface Candidate {
  min: number | null;
  max: number | null;
  currency: string;
  period: SalaryPeriod | null;
  keyword: boolean;
}

const RANGE_JOINER = /^\s*(?:-|–|—|‒|―|~|to|and|bis|à)\s*$/i;

function candidatesIn(rawLine: string): Candidate[] {
  const line = rawLine.slice(0, MAX_LINE);
  if (!/\d/.test(line)) return [];
  const keyword = SALARY_WORDS.test(line);
  if (NOT_SALARY.test(line) && !keyword) return [];
  const amounts = amountsIn(line);
  const period = periodOf(line);
  const out: Candidate[] = [];
  for (let i = 0; i < amounts.length; i += 1) {
    const a = amounts[i]!;
    const b = amounts[i + 1];
    if (b && RANGE_JOINER.test(line.slice(a.end, b.index))) {
      const currency = a.currency ?? b.currency;
      if (currency) {
        // "$150-200k": the k on the upper bound applies to both.
        const low = !a.hasK && b.hasK && a.value < 1000 ? a.value * 1000 : a.value;
        if (low <= b.value) out.push({ min: low, max: b.value, currency, period, keyword });
      }
      i += 1;
      continue;
    }
    if (!a.currency) continue;
    const lead = line.slice(Math.max(0, a.index - 25), a.index).toLowerCase();
    if (/\bup to\s*$|\bmax(?:imum)?\.?\s*(?:of\s*)?$/.test(lead) && keyword) {
      out.push({ min: null, max: a.value, currency: a.currency, period, keyword });
    } else if (
      /\b(?:from|starting (?:at|from)|at least|min(?:imum)?\.?\s*(?:of\s*)?)\s*$/.test(lead) &&
      keyword
    ) {
      out.push({ min: a.value, max: null, currency: a.currency, period, keyword });
    } else if (keyword && period) {
      out.push({ min: a.value, max: a.value, currency: a.currency, period, keyword });
    }
  }
  return out.filter((c) => plausible(c));
}

function plausible(c: Candidate): boolean {
  const top = c.max ?? c.min ?? 0;
  if (c.period === 'hour') return top >= 5 && top < 2000;
  if (c.period === 'day') return top >= 20 && top < 20000;
  if (c.period === 'month' || c.period === 'week') return top >= 100;
  // A yearly or unstated amount under 1,000 is a stipend, a fee or a count, not a salary.
  return top >= 1000 && top < 100_000_000;
}

/**
 * Extracts a salary from description lines: ranges ("$150k–$200k", "USD 120,000 - 150,000",
 * "18.000€ - 23.000€"), "up to"/"from" bounds, periods (year/hour/month...). Several ranges in the
 * same currency and period (pay zones, states) are spanned into one.
 */
export function extractSalary(lines: readonly string[]): Salary | null {
  const all: Candidate[] = [];
  for (const line of lines) all.push(...candidatesIn(line));
  if (all.length === 0) return null;
  const pool = all.some((c) => c.keyword) ? all.filter((c) => c.keyword) : all;
  const first = pool[0]!;
  const same = pool.filter(
    (c) =>
      c.currency === first.currency &&
      (c.period === first.period || c.period === null || first.period === null),
  );
  const mins = same.map((c) => c.min).filter((v): v is number => v !== null);
  const maxes = same.map((c) => c.max).filter((v): v is number => v !== null);
  const period = same.find((c) => c.period)?.period ?? null;
  return {
    min: mins.length ? Math.min(...mins) : null,
    max: maxes.length ? Math.max(...maxes) : null,
    currency: first.currency,
    period,
  };
}
