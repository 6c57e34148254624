import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { extractPosting } from '../postings/extract-posting.js';
import type { PostingSummary } from '../postings/posting-summary.js';

/** One hand-checked truth file of the shared fixture set. */
export const truthSchema = z.object({
  url: z.string(),
  source: z.string(),
  title: z.string().nullable(),
  company: z.string().nullable(),
  locations: z.array(z.string()),
  workplaceType: z.string().nullable(),
  employmentType: z.string().nullable(),
  department: z.string().nullable(),
  salary: z
    .object({
      min: z.number().nullable(),
      max: z.number().nullable(),
      currency: z.string().nullable(),
      period: z.string().nullable(),
    })
    .nullable(),
  minYearsExperience: z.number().nullable(),
  responsibilitiesCount: z.number().nullable(),
  requiredCount: z.number().nullable(),
  niceToHaveCount: z.number().nullable(),
  notes: z.string().optional(),
});
export type Truth = z.infer<typeof truthSchema>;

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
] as const;
export type EvalField = (typeof EVAL_FIELDS)[number];

/** Accuracy targets of the issue (department has none: it is reported only). */
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

/** Whether one field of a summary matches the truth, by the truth files' comparison rules. */
export function fieldMatches(field: EvalField, s: PostingSummary, t: Truth): boolean {
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
  }
}

function actualValue(field: EvalField, s: PostingSummary): unknown {
  if (field === 'responsibilitiesCount') return s.responsibilities.length;
  if (field === 'requiredCount') return s.requirements.length;
  if (field === 'niceToHaveCount') return s.niceToHave.length;
  return s[field];
}

function expectedValue(field: EvalField, t: Truth): unknown {
  return t[field];
}

export interface FixtureCase {
  name: string;
  rawPath: string;
  truth: Truth;
}

/** The raw file for each truth file (`truth/x.json` ↔ `raw/x.*`). */
export function loadFixtureCases(fixturesDir: string): FixtureCase[] {
  const truthDir = join(fixturesDir, 'truth');
  const rawDir = join(fixturesDir, 'raw');
  const raws = readdirSync(rawDir);
  return readdirSync(truthDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const name = basename(file, '.json');
      const raw = raws.find((r) => r.replace(/\.(?:json|html)$/, '') === name);
      if (!raw) throw new Error(`no raw file for truth ${file}`);
      const truth = truthSchema.parse(JSON.parse(readFileSync(join(truthDir, file), 'utf8')));
      return { name, rawPath: join(rawDir, raw), truth };
    });
}

/** Extracts one fixture the way the CLI would read a saved file with `--url`. */
export function extractFixture(c: FixtureCase): PostingSummary {
  return extractPosting({ url: c.truth.url, body: readFileSync(c.rawPath) });
}

export interface EvalReport {
  cases: number;
  fields: Array<{ field: EvalField; hits: number; total: number; accuracy: number; target: number | null }>;
  misses: Array<{ name: string; field: EvalField; expected: unknown; actual: unknown }>;
}

/** Runs the extractor over every truth file and scores each field. */
export function evaluate(fixturesDir: string): EvalReport {
  const cases = loadFixtureCases(fixturesDir);
  const hits = new Map<EvalField, number>(EVAL_FIELDS.map((f) => [f, 0]));
  const misses: EvalReport['misses'] = [];
  for (const c of cases) {
    const summary = extractFixture(c);
    for (const field of EVAL_FIELDS) {
      if (fieldMatches(field, summary, c.truth)) hits.set(field, (hits.get(field) ?? 0) + 1);
      else
        misses.push({
          name: c.name,
          field,
          expected: expectedValue(field, c.truth),
          actual: actualValue(field, summary),
        });
    }
  }
  return {
    cases: cases.length,
    fields: EVAL_FIELDS.map((field) => {
      const h = hits.get(field) ?? 0;
      return {
        field,
        hits: h,
        total: cases.length,
        accuracy: cases.length ? h / cases.length : 0,
        target: TARGETS[field] ?? null,
      };
    }),
    misses,
  };
}

/** The report as a Markdown table (what README.md shows). */
export function formatReport(report: EvalReport): string {
  const lines = [
    `| field | accuracy | hits | target |`,
    `| --- | --- | --- | --- |`,
    ...report.fields.map(
      (f) =>
        `| ${f.field}${f.field.endsWith('Count') ? ' (±1)' : ''} | ${(f.accuracy * 100).toFixed(1)} % | ${f.hits}/${f.total} | ${f.target === null ? '—' : `${Math.round(f.target * 100)} %${f.accuracy >= f.target ? ' ✓' : ' ✗'}`} |`,
    ),
  ];
  return lines.join('\n');
}

/** Default location of the shared fixture set: ../shared next to the repository. */
export function defaultFixturesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, '..', '..', '..', 'shared', 'fixtures', 'postings');
}

/** `npm run eval:postings [-- <fixtures dir>]`: prints per-field accuracy and every miss. */
export function main(argv: readonly string[], out: (line: string) => void = console.log): number {
  const dir = argv[0] ?? defaultFixturesDir();
  if (!existsSync(join(dir, 'truth'))) {
    out(`no fixtures at ${dir} (expected ../shared/fixtures/postings next to the repository)`);
    return 1;
  }
  const report = evaluate(dir);
  out(`Extraction accuracy over ${report.cases} hand-checked postings (${dir})\n`);
  out(formatReport(report));
  out(`\nMisses (${report.misses.length}):`);
  for (const m of report.misses) {
    out(`- ${m.name} · ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
