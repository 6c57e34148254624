// Figure 1 of `npm run bench`, and `npm run bench:extract` on its own: extraction time per posting over
// the shared fixture postings (../shared/fixtures/postings/raw), in one process, side by side with
// metascraper 5.45 (the usual unfurl library; HTML only, it has nothing to say about JSON API payloads)
// and with the floor: bare htmlparser2 tokenisation of the same bytes with no-op callbacks (JSON.parse
// for JSON payloads). Plain .mjs importing the compiled dist/ because Node 20 cannot run TypeScript.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Parser } from 'htmlparser2';
import { ms, summarize } from './lib/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const defaultFixturesDir = resolve(here, '..', '..', 'shared', 'fixtures', 'postings');

function loadInputs(fixturesDir) {
  return readdirSync(join(fixturesDir, 'raw'))
    .filter((name) => /\.(json|html?)$/.test(name))
    .sort()
    .map((name) => {
      const truthPath = join(fixturesDir, 'truth', name.replace(/\.(json|html?)$/, '.json'));
      let url = `https://example.com/${name}`;
      if (existsSync(truthPath)) url = JSON.parse(readFileSync(truthPath, 'utf8')).url ?? url;
      const kind = name.endsWith('.json') ? 'json' : 'html';
      return { name, kind, url, text: readFileSync(join(fixturesDir, 'raw', name), 'utf8') };
    });
}

const noop = () => {};
const floorCallbacks = {
  onopentag: noop,
  ontext: noop,
  onclosetag: noop,
  onattribute: noop,
  oncomment: noop,
};

/** The floor: htmlparser2 tokenising the bytes with no-op callbacks (JSON payloads are JSON.parse'd). */
function floor(input) {
  if (input.kind === 'json') {
    JSON.parse(input.text);
    return;
  }
  const parser = new Parser(floorCallbacks, { decodeEntities: true });
  parser.write(input.text);
  parser.end();
}

async function loadMetascraper() {
  const rules = ['title', 'description', 'url', 'image', 'publisher', 'date', 'author'];
  const metascraper = (await import('metascraper')).default;
  const loaded = await Promise.all(rules.map((rule) => import(`metascraper-${rule}`)));
  return metascraper(loaded.map((module) => module.default()));
}

/**
 * Times ours, the floor and metascraper over the fixtures. Returns null when the fixtures are absent.
 * @param {{ fixturesDir?: string, rounds?: number, repoRoot?: string }} options
 */
export async function measureExtraction(options = {}) {
  const fixturesDir = options.fixturesDir ?? defaultFixturesDir;
  const rounds = options.rounds ?? 10;
  const repoRoot = options.repoRoot ?? resolve(here, '..');
  if (!existsSync(join(fixturesDir, 'raw'))) return null;
  const { extractPosting } = await import(
    pathToFileURL(join(repoRoot, 'dist/postings/extract-posting.js')).href
  );
  const scrape = await loadMetascraper();
  const inputs = loadInputs(fixturesDir);

  const ours = (input) => {
    extractPosting({ url: input.url, body: input.text });
  };
  const time = (fn, input) => {
    const start = performance.now();
    fn(input);
    return performance.now() - start;
  };
  const timeAsync = async (input) => {
    const start = performance.now();
    await scrape({ html: input.text, url: input.url });
    return performance.now() - start;
  };

  // Warm up the JIT of all three.
  for (let i = 0; i < 2; i += 1)
    for (const input of inputs) {
      floor(input);
      ours(input);
      if (input.kind === 'html') await timeAsync(input);
    }

  const samples = new Map(inputs.map((input) => [input.name, { floor: [], ours: [], metascraper: [] }]));
  for (let round = 0; round < rounds; round += 1) {
    for (const input of inputs) {
      const s = samples.get(input.name);
      s.floor.push(time(floor, input));
      s.ours.push(time(ours, input));
      if (input.kind === 'html') s.metascraper.push(await timeAsync(input));
    }
  }

  const collect = (kind, tool) =>
    inputs.filter((i) => kind === 'all' || i.kind === kind).flatMap((i) => samples.get(i.name)[tool]);
  const groups = {};
  for (const kind of ['all', 'html', 'json']) {
    groups[kind] = {
      files: inputs.filter((i) => kind === 'all' || i.kind === kind).length,
      ours: summarize(collect(kind, 'ours')),
      floor: summarize(collect(kind, 'floor')),
      metascraper: kind === 'json' ? null : summarize(collect(kind, 'metascraper')),
    };
  }
  const perFile = inputs.map((input) => {
    const s = samples.get(input.name);
    return {
      name: input.name,
      kind: input.kind,
      bytes: Buffer.byteLength(input.text),
      ours: summarize(s.ours).median,
      floor: summarize(s.floor).median,
      metascraper: input.kind === 'html' ? summarize(s.metascraper).median : null,
    };
  });
  return { fixturesDir, rounds, files: inputs.length, groups, perFile };
}

/** Ratios of total time: how many times slower than `b` is `a`. */
export function ratio(a, b) {
  return a.total / b.total;
}

function printExtraction(result) {
  const { groups } = result;
  console.log(
    `Extraction: ${result.files} postings (${groups.html.files} HTML, ${groups.json.files} JSON) × ${result.rounds} rounds (${result.fixturesDir})\n`,
  );
  console.log('| files | tool | median / posting | p99 / posting |');
  console.log('| --- | --- | --- | --- |');
  for (const kind of ['html', 'json', 'all']) {
    const g = groups[kind];
    console.log(`| ${kind} | extractPosting (ours) | ${ms(g.ours.median)} | ${ms(g.ours.p99)} |`);
    if (g.metascraper)
      console.log(
        `| ${kind} | metascraper 5.45.8 | ${ms(g.metascraper.median)} | ${ms(g.metascraper.p99)} |`,
      );
    console.log(
      `| ${kind} | htmlparser2 tokenisation (floor) | ${ms(g.floor.median)} | ${ms(g.floor.p99)} |`,
    );
  }
  console.log(
    `\nHTML: metascraper / ours = ${ratio(groups.html.metascraper, groups.html.ours).toFixed(1)}× (target >= 5×); ours / floor = ${ratio(groups.html.ours, groups.html.floor).toFixed(2)}× (target <= 3×)`,
  );
  console.log(`All: ours / floor = ${ratio(groups.all.ours, groups.all.floor).toFixed(2)}× (total time)`);
  console.log('\nPer posting (median: ours / floor / metascraper):');
  for (const f of result.perFile)
    console.log(
      `- ${f.name} (${Math.round(f.bytes / 1024)} KiB): ${ms(f.ours)} / ${ms(f.floor)} / ${f.metascraper === null ? '—' : ms(f.metascraper)}`,
    );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fixturesDir = process.argv[2] ? resolve(process.argv[2]) : defaultFixturesDir;
  const result = await measureExtraction({
    fixturesDir,
    rounds: Number(process.env.BENCH_ROUNDS ?? 10),
  });
  if (result === null) {
    console.error(
      `no fixtures at ${fixturesDir}/raw (expected ../shared/fixtures/postings next to the repository)`,
    );
    process.exit(1);
  }
  printExtraction(result);
}
