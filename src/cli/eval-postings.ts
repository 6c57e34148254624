import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { extractPosting } from '../postings/extract-posting.js';
import { type PostingSummary, postingSummarySchema } from '../postings/posting-summary.js';

/** How many items one of the summary's lists should hold (scored within ±1; null reads as none). */
const listCount = z.number().nullable();
/** Phrases a list of the summary must hold, or must not. */
const phrases = z.array(z.string()).optional();

/**
 * One hand-checked truth file: the shared set's fields, plus (optional, as the repository's
 * long-tail fixtures and `shared-prose.json` give them) the prose checks. A field a truth file does
 * not give is not scored for that posting.
 */
export const truthSchema = postingSummarySchema
  .pick({
    title: true,
    company: true,
    locations: true,
    workplaceType: true,
    employmentType: true,
    department: true,
    salary: true,
    minYearsExperience: true,
  })
  .extend({
    url: z.string(),
    source: z.string(),
    responsibilitiesCount: listCount,
    requiredCount: listCount,
    niceToHaveCount: listCount,
    language: z.string().optional(),
    /** The summary opens with these words of the posting; null: the posting has no sentence about the role. */
    summaryStart: z.string().nullable().optional(),
    niceToHaveInclude: phrases,
    requiredExclude: phrases,
    signalsInclude: phrases,
    signalsExclude: phrases,
    emphasizedInclude: phrases,
    emphasizedExclude: phrases,
    notes: z.string().optional(),
  });
export type Truth = z.infer<typeof truthSchema>;

/** Prose checks for postings whose truth file lives elsewhere (the shared set): name → checks. */
export const proseChecksSchema = z.record(
  z.string(),
  truthSchema
    .pick({
      language: true,
      summaryStart: true,
      niceToHaveInclude: true,
      requiredExclude: true,
      signalsInclude: true,
      signalsExclude: true,
      emphasizedInclude: true,
      emphasizedExclude: true,
      requiredCount: true,
      niceToHaveCount: true,
    })
    .partial({ requiredCount: true, niceToHaveCount: true })
    .extend({
      /** Why a count of the shared truth is overridden (the shared files are read-only). */
      overrideNote: z.string().optional(),
    })
    .strict()
    .refine(
      (c) => (c.requiredCount === undefined && c.niceToHaveCount === undefined) || Boolean(c.overrideNote),
      {
        message: 'a count override needs its overrideNote',
      },
    ),
);

export const EVAL_FIELDS = [
  'title',
  'company',
  'locations',
  'workplaceType',
  'employmentType',
  'salary',
  'minYearsExperience',
  'responsibilitiesCount',
  'requiredCount',
  'niceToHaveCount',
  'department',
  'summary',
  'niceToHaveFiling',
  'signals',
  'emphasized',
  'cleanTitleCompany',
] as const;
export type EvalField = (typeof EVAL_FIELDS)[number];

/** The fields the issue's "title, company and locations right" counts over. */
export const CORE_FIELDS: readonly EvalField[] = ['title', 'company', 'locations'];

/** Accuracy targets of the issues (department has none: it is reported only). */
export const TARGETS: Partial<Record<EvalField, number>> = {
  title: 1,
  company: 1,
  locations: 0.95,
  workplaceType: 0.95,
  employmentType: 0.95,
  salary: 0.95,
  minYearsExperience: 0.95,
  responsibilitiesCount: 0.9,
  requiredCount: 0.9,
  niceToHaveCount: 0.9,
  summary: 0.9,
  niceToHaveFiling: 0.95,
  signals: 0.9,
  emphasized: 0.9,
  cleanTitleCompany: 1,
};

