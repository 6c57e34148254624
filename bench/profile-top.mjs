// `node bench/profile-top.mjs <file.cpuprofile> [count]`: the functions with the most self time in a
// V8 CPU profile (as written by `node --cpu-prof`, e.g. `BENCH_CPU_PROF=/tmp/prof npm run bench`).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const [file, countArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-top.mjs <file.cpuprofile> [count]');
  process.exit(1);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map();
// timeDeltas[i] is the time before sample i; attribute it to that sample's node.
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const totals = new Map();
let all = 0;
for (const [id, us] of selfUs) {
  const { callFrame } = byId.get(id);
  const where = callFrame.url ? relative(process.cwd(), callFrame.url.replace(/^file:\/\//, '')) : '';
  const key = `${callFrame.functionName || '(anonymous)'} ${where}:${callFrame.lineNumber + 1}`;
  totals.set(key, (totals.get(key) ?? 0) + us);
  all += us;
}
const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(countArg ?? 25));
console.log(`total sampled ${(all / 1000).toFixed(0)} ms`);
for (const [key, us] of top)
  console.log(
    `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / all).toFixed(1).padStart(5)} %  ${key}`,
  );
