// `npm run bench:report`: writes bench/results.md and the README bench section again from the
// measurements of the last `npm run bench` (bench/last-run.json), e.g. after editing findings.md.
// Measures nothing.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReports } from './lib/report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, 'last-run.json');
if (!existsSync(source)) {
  console.error('No bench/last-run.json yet: run `npm run bench` first.');
  process.exit(1);
}
const measured = JSON.parse(readFileSync(source, 'utf8'));
const { table } = writeReports({
  repoRoot: resolve(here, '..'),
  ...measured,
  startedAt: new Date(measured.startedAt),
  finishedAt: new Date(measured.finishedAt),
});
console.log(table);
console.log('\nWritten again from bench/last-run.json: bench/results.md and the README bench section.');