const US_STATES: Record<string, string> = {
  alabama: 'al',
  alaska: 'ak',
  arizona: 'az',
  arkansas: 'ar',
  california: 'ca',
  colorado: 'co',
  connecticut: 'ct',
  delaware: 'de',
  florida: 'fl',
  georgia: 'ga',
  hawaii: 'hi',
  idaho: 'id',
  illinois: 'il',
  indiana: 'in',
  iowa: 'ia',
  kansas: 'ks',
  kentucky: 'ky',
  louisiana: 'la',
  maine: 'me',
  maryland: 'md',
  massachusetts: 'ma',
  michigan: 'mi',
  minnesota: 'mn',
  mississippi: 'ms',
  missouri: 'mo',
  montana: 'mt',
  nebraska: 'ne',
  nevada: 'nv',
  'new hampshire': 'nh',
  'new jersey': 'nj',
  'new mexico': 'nm',
  'new york': 'ny',
  'north carolina': 'nc',
  'north dakota': 'nd',
  ohio: 'oh',
  oklahoma: 'ok',
  oregon: 'or',
  pennsylvania: 'pa',
  'rhode island': 'ri',
  'south carolina': 'sc',
  'south dakota': 'sd',
  tennessee: 'tn',
  texas: 'tx',
  utah: 'ut',
  vermont: 'vt',
  virginia: 'va',
  washington: 'wa',
  'west virginia': 'wv',
  wisconsin: 'wi',
  wyoming: 'wy',
};
const US_NAMES = new Set(['us', 'usa', 'united states', 'united states of america', 'u.s.', 'u.s.a.']);

/**
 * One location in a formatting-insensitive form: the same place written "San Francisco, CA, USA",
 * "San Francisco, California, United States" or "San Francisco, CA" compares equal (US state names
 * become codes; a trailing United States is dropped when more specific parts precede it).
 */
export function locationKey(location: string): string {
  const parts = location
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(',')
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .map((p) => (US_NAMES.has(p) ? 'us' : (US_STATES[p] ?? p)));
  if (parts.length > 1 && parts[parts.length - 1] === 'us') parts.pop();
  return parts.join(', ');
}

/** Locations compare as sets of {@link locationKey}s. */
export function sameLocations(actual: readonly string[], expected: readonly string[]): boolean {
  const a = [...new Set(actual.map(locationKey))].sort();
  const e = [...new Set(expected.map(locationKey))].sort();
  return a.length === e.length && a.every((k, i) => k === e[i]);
}

function countWithin(actual: number, expected: number | null): boolean {
  return Math.abs(actual - (expected ?? 0)) <= 1;
}

