// A fixed piece of CPU work timed at the start and at the end of a run: the same work takes longer
// when other processes share the cores (this VM reports no steal time), so two runs' figures can be
// compared through it. The work looks like the app's: JSON, HMAC, string scanning, short-lived objects.
import { createHmac } from 'node:crypto';

function work() {
  const rows = Array.from({ length: 2_000 }, (_, i) => ({
    id: `posting-${i}`,
    title: `Senior Engineer ${i}`,
    skills: ['TypeScript', 'SQL', `skill-${i % 17}`],
    remote: i % 3 === 0,
  }));
  const text = JSON.stringify(rows);
  const parsed = JSON.parse(text);
  const digest = createHmac('sha256', 'probe').update(text).digest('hex');
  const words = text.replace(/[^a-z]+/gi, ' ').split(' ').length;
  return parsed.length + digest.length + words;
}

/** Median milliseconds of `rounds` runs of the fixed work (after two unmeasured ones). */
export function cpuProbeMs(rounds = 100) {
  work();
  work();
  const times = [];
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
