import type { Salary, SalaryPeriod } from '../posting-summary.js';

/** A bare "$" (or "kr"): which currency depends on where the posting is ({@link resolveCurrency}). */
const DOLLAR = '$';
const KRONE = 'kr';

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
  ['MX$', 'MXN'],
  ['$', DOLLAR],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['zł', 'PLN'],
  ['kr', KRONE],
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

const SYMBOL_SOURCE =
  '(?:US\\$|CA\\$|C\\$|AU\\$|A\\$|NZ\\$|HK\\$|S\\$|R\\$|MX\\$|\\$|€|£|¥|₹|₩|zł|kr(?![a-zà-ÿ]))';
const CODE_SOURCE = `(?:${CURRENCY_CODES.join('|')})`;
// One amount: optional currency before, a number (grouped or plain), optional k, optional currency after.
const AMOUNT_SOURCE =
  `(?<pre>${SYMBOL_SOURCE}|${CODE_SOURCE}\\s?\\$?)?\\s?` +
  // Thousands grouped by comma, dot, (narrow) no-break space, space, or the Swiss apostrophe ("100'000").
  "(?<num>\\d{1,3}(?:[,.\\u00a0\\u202f '’]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)" +
  '(?<k>\\s?[kK](?![a-zA-Z]))?' +
  `(?:\\s?(?<post>${SYMBOL_SOURCE}|${CODE_SOURCE}\\b))?`;
const AMOUNT = new RegExp(AMOUNT_SOURCE, 'gu');