/** Comparable text: one kind of quote and dash, single spaces, lower case. */
function plain(text: string): string {
  return text
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Wording that marks an item as a nice-to-have, in the languages the card reads. */
const NICE_WORDING =
  /\b(?:(?:is|are|would be|will be) (?:a |an )?(?:big |strong |definite |huge |real )?(?:plus|bonus|advantage|asset)|a plus\b|bonus points?|nice[- ]to[- ]have|preferred|desirable|von vorteil|wünschenswert|ist ein plus|un plus|serait un plus|est un plus|apprécié|se valorará|deseable|valorável|diferencial|pluspunt|gradito|titolo preferenziale)/i;

/**
 * A required item whose own point is a plus ("Experience with X is a plus."): the nice-to-have
 * wording is in its first sentence and governs it. Mixed items stay required: "Fluent in Figma,
 * bonus points for prototyping tools", "…; SRE experience is preferred", "BSc (MSc preferred)".
 */
export function misfiledNiceToHave(item: string): boolean {
  const first = item.split(/(?<=[.!?])\s+/)[0] ?? item;
  const m = NICE_WORDING.exec(first);
  if (!m) return false;
  const before = first.slice(0, m.index);
  return !/[;(]|,\s*$/.test(before) && !/\b(?:required|must|mandatory)\b/i.test(first);
}

/** Notes the summariser writes itself instead of the posting's words. */
const OWN_NOTE = /^(?:Details are limited|From LinkedIn's public job page|Vouch could not read)/;

function summaryMatches(s: PostingSummary, t: Truth): boolean | null {
  if (t.summaryStart === undefined) return null;
  if (t.summaryStart === null) return s.summary === null || OWN_NOTE.test(s.summary);
  return s.summary !== null && plain(s.summary).startsWith(plain(t.summaryStart));
}

function includesAll(items: readonly string[], wanted: readonly string[] | undefined): boolean {
  const all = items.map(plain);
  return (wanted ?? []).every((w) => all.some((item) => item.includes(plain(w))));
}

function includesNone(items: readonly string[], unwanted: readonly string[] | undefined): boolean {
  const all = items.map(plain);
  return (unwanted ?? []).every((u) => !all.some((item) => item.includes(plain(u))));
}

/** Looks like the site rather than the job: careers-site words, markup or JSON. */
const CHROME = /^(?:careers?|jobs?)\b|\b(?:careers?|jobs?|job details)$|^job application for\b|[{}<>]|^\s*$/i;

/**
 * Whether one field of a summary matches the truth, by the truth files' comparison rules; null when
 * the truth file does not give that field.
 */
export function fieldMatches(field: EvalField, s: PostingSummary, t: Truth): boolean | null {
  switch (field) {
    case 'title':
      return (s.title ?? null) === t.title;
    case 'company':
      return (s.company ?? null) === t.company;
    case 'locations':
      return sameLocations(s.locations, t.locations);
    case 'workplaceType':
      return s.workplaceType === t.workplaceType;
    case 'employmentType':
      return s.employmentType === t.employmentType;
    case 'department':
      return s.department === t.department;
    case 'salary':
      if (s.salary === null || t.salary === null) return s.salary === t.salary;
      return (
        s.salary.min === t.salary.min &&
        s.salary.max === t.salary.max &&
        s.salary.currency === t.salary.currency &&
        s.salary.period === t.salary.period
      );
    case 'minYearsExperience':
      return s.minYearsExperience === t.minYearsExperience;
    case 'responsibilitiesCount':
      return countWithin(s.responsibilities.length, t.responsibilitiesCount);
    case 'requiredCount':
      return countWithin(s.requirements.length, t.requiredCount);
    case 'niceToHaveCount':
      return countWithin(s.niceToHave.length, t.niceToHaveCount);
    case 'summary':
      return summaryMatches(s, t);
    case 'niceToHaveFiling':
      // Scored on every posting: no required item says it is a plus.
      return (
        !s.requirements.some(misfiledNiceToHave) &&
        includesAll(s.niceToHave, t.niceToHaveInclude) &&
        includesNone(s.requirements, t.requiredExclude)
      );
    case 'signals':
      if (!t.signalsInclude && !t.signalsExclude) return null;
      return (
        (t.signalsInclude ?? []).every((tag) => s.signals.includes(tag)) &&
        !(t.signalsExclude ?? []).some((tag) => s.signals.includes(tag))
      );
    case 'emphasized':
      if (!t.emphasizedInclude && !t.emphasizedExclude) return null;
      // An excluded phrase is one the card must not show as such (boilerplate, a phrase cut short).
      return (
        includesAll(s.emphasized, t.emphasizedInclude) &&
        !(t.emphasizedExclude ?? []).some((u) => s.emphasized.some((e) => plain(e) === plain(u)))
      );
    case 'cleanTitleCompany':
      // Scored on every posting: no title or company that is markup, JSON or the site's chrome.
      return [s.title, s.company].every((v) => v === null || !CHROME.test(v));
  }
}

function actualValue(field: EvalField, s: PostingSummary): unknown {
  switch (field) {
    case 'responsibilitiesCount':
      return s.responsibilities.length;
    case 'requiredCount':
      return s.requirements.length;
    case 'niceToHaveCount':
      return s.niceToHave.length;
    case 'niceToHaveFiling':
      return {
        requirements: s.requirements.map((r) => r.slice(0, 80)),
        niceToHave: s.niceToHave.map((r) => r.slice(0, 80)),
      };
    case 'cleanTitleCompany':
      return { title: s.title, company: s.company };
    default:
      return s[field];
  }
}

function expectedValue(field: EvalField, t: Truth): unknown {
  switch (field) {
    case 'summary':
      return t.summaryStart;
    case 'niceToHaveFiling':
      return { niceToHaveInclude: t.niceToHaveInclude, requiredExclude: t.requiredExclude };
    case 'signals':
      return { include: t.signalsInclude, exclude: t.signalsExclude };
    case 'emphasized':
      return { include: t.emphasizedInclude, exclude: t.emphasizedExclude };
    case 'cleanTitleCompany':
      return 'no markup or site chrome';
    default:
      return t[field];
  }
}

export interface FixtureCase {
  name: string;
  rawPath: string;
  truth: Truth;
  /** As a server would send it; the shared set is read without one, like a saved file. */
  contentType?: string | null;
}

function readTruth(path: string): Truth {
  return truthSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * The shared set: `truth/x.json` ↔ `raw/x.*`, with the prose checks of `proseFile` (when given)
 * merged in by name.
 */
export function loadFixtureCases(fixturesDir: string, proseFile?: string): FixtureCase[] {
  const truthDir = join(fixturesDir, 'truth');
  const rawDir = join(fixturesDir, 'raw');
  const raws = readdirSync(rawDir);
  const prose =
    proseFile && existsSync(proseFile)
      ? proseChecksSchema.parse(JSON.parse(readFileSync(proseFile, 'utf8')))
      : {};
  return readdirSync(truthDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const name = basename(file, '.json');
      const raw = raws.find((r) => r.replace(/\.(?:json|html)$/, '') === name);
      if (!raw) throw new Error(`no raw file for truth ${file}`);
      const truth = { ...readTruth(join(truthDir, file)), ...prose[name] };
      return { name, rawPath: join(rawDir, raw), truth };
    });
}

/**
 * The repository's long-tail set: `<source>/<name>.truth.json` ↔ `<source>/<name>.<ext>`, one
 * folder per source (see test/fixtures/postings/README.md).
 */
export function loadRepoFixtureCases(dir: string): FixtureCase[] {
  if (!existsSync(dir)) return [];
  const cases: FixtureCase[] = [];
  for (const folder of readdirSync(dir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const files = readdirSync(join(dir, folder.name)).sort();
    for (const file of files) {
      if (!file.endsWith('.truth.json')) continue;
      const name = file.slice(0, -'.truth.json'.length);
      const raw = files.find(
        (f) => f !== file && f.startsWith(`${name}.`) && !f.endsWith('.truth.json') && !/\.md$/.test(f),
      );
      if (!raw) throw new Error(`no raw file for truth ${folder.name}/${file}`);
      const rawPath = join(dir, folder.name, raw);
      cases.push({
        name: `${folder.name}/${name}`,
        rawPath,
        truth: readTruth(join(dir, folder.name, file)),
        contentType: contentTypeOf(rawPath),
      });
    }
  }
  return cases;
}

/** Extracts one fixture the way the CLI would read a saved file with `--url`. */
export function extractFixture(c: FixtureCase): PostingSummary {
  return extractPosting({
    url: c.truth.url,
    body: readFileSync(c.rawPath),
    contentType: c.contentType ?? null,
    // An exception inside the extractor is a crash to count, not a card to degrade to.
    strict: true,
  });
}

/** The content type a server sends for a saved file of this kind (the repository's set). */
function contentTypeOf(path: string): string | null {
  const ext = extname(path).toLowerCase();
  const types: Record<string, string> = {
    '.json': 'application/json',
    '.xml': 'application/xml',
    '.rss': 'application/rss+xml',
    '.html': 'text/html',
    '.txt': 'text/plain',
  };
  return types[ext] ?? null;
}

export interface FieldScore {
  field: EvalField;
  hits: number;
  total: number;
  accuracy: number;
  target: number | null;
}

export interface SourceScore {
  source: string;
  cases: number;
  /** Postings whose title, company and locations are all right. */
  coreRight: number;
  hits: number;
  scored: number;
}

export interface EvalReport {
  cases: number;
  sourceTypes: number;
  fields: FieldScore[];
  /** Postings with title, company and locations all right. */
  coreRight: number;
  /** Every scored (posting, field) pair together. */
  hits: number;
  scored: number;
  bySource: SourceScore[];
  misses: Array<{ name: string; field: EvalField; expected: unknown; actual: unknown }>;
  crashes: Array<{ name: string; error: string }>;
}

/** Runs the extractor over every case and scores each field the case's truth gives. */
export function evaluateCases(cases: readonly FixtureCase[]): EvalReport {
  const hits = new Map<EvalField, number>(EVAL_FIELDS.map((f) => [f, 0]));
  const totals = new Map<EvalField, number>(EVAL_FIELDS.map((f) => [f, 0]));
  const bySource = new Map<string, SourceScore>();
  const misses: EvalReport['misses'] = [];
  const crashes: EvalReport['crashes'] = [];
  let coreRight = 0;
  for (const c of cases) {
    const source = bySource.get(c.truth.source) ?? {
      source: c.truth.source,
      cases: 0,
      coreRight: 0,
      hits: 0,
      scored: 0,
    };
    bySource.set(c.truth.source, source);
    source.cases += 1;
    let summary: PostingSummary;
    try {
      summary = extractFixture(c);
    } catch (error) {
      crashes.push({ name: c.name, error: String(error) });
      continue;
    }
    let core = true;
    for (const field of EVAL_FIELDS) {
      const match = fieldMatches(field, summary, c.truth);
      if (match === null) continue;
      totals.set(field, (totals.get(field) ?? 0) + 1);
      source.scored += 1;
      if (match) {
        hits.set(field, (hits.get(field) ?? 0) + 1);
        source.hits += 1;
      } else {
        if (CORE_FIELDS.includes(field)) core = false;
        misses.push({
          name: c.name,
          field,
          expected: expectedValue(field, c.truth),
          actual: actualValue(field, summary),
        });
      }
    }
    if (core) {
      coreRight += 1;
      source.coreRight += 1;
    }
  }
  const fields = EVAL_FIELDS.map((field) => {
    const h = hits.get(field) ?? 0;
    const total = totals.get(field) ?? 0;
    return { field, hits: h, total, accuracy: total ? h / total : 0, target: TARGETS[field] ?? null };
  });
  return {
    cases: cases.length,
    sourceTypes: bySource.size,
    fields,
    coreRight,
    hits: fields.reduce((n, f) => n + f.hits, 0),
    scored: fields.reduce((n, f) => n + f.total, 0),
    bySource: [...bySource.values()].sort((a, b) => a.source.localeCompare(b.source)),
    misses,
    crashes,
  };
}

function percent(n: number, d: number): string {
  return d ? `${((n / d) * 100).toFixed(1)} %` : '—';
}

/** The report as Markdown tables (what README.md shows). */
export function formatReport(report: EvalReport): string {
  const lines = [
    `| field | accuracy | hits | target |`,
    `| --- | --- | --- | --- |`,
    ...report.fields.map(
      (f) =>
        `| ${f.field}${f.field.endsWith('Count') ? ' (±1)' : ''} | ${percent(f.hits, f.total)} | ${f.hits}/${f.total} | ${f.target === null ? '—' : `${Math.round(f.target * 100)} %${f.accuracy >= f.target ? ' ✓' : ' ✗'}`} |`,
    ),
    '',
    `Title, company and locations all right: ${percent(report.coreRight, report.cases)} (${report.coreRight}/${report.cases}) · every field together: ${percent(report.hits, report.scored)} (${report.hits}/${report.scored}) · crashes: ${report.crashes.length}`,
    '',
    `| source type | postings | title+company+locations | all fields |`,
    `| --- | --- | --- | --- |`,
    ...report.bySource.map(
      (s) => `| ${s.source} | ${s.cases} | ${s.coreRight}/${s.cases} | ${percent(s.hits, s.scored)} |`,
    ),
  ];
  return lines.join('\n');
}

/** Default location of the shared fixture set: ../shared next to the repository. */
export function defaultFixturesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, '..', '..', '..', 'shared', 'fixtures', 'postings');
}

/** The repository's long-tail fixtures and the prose checks for the shared set. */
export function repoFixturesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, '..', '..', 'test', 'fixtures', 'postings');
}

