// Extraction speed over the shared fixture postings: our extractor vs the floor (bare htmlparser2
// tokenisation of the same bytes with no-op callbacks). Run with `npm run bench:extract` (builds
// first; this file imports the compiled dist/). Plain .mjs because Node 20 cannot run TypeScript.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';
import { extractPosting } from '../dist/postings/extract-posting.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixturesDir = process.argv[2] ?? resolve(here, '..', '..', 'shared', 'fixtures', 'postings');
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);

if (!existsSync(join(fixturesDir, 'raw'))) {
  console.error(
    `no fixtures at ${fixturesDir} (expected ../shared/fixtures/postings next to the repository)`,
  );
  process.exit(1);
}

const inputs = readdirSync(join(fixturesDir, 'raw'))
  .sort()
  .map((name) => {
    const truthPath = join(fixturesDir, 'truth', name.replace(/\.(json|html)$/, '.json'));
    const url = existsSync(truthPath)
      ? JSON.parse(readFileSync(truthPath, 'utf8')).url
      : `https://example.com/${name}`;
    return { name, url, text: readFileSync(join(fixturesDir, 'raw', name), 'utf8') };
  });

const noop = () => {};
const floorCallbacks = {
  onopentag: noop,
  ontext: noop,
  onclosetag: noop,
  onattribute: noop,
  oncomment: noop,
};

/** The floor: htmlparser2 tokenising the bytes with no-op callbacks (JSON payloads are JSON.parse'd instead). */
function floor(input) {
  if (input.name.endsWith('.json')) {
    JSON.parse(input.text);
    return;
  }
  const parser = new Parser(floorCallbacks, { decodeEntities: true });
  parser.write(input.text);
  parser.end();
}

function ours(input) {
  extractPosting({ url: input.url, body: input.text });
}

// ---------------------------------------------------------------------------------------------
// METASCRAPER: not installed. The lead should add metascraper 5.45.x (+ metascraper-title,
// -description, -publisher) as a devDependency and time it here over the same inputs, e.g.
//   const metascraper = (await import('metascraper')).default([ (await import('metascraper-title')).default() ]);
//   const competitor = (input) => metascraper({ html: input.text, url: input.url });   // async
// then add a third column to the table below.
// ---------------------------------------------------------------------------------------------

function time(fn, input) {
  const start = process.hrtime.bigint();
  fn(input);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function percentile(sorted, p) {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

// Warm up the JIT.
for (let i = 0; i < 3; i += 1)
  for (const input of inputs) {
    floor(input);
    ours(input);
  }

const samples = { floor: [], ours: [] };
const perFile = new Map(inputs.map((i) => [i.name, { floor: [], ours: [] }]));
for (let round = 0; round < rounds; round += 1) {
  for (const input of inputs) {
    const f = time(floor, input);
    const o = time(ours, input);
    samples.floor.push(f);
    samples.ours.push(o);
    perFile.get(input.name).floor.push(f);
    perFile.get(input.name).ours.push(o);
  }
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    total: values.reduce((a, b) => a + b, 0),
  };
};
const f = stats(samples.floor);
const o = stats(samples.ours);
const fmt = (ms) => `${ms.toFixed(2)} ms`;

console.log(`Extraction speed: ${inputs.length} postings × ${rounds} rounds (${fixturesDir})\n`);
console.log('| | median / posting | p99 / posting | total time ratio |');
console.log('| --- | --- | --- | --- |');
console.log(`| htmlparser2 tokenisation (floor) | ${fmt(f.median)} | ${fmt(f.p99)} | 1.00× |`);
console.log(
  `| extractPosting (ours) | ${fmt(o.median)} | ${fmt(o.p99)} | ${(o.total / f.total).toFixed(2)}× |`,
);
console.log('| metascraper 5.45.x | not installed (see bench/extract.mjs) | | |');
console.log(`\nTarget: ours within 3× of the floor (total time ratio ${(o.total / f.total).toFixed(2)}×).`);
console.log('\nPer posting (median, ours / floor):');
for (const [name, s] of perFile) {
  const fm = stats(s.floor).median;
  const om = stats(s.ours).median;
  console.log(`- ${name}: ${fmt(om)} / ${fmt(fm)} (${(om / Math.max(fm, 0.001)).toFixed(1)}×)`);
}