const SALARY_WORDS =
  /\b(?:salary|salaries|pay|compensation|base|range|ote|on[- ]target|wage|earn|earning|remuneration|annual|annually|per (?:year|annum|hour|month|week|day)|gross|hourly|yearly|monthly|package|stipend|gehalt|gehaltsspanne|jahresgehalt|verg[üu]tung|lohn|stundenlohn|brutto|salaire|r[ée]mun[ée]ration|brut|salario|sueldo|remuneraci[óo]n|sal[áa]rio|remunera[çc][ãa]o|stipendio|retribuzione|salaris|wynagrodzenie|l[öo]n|m[åa]nadsl[öo]n|(?:pro|im|je) (?:monat|jahr|stunde)|par (?:mois|an|heure)|(?:al|por) (?:mes|año|hora)|monatlich|j[äa]hrlich)\b|\/\s?(?:yr|year|hr|hour|mo|month|h|monat|jahr|std|mois|an|mes|año|hora|mies|godz)\b/i;
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
  const grouped = /^\d{1,3}(?:[,.\u00a0\u202f '’]\d{3})+(?:[.,]\d{1,2})?$/.test(raw);
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

// Per-period phrases in the languages postings are written in ("per month", "brutto/Monat", "par mois",
// "al mes", "miesięcznie"...). Each alternative is a fixed word list: linear on a bounded line.
const HOUR =
  /\b(?:per|an|a|\/)\s?(?:hour|hr)\b|\/\s?(?:hour|hr|h|std|stunde|heure|hora|godz)\b|\bhourly\b|\b(?:pro|je) stunde\b|\bstundenlohn\b|\bstündlich|\b(?:de l['’]|par )heure\b|\bpor hora\b|\bper uur\b|\bza godzin/;
const MONTH =
  /\b(?:per|a|\/)\s?(?:month|mo)\b|\/\s?(?:month|mo|monat|mois|mes|mês|mese|mies|maand|mån)\b|\bmonthly\b|\bper mensem\b|\b(?:pro|im|je) monat\b|\bmonatlich|\bmonatsgehalt|\bpar mois\b|\bmensuel|\b(?:al|por) mes\b|\bmensual|\bpor mês|\bmensais\b|\bal mese\b|\bmensile\b|\bper maand\b|\bmiesi[ęe]cznie|\bmiesięczn|\bi månaden\b|\bm[åa]nadsl[öo]n/;
const WEEK = /\b(?:per|a|\/)\s?week\b|\/\s?week\b|\bweekly\b|\b(?:pro|je) woche\b|\bpar semaine\b/;
const DAY =
  /\b(?:per|a|\/)\s?day\b|\/\s?day\b|\bdaily rate\b|\b(?:pro|je) tag\b|\btagessatz\b|\bpar jour\b|\btjm\b/;
const YEAR =
  /\b(?:per|a|an|\/)\s?(?:year|yr|annum)\b|\/\s?(?:year|yr|annum|jahr|an|año|ano|anno|rok|jaar|år)\b|\bannual(?:ly)?\b|\byearly\b|\bp\.?\s?a\.?(?:\s|$)|\b1 year\b|\b(?:pro|im|je) jahr\b|\bj[äa]hrlich|\bjahresgehalt|\bpar an\b|\bannuel|\b(?:al|por) año\b|\banual(?:es)?\b|\bpor ano\b|\ball['’]anno\b|\bannuo\b|\bper jaar\b|\bjaarlijks|\brocznie|\bper år\b|\bi året\b|\bårsl[öo]n/;

/** The pay period a line states, or null when it does not say. */
export function periodOf(line: string): SalaryPeriod | null {
  const l = line.toLowerCase();
  if (HOUR.test(l)) return 'hour';
  if (MONTH.test(l)) return 'month';
  if (WEEK.test(l)) return 'week';
  if (DAY.test(l)) return 'day';
  if (YEAR.test(l)) return 'year';
  return null;
}

interface Candidate {
  min: number | null;
  max: number | null;
  currency: string;
  period: SalaryPeriod | null;
  keyword: boolean;
}

const RANGE_JOINER = /^\s*(?:-|–|—|‒|―|~|to|and|bis|à|a|y|et|e|do|tot|till|und)\s*$/i;

const UP_TO =
  /(?:\bup to|\bmax(?:imum)?\.?\s*(?:of)?|\bbis zu|\bjusqu['’]à|\bhasta|\bat[ée]|\bfino a|\bdo)\s*$/;
const FROM =
  /(?:\b(?:from|starting (?:at|from)|at least|min(?:imum)?\.?\s*(?:of)?)|\bab|\bà partir de|\bdès|\bdesde|\ba partir de|\bda|\bod|\bvanaf)\s*$/;

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
    if (UP_TO.test(lead) && keyword) {
      out.push({ min: null, max: a.value, currency: a.currency, period, keyword });
    } else if (FROM.test(lead) && keyword) {
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

/** Where a posting is: lets a bare "$" or "kr" name its currency. */
export interface SalaryContext {
  /** The posting's locations as the card shows them ("Toronto, ON, Canada", "Remote (Australia)"). */
  locations?: readonly string[];
}

// Places that decide which dollar (or krone) a posting means. Each is a fixed alternation: linear.
const COUNTRY_CUES: ReadonlyArray<readonly [string, RegExp]> = [
  // Case-sensitive: "US" is a country, "us" a pronoun.
  ['US', /\b(?:[Uu]nited [Ss]tates|USA|U\.S\.A?|US)\b/],
  [
    'CA',
    /\b(?:canada|canadian|toronto|vancouver|montr[ée]al|ottawa|calgary|edmonton|winnipeg|ontario|qu[ée]bec|british columbia|alberta|manitoba|nova scotia)\b/i,
  ],
  ['AU', /\b(?:australia|sydney|melbourne|brisbane|adelaide|canberra|new south wales|queensland)\b/i],
  ['NZ', /\b(?:new zealand|auckland|wellington|christchurch)\b/i],
  ['SG', /\bsingapore\b/i],
  ['HK', /\bhong kong\b/i],
  ['MX', /\b(?:mexico|méxico|cdmx|guadalajara|monterrey)\b/i],
  ['SE', /\b(?:sweden|sverige|stockholm|g[öo]teborg|gothenburg|malm[öo])\b/i],
  ['NO', /\b(?:norway|norge|oslo|bergen|trondheim)\b/i],
  ['DK', /\b(?:denmark|danmark|copenhagen|k[øo]benhavn|aarhus|odense)\b/i],
];
const DOLLARS: Record<string, string> = { CA: 'CAD', AU: 'AUD', NZ: 'NZD', SG: 'SGD', HK: 'HKD', MX: 'MXN' };
const KRONER: Record<string, string> = { SE: 'SEK', NO: 'NOK', DK: 'DKK' };
const MAX_CONTEXT = 20_000;

function countriesIn(text: string): Set<string> {
  const found = new Set<string>();
  const t = text.slice(0, MAX_CONTEXT);
  for (const [code, cue] of COUNTRY_CUES) if (cue.test(t)) found.add(code);
  return found;
}

/**
 * The currency a bare "$" or "kr" means where the posting is: "$" is USD when the posting is in the
 * US or says USD, the local dollar when it is in Canada, Australia, New Zealand, Singapore, Hong
 * Kong or Mexico; "kr" is SEK, NOK or DKK by country, and unknown (null) elsewhere.
 */
export function resolveCurrency(
  symbol: string,
  countries: ReadonlySet<string>,
  saysUsd: boolean,
): string | null {
  if (symbol === DOLLAR) {
    if (saysUsd || countries.has('US')) return 'USD';
    const local = [...countries].map((c) => DOLLARS[c]).filter((c): c is string => Boolean(c));
    return local.length === 1 ? local[0]! : 'USD';
  }
  if (symbol === KRONE) {
    const local = [...countries].map((c) => KRONER[c]).filter((c): c is string => Boolean(c));
    return local.length === 1 ? local[0]! : null;
  }
  return symbol;
}

const EURO_COUNTRIES =
  /\b(?:germany|deutschland|france|spain|españa|italy|italia|netherlands|nederland|belgium|austria|österreich|ireland|portugal|finland|greece|luxembourg|slovakia|slovenia|estonia|latvia|lithuania|croatia|malta|cyprus)\b/i;
const COUNTRY_CURRENCIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:united states|usa)\b/i, 'USD'],
  [/\bcanada\b/i, 'CAD'],
  [/\b(?:united kingdom|england|scotland|wales|great britain)\b/i, 'GBP'],
  [/\b(?:switzerland|schweiz|suisse|svizzera)\b/i, 'CHF'],
  [/\b(?:sweden|sverige)\b/i, 'SEK'],
  [/\b(?:norway|norge)\b/i, 'NOK'],
  [/\b(?:denmark|danmark)\b/i, 'DKK'],
  [/\b(?:poland|polska)\b/i, 'PLN'],
  [/\baustralia\b/i, 'AUD'],
  [/\bnew zealand\b/i, 'NZD'],
  [/\bsingapore\b/i, 'SGD'],
  [/\bhong kong\b/i, 'HKD'],
  [/\bindia\b/i, 'INR'],
  [/\bjapan\b/i, 'JPY'],
  [/\bbrazil|brasil\b/i, 'BRL'],
  [/\bm[ée]xico\b/i, 'MXN'],
  [/\bczech/i, 'CZK'],
  [/\bhungary\b/i, 'HUF'],
  [/\bromania\b/i, 'RON'],
  [EURO_COUNTRIES, 'EUR'],
];

/**
 * The currency of the one country a posting's locations name ("Berlin, Germany" → EUR), for
 * structured amounts that state none; null when they name no country or several currencies.
 */
export function currencyForLocations(locations: readonly string[]): string | null {
  const found = new Set<string>();
  for (const location of locations.slice(0, 50)) {
    for (const [cue, code] of COUNTRY_CURRENCIES) {
      if (cue.test(location.slice(0, 200))) {
        found.add(code);
        break;
      }
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * Extracts a salary from description lines: ranges ("$150k–$200k", "USD 120,000 - 150,000",
 * "18.000€ - 23.000€", "3.500 € brutto/Monat"), "up to"/"from" bounds, periods (year/hour/month...,
 * in English and the main European languages). Several ranges in the same currency and period (pay
 * zones, states) are spanned into one. A bare "$" or "kr" takes its currency from `context.locations`
 * when given, else from the places the lines themselves name ({@link resolveCurrency}).
 */
export function extractSalary(lines: readonly string[], context?: SalaryContext): Salary | null {
  const raw: Candidate[] = [];
  for (const line of lines) raw.push(...candidatesIn(line));
  if (raw.length === 0) return null;
  let all = raw;
  if (raw.some((c) => c.currency === DOLLAR || c.currency === KRONE)) {
    const text = context?.locations ? context.locations.join('\n') : joinBounded(lines);
    const countries = countriesIn(text);
    const saysUsd = /\bUSD\b|\bUS\$/.test(joinBounded(lines));
    all = [];
    for (const c of raw) {
      const currency = resolveCurrency(c.currency, countries, saysUsd);
      if (currency) all.push({ ...c, currency });
    }
    if (all.length === 0) return null;
  }
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

function joinBounded(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (out.length >= MAX_CONTEXT) break;
    out += `${line.slice(0, MAX_LINE)}\n`;
  }
  return out;
}

/** An amount as written ("50.000,00", "1,234.5", "97 000", "4e4"): the number, or null. */
export function parseAmount(raw: string): number | null {
  const s = raw.replace(/[^\d.,\u00a0\u202f '’e+]/gi, '').trim();
  if (!/\d/.test(s)) return null;
  const n = /^\d+(?:\.\d+)?e\+?\d+$/i.test(s) ? Number(s) : parseNumber(s);
  return Number.isFinite(n) ? n : null;
}