/** Every case: the shared set (when present, with its prose checks) and the repository's own. */
export function allCases(sharedDir = defaultFixturesDir(), repoDir = repoFixturesDir()): FixtureCase[] {
  const shared = existsSync(join(sharedDir, 'truth'))
    ? loadFixtureCases(sharedDir, join(repoDir, 'shared-prose.json'))
    : [];
  return [...shared, ...loadRepoFixtureCases(repoDir)];
}

/** `npm run eval:postings [-- <shared fixtures dir>]`: prints per-field and per-source accuracy and every miss. */
export function main(argv: readonly string[], out: (line: string) => void = console.log): number {
  const sharedDir = argv[0] ?? defaultFixturesDir();
  if (!existsSync(join(sharedDir, 'truth')))
    out(
      `note: no shared fixtures at ${sharedDir} (../shared/fixtures/postings next to the repository); the repository's own set only\n`,
    );
  const cases = allCases(sharedDir);
  if (cases.length === 0) {
    out('no fixtures found');
    return 1;
  }
  const report = evaluateCases(cases);
  out(
    `Extraction accuracy over ${report.cases} hand-checked postings from ${report.sourceTypes} source types\n`,
  );
  out(formatReport(report));
  out(`\nMisses (${report.misses.length}):`);
  for (const m of report.misses) {
    out(`- ${m.name} · ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
  }
  for (const c of report.crashes) out(`- CRASH ${c.name}: ${c.error}`);
  return report.crashes.length > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
