// Turns one run's measurements into bench/results.md (the whole file is generated: edit
// bench/findings.md for the hand-written profile notes it includes) and copies its summary table into
// README.md between <!-- bench:start --> and <!-- bench:end -->.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { ms } from './stats.mjs';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

const mb = (value) => (Number.isFinite(value) ? `${value.toFixed(0)} MB` : 'n/a');
const rate = (value) => (Number.isFinite(value) ? `${value.toFixed(0)}/s` : 'n/a');
const verdict = (ok) => (ok === null ? '—' : ok ? '✅ met' : '❌ missed');
const pair = (s) => `${ms(s.median)} / ${ms(s.p99)}`;

function throughputRow(name, run, target) {
  if (run === undefined || run.skipped)
    return [`4. Throughput, ${name}`, `skipped: ${run?.skipped ?? 'not run'}`, target ?? '—', '—'];
  const { load, checks } = run;
  const clean = load.non200 === 0 && load.errorLines.length === 0 && checks.total === 0;
  const value =
    `${rate(load.ackedPerSecond)} acked (${rate(load.processedPerSecond)} incl. follow-up work), ` +
    `${load.sent} clicks, ${load.non200} non-200, ${load.errorLines.length} error logs, ${checks.total} duplicate rows`;
  const ok = target === null ? clean : clean && load.ackedPerSecond >= 500 && load.processedPerSecond >= 500;
  return [`4. Throughput, ${name}`, value, target ?? 'zero errors, zero duplicates', verdict(ok)];
}

const seconds = (value) => (Number.isFinite(value) ? `${(value / 1000).toFixed(1)} s` : 'n/a');
const DATABASES = [
  ['sqlite', 'SQLite'],
  ['postgres', 'PostgreSQL'],
];

/** Figure 6's summary rows: ack latency and peak RSS against the targets, then cards and backlog. */
/** The bare server under the same loop, beside each database's figure. */
function floorNote(floor) {
  if (floor === undefined) return '';
  const l = floor.latency;
  return `; harness floor (bare HTTP server, same loop) p50 / p99 ${ms(l.p50)} / ${ms(l.p99)} at ${rate(floor.requestsPerSecond)}`;
}

/**
 * The backlog from the end of the load: "X → 0 in Ys", or, when the figure stopped waiting first,
 * how many jobs were still waiting (not lost: they are in the table and run later).
 */
function backlogOutcome(r) {
  const start = r.backlogAtEnd?.backlog ?? 'n/a';
  if (r.drain.drained) return `${start} → 0 in ${seconds(r.drain.ms)}`;
  const left = r.drain.last?.backlog;
  return `${start} → ${left ?? 'n/a'} after ${seconds(r.drain.ms)} (not drained: the figure stops waiting there; ${r.drain.last?.failed ?? 'n/a'} failed)`;
}

/** Links acknowledged but with no card yet: lost when the backlog drained, still queued when not. */
function uncarded(r) {
  return r.drain.drained
    ? `${r.missingCards} missing`
    : `${r.missingCards} not carded yet (their jobs still queued)`;
}

function sustainedRows(sustained) {
  if (sustained === undefined) return [];
  const rows = [];
  for (const [key, name] of DATABASES) {
    const r = sustained[key];
    if (r === undefined || r.skipped) {
      rows.push([`6. Sustained load, ${name}`, `skipped: ${r?.skipped ?? 'not run'}`, '—', '—']);
      continue;
    }
    const l = r.latency;
    rows.push([
      `6. Sustained load, ${r.concurrency} in flight for ${r.seconds} s, ${name}: ack p50 / p95 / p99 / max`,
      `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)} / ${ms(l.max)} at ${rate(r.requestsPerSecond)} (${r.answered} requests, ${r.non200} non-200)${floorNote(sustained.floor)}`,
      'p99 < 100 ms',
      verdict(l.p99 < 100 && r.non200 === 0),
    ]);
    rows.push([
      `6. Peak RSS under sustained load, ${name}`,
      `${mb(r.peak.sampledPeakMb)} over the load and the drain (${mb(r.peakDuringLoadMb)} during the load, ${mb(r.rssBeforeMb)} before it)`,
      '<= 250 MB',
      verdict(r.peak.sampledPeakMb <= 250),
    ]);
    rows.push([
      `6. Sustained load, ${name}: link_shared ack → card, p50 / p99 (minus the board's ${r.upstreamMs ?? 300} ms)`,
      `${pair(r.ackToCard)} (${pair(r.overBoard)}); backlog ${backlogOutcome(r)}; ${uncarded(r)}, ${r.duplicatedCards} repeated chat.unfurl`,
      '—',
      '—',
    ]);
  }
  return rows;
}

/** Figure 7's summary rows: one per database. */
function recoveryRows(recovery) {
  if (recovery === undefined) return [];
  const rows = [];
  for (const [key, name] of DATABASES) {
    const r = recovery[key];
    if (r === undefined || r.skipped) {
      rows.push([`7. Crash recovery, ${name}`, `skipped: ${r?.skipped ?? 'not run'}`, '—', '—']);
      continue;
    }
    rows.push([
      `7. Crash recovery, ${name} (SIGKILL, restart, VOUCH_WORK_LEASE_SECONDS=${r.leaseSeconds})`,
      `${r.acked} events acked, ${r.unfurledBeforeKill} carded before the kill; restart → ready ${seconds(r.readyMs)}, → every card ${seconds(r.allCardsMs)}, → backlog 0 ${seconds(r.backlogZeroMs)}; ${r.missing} missing; chat.unfurl repeated for ${r.duplicated} (same link in the same message: Slack keeps one card)`,
      'every acked event carded, one card each',
      verdict(r.missing === 0),
    ]);
  }
  return rows;
}

const REPLICA_RUNS = [
  ['one', 'one process'],
  ['two', 'two processes'],
];
const loads = (values) => (values ?? []).map((l) => l.toFixed(2)).join(' ');

/** Figure 8's summary row: two processes against one, behind the same balancer. */
function replicasRows(replicas) {
  if (replicas === undefined) return [];
  const [one, two] = [replicas.one, replicas.two];
  if (one === undefined || two === undefined || one.skipped || two.skipped)
    return [['8. Two replicas', `skipped: ${one?.skipped ?? two?.skipped ?? 'not run'}`, '—', '—']];
  const at = (r) =>
    `${rate(r.requestsPerSecond)}, p50 / p99 ${ms(r.latency.p50)} / ${ms(r.latency.p99)}, ${r.duplicatesFound} duplicates`;
  const when = replicas.measuredAt ? `; measured ${replicas.measuredAt.slice(0, 10)}` : '';
  const clean = (r) => r.duplicatesFound === 0 && r.missingCards === 0 && r.non200 === 0;
  return [
    [
      `8. Replicas, PostgreSQL, round-robin balancer, ${two.concurrency} in flight for ${two.seconds} s: acks/s, ack p50 / p99, duplicates found`,
      `two processes ${at(two)} · one process ${at(one)} (load average ${loads(two.loadAverage?.before)} at the two-process start${when})`,
      'zero duplicates, every card',
      verdict(clean(one) && clean(two)),
    ],
  ];
}

/** Figure 8 in detail. */
function replicasDetails(replicas, settings) {
  if (replicas === undefined) return '';
  const runs = REPLICA_RUNS.map(([key, name]) => [name, replicas[key]]).filter(
    ([, r]) => r !== undefined && !r.skipped,
  );
  if (runs.length === 0) return '';
  const first = runs[0]?.[1];
  const out = ['### 8. Replicas', ''];
  out.push(
    `Figure 6's closed loop (${first.concurrency} requests always outstanding for ${first.seconds} s, its mix of new links on the board that answers after ${first.upstreamMs ?? settings.upstreamMs} ms, clicks and commands) sent to a round-robin balancer (test/helpers/round-robin.mjs, in the orchestrator process, keep-alive both ways) in front of one, then two, Vouch processes (\`node dist/main.js\`) on one fresh PostgreSQL database each time: the same balancer both times, so only the number of processes differs. After the load: the backlog drained (read from /readyz), the fake Slack API quiet for 2 s, then the duplicates counted: rows twice under a natural key (the figure 4 checks), a \`link_shared\` event with more than one \`chat.unfurl\` (a job run twice), failed jobs. All processes share the machine's cores with the load process, the fakes and the balancer${replicas.measuredAt ? `; measured ${replicas.measuredAt} on ${replicas.machine ?? 'the machine above'} with \`BENCH_ONLY=replicas BENCH_MERGE=1\` (CPU probe ${ms(replicas.probe?.startMs)})` : ''}.`,
    '',
  );
  const rows = runs.map(([name, r]) => [
    name,
    rate(r.requestsPerSecond),
    `${ms(r.latency.p50)} / ${ms(r.latency.p95)} / ${ms(r.latency.p99)} / ${ms(r.latency.max)}`,
    r.forwarded.join(' + '),
    Number.isFinite(r.appCpuMsPerRequest) ? `${r.appCpuMsPerRequest.toFixed(2)} ms` : 'n/a',
    backlogOutcome(r),
    `${r.events} / ${r.missingCards} / ${r.duplicatedCards}`,
    `${r.duplicateRows} / ${r.failedJobs ?? 'n/a'}`,
    `${r.non200} / ${r.errorLineCount}`,
    `${loads(r.loadAverage?.before)} → ${loads(r.loadAverage?.after)}`,
  ]);
  out.push(
    markdownTable(
      [
        'behind the balancer',
        'acks/s',
        'ack p50 / p95 / p99 / max',
        'requests per process',
        'app CPU per request (all processes)',
        'backlog at the end',
        'link_shared events / missing cards / repeated chat.unfurl',
        'duplicate rows / failed jobs',
        'non-200 / error logs',
        'load average before → after',
      ],
      rows,
    ),
    '',
  );
  for (const [name, r] of runs)
    for (const line of r.errorLines ?? [])
      out.push(`- ${name}: error log: \`${line.replace(/`/g, "'").slice(0, 300)}\``);
  out.push('');
  return out.join('\n');
}

/** "5 bursts of 200 concurrent" (runs before BENCH_BURSTS had one burst and no `bursts` list). */
const burstLabel = (a) =>
  a.bursts ? `${a.bursts.length} bursts of ${a.burstSize} concurrent` : `${a.all.count} concurrent`;
/** ", per-burst p99 41–55 ms" when there was more than one burst. */
function burstP99s(a) {
  if (!a.bursts || a.bursts.length < 2) return '';
  const p99s = a.bursts.map((b) => b.p99);
  return `, per-burst p99 ${ms(Math.min(...p99s))}–${ms(Math.max(...p99s))}`;
}

/** The summary rows: [figure, result, target, verdict]. */
function summaryRows(input) {
  const { extraction, sqlite, postgres, sustained, recovery, replicas } = input;
  const rows = [];
  if (extraction === null) {
    rows.push(['1. Extraction', 'skipped: no fixtures at ../shared/fixtures/postings/raw', '—', '—']);
  } else {
    const h = extraction.groups.html;
    const vsMeta = h.metascraper.total / h.ours.total;
    const vsFloor = h.ours.total / h.floor.total;
    rows.push([
      `1. Extraction, HTML (${h.files} pages), median / p99`,
      `ours ${pair(h.ours)} · metascraper ${pair(h.metascraper)} · floor ${pair(h.floor)}`,
      '—',
      '—',
    ]);
    rows.push([
      '1. ours vs metascraper (HTML, total time)',
      `${vsMeta.toFixed(1)}× faster`,
      '>= 5×',
      verdict(vsMeta >= 5),
    ]);
    rows.push([
      '1. ours vs floor (HTML, total time)',
      `${vsFloor.toFixed(2)}× the floor`,
      '<= 3×',
      verdict(vsFloor <= 3),
    ]);
    const j = extraction.groups.json;
    rows.push([
      `1. Extraction, JSON API payloads (${j.files}), median / p99`,
      `ours ${pair(j.ours)} · JSON.parse ${pair(j.floor)} · metascraper n/a`,
      '—',
      '—',
    ]);
  }
  const a = sqlite.acks;
  rows.push([
    `2. Ack latency, ${burstLabel(a)}, p50 / p99`,
    `${pair(a.all)} (max ${ms(a.all.max)}, ${a.non200} non-200${burstP99s(a)})` +
      (a.floor ? ` · harness floor (bare HTTP server, same bursts) ${pair(a.floor.all)}` : ''),
    'p99 < 100 ms',
    verdict(a.all.p99 < 100 && a.non200 === 0),
  ]);
  const c = sqlite.cards;
  rows.push(['3. Link → card, cold, p50 / p99', pair(c.cold), '—', '—']);
  rows.push([
    '3. Bot overhead (cold − upstream), p50 / p99',
    pair(c.overhead),
    'p99 < 50 ms',
    verdict(c.overhead.p99 < 50),
  ]);
  rows.push([
    '3. Link → card, cached, p50 / p99',
    `${pair(c.cached)} (${c.cachedFetches} upstream fetches)`,
    'p99 < 30 ms',
    verdict(c.cached.p99 < 30),
  ]);
  rows.push(throughputRow('SQLite', sqlite, '>= 500/s, zero errors, zero duplicates'));
  rows.push(throughputRow('PostgreSQL', postgres, null));
  const f = sqlite.footprint;
  rows.push(['5. Idle RSS after start (SQLite)', mb(f.idleRssMb), '<= 120 MB', verdict(f.idleRssMb <= 120)]);
  const peaks = [`SQLite ${mb(sqlite.load.peak.sampledPeakMb)}`];
  if (postgres && !postgres.skipped) peaks.push(`PostgreSQL ${mb(postgres.load.peak.sampledPeakMb)}`);
  rows.push(['5. Peak RSS during figure 4', peaks.join(' · '), '—', '—']);
  rows.push([
    '5. Start → /healthz 200',
    `${ms(f.startMs)} (migrated SQLite) · ${ms(f.freshStartMs)} (fresh SQLite, migrations)` +
      (postgres && !postgres.skipped ? ` · ${ms(postgres.footprint.freshStartMs)} (fresh PostgreSQL)` : ''),
    '<= 2 s',
    verdict(f.startMs <= 2000),
  ]);
  rows.push(
    ...sustainedRows(sustained),
    ...recoveryRows(recovery),
    ...replicasRows(replicas),
    ...dataScaleRows(input.datascale),
  );
  return rows;
}

const thousands = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const loadsOrNa = (l) => (Array.isArray(l) ? l.map((v) => v.toFixed(2)).join(' ') : 'n/a');

/** Figure 9's summary rows: the four paths against 50 ms, then the liveness sweep. */
function dataScaleRows(datascale) {
  if (datascale === undefined) return [];
  const rows = [];
  for (const [key, name] of DATABASES) {
    const r = datascale[key];
    if (r === undefined || r.skipped) {
      rows.push([`9. Data scale, ${name}`, `skipped: ${r?.skipped ?? 'not run'}`, '—', '—']);
      continue;
    }
    const c = r.counts;
    const p99s = [r.home.p99, r.list.p99, r.refresh.p99, r.click.p99, r.interest.p99];
    rows.push([
      `9. Data scale (${thousands(c.postings)} postings, ${thousands(c.members)} members, ${thousands(c.referrals)} referrals, ${thousands(c.companyReferrers)} company referrers), ${name}: p50 / p99 of App Home · /vouch list (filtered) · card refresh · "I can refer" · "I'm interested"`,
      `${pair(r.home)} · ${pair(r.list)} · ${pair(r.refresh)} · ${pair(r.click)} · ${pair(r.interest)} (${r.home.count} samples each; load average ${loadsOrNa(r.requestsLoad?.[0])})`,
      'p99 < 50 ms',
      verdict(p99s.every((v) => v < 50)),
    ]);
    const w = r.sweep;
    const most = Math.max(...w.perHost.map((h) => h.maxInFlight));
    const inside = w.perHost.reduce((sum, h) => sum + h.requestsInsidePause, 0);
    rows.push([
      `9. Data scale, ${name}: liveness sweep of ${thousands(r.openRows)} open postings over ${w.livenessHours} h`,
      `${thousands(w.perRound)} checks per 5-minute round, ${w.plannedPerSecond.toFixed(1)}/s planned, ${w.observedPerSecond.toFixed(1)}/s observed over ${w.windowSeconds.toFixed(0)} s; at most ${most} in flight per host; ${inside} requests inside a Retry-After pause; picking a round's due postings p50 / p99 ${pair(r.queries.dueForCheck)}`,
      'spread over the period, <= 2 in flight per host, Retry-After honoured',
      verdict(most <= 2 && inside === 0 && w.observedPerSecond <= w.plannedPerSecond * 1.5),
    ]);
  }
  return rows;
}

/** Figure 9 in detail. */
function dataScaleDetails({ datascale }) {
  if (datascale === undefined) return '';
  const out = ['### 9. Data scale', ''];
  out.push(
    `Measured by \`npm run bench\` (the full run) or alone by \`BENCH_ONLY=datascale BENCH_DATASCALE_SAVE=1 npm run bench\` (bench/lib/datascale.mjs, bench/lib/datascale-seed.mjs), each database on the date and at the load average of its row below (the run's own processes add about 1.5 on these 2 cores; above that, other work shared them and the figures are pessimistic). One workspace holds everything (every per-workspace query sees all of it): postings spread over a year on ${datascale.sqlite?.sweep?.perHost?.length ?? 'a few'} local job boards, 20 place/workplace-type mixes written as the app writes its browse keys, 95 % open, 3 % not jobs, the last checks spread over the liveness period; one card (share) per posting. Heavy rows: a member with ${datascale.sqlite?.heavy?.asCandidate ?? 100} referrals as candidate, ${datascale.sqlite?.heavy?.asReferrer ?? 300} as referrer and ${datascale.sqlite?.heavy?.companies ?? 50} companies (whose App Home is published); a posting with ${datascale.sqlite?.heavy?.interested ?? 1000} interested candidates and ${datascale.sqlite?.heavy?.postingReferrers ?? 300} referrers at a company with ${datascale.sqlite?.heavy?.companyReferrers ?? 2000} referrers (whose card is refreshed and clicked). Seeded in bulk into a database the app's migration runner created (indexes dropped and built again at the end), then the real app (\`node dist/main.js\`) is timed from the signed request to the fake Slack API's call: App Home = \`app_home_opened\` → \`views.publish\`; /vouch list = command → its response_url (8 filter mixes in turn: place, remote, can-refer, last 30 days, hybrid, page 2–20); "I can refer" = click → the clicker's ephemeral; card refresh = the same click → \`chat.update\` of the posting's card (the refresh job); "I'm interested" = click → \`views.open\`. Samples one after the other, each click's follow-up work drained before the next. The periodic jobs are held off during these samples. The sweep: the app started again with VOUCH_LIVENESS_HOURS=${datascale.sqlite?.sweep?.livenessHours ?? 24}, boards answering after ${datascale.sqlite?.sweep?.boardDelayMs ?? 200} ms, board 1 answering every 40th request 429 with Retry-After: 5, board 2 every 60th 503; watched from its first request.`,
    '',
  );
  const runs = DATABASES.map(([key, name]) => [name, datascale[key]]).filter(
    ([, r]) => r !== undefined && !r.skipped,
  );
  out.push(
    markdownTable(
      [
        'database',
        'measured (load average then)',
        'seeding',
        'size',
        'App Home',
        '/vouch list',
        'card refresh',
        '"I can refer"',
        '"I\'m interested"',
        'load average around the samples',
      ],
      runs.map(([name, r]) => [
        name,
        `${r.measuredAt ? new Date(r.measuredAt).toISOString().slice(0, 16) : 'n/a'}${r.machine ? ` on ${r.machine}` : ''} (${loadsOrNa(r.loadStart)})`,
        `${seconds(r.seeded.totalMs)} (postings ${seconds(r.seeded.timings.postings)}, indexes ${seconds(r.seeded.timings.indexes)})`,
        mb(r.sizeMb),
        `${pair(r.home)}, max ${ms(r.home.max)}`,
        `${pair(r.list)}, max ${ms(r.list.max)}`,
        `${pair(r.refresh)}, max ${ms(r.refresh.max)}`,
        `${pair(r.click)}, max ${ms(r.click.max)}`,
        `${pair(r.interest)}, max ${ms(r.interest.max)}`,
        `${loadsOrNa(r.requestsLoad?.[0])} → ${loadsOrNa(r.requestsLoad?.[1])}`,
      ]),
    ),
    '',
  );
  out.push(
    markdownTable(
      [
        'database',
        'per round (5 min)',
        'planned / observed',
        'dueForCheck p50 / p99',
        'countForChecks p50 / p99',
        'per host: requests, most in flight, 429s, requests inside the pause, 503s, next request after a 503',
      ],
      runs.map(([name, r]) => [
        name,
        thousands(r.sweep.perRound),
        `${r.sweep.plannedPerSecond.toFixed(1)}/s / ${r.sweep.observedPerSecond.toFixed(1)}/s`,
        pair(r.queries.dueForCheck),
        pair(r.queries.countForChecks),
        r.sweep.perHost
          .map(
            (h, i) =>
              `${i + 1}: ${h.requests}, ${h.maxInFlight}, ${h.retryAfters}, ${h.requestsInsidePause}, ${h.serverErrors}${h.gapsAfter503Ms.length > 0 ? `, ${h.gapsAfter503Ms.map((g) => (g === null ? 'none' : seconds(g))).join('/')}` : ''}`,
          )
          .join(' · '),
      ]),
    ),
    '',
  );
  for (const [name, r] of runs) {
    for (const line of [...(r.requestErrors ?? []), ...(r.sweep.errors ?? [])])
      out.push(`- ${name}: error log: \`${line.replace(/`/g, "'").slice(0, 300)}\``);
  }
  out.push('');
  return out.join('\n');
}

function markdownTable(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function details({ extraction, sqlite, postgres, settings }) {
  const out = [];
  if (extraction !== null) {
    out.push('### 1. Extraction by kind', '');
    out.push(
      `${extraction.files} fixture postings × ${extraction.rounds} rounds, one process. metascraper 5.45.8 with the title, description, url, image, publisher, date and author rules, HTML pages only (JSON API payloads are not HTML). Floor: htmlparser2 \`Parser\` with no-op callbacks over the same string (\`JSON.parse\` for JSON).`,
      '',
    );
    const rows = [];
    for (const kind of ['html', 'json', 'all']) {
      const g = extraction.groups[kind];
      rows.push([
        `${kind} (${g.files})`,
        pair(g.ours),
        g.metascraper && kind !== 'all' ? pair(g.metascraper) : 'n/a',
        pair(g.floor),
        `${(g.ours.total / g.floor.total).toFixed(2)}×`,
      ]);
    }
    out.push(
      markdownTable(
        ['files', 'ours median / p99', 'metascraper median / p99', 'floor median / p99', 'ours / floor'],
        rows,
      ),
      '',
    );
    out.push('<details><summary>Per posting (median: ours / floor / metascraper)</summary>', '');
    for (const f of extraction.perFile)
      out.push(
        `- ${f.name} (${Math.round(f.bytes / 1024)} KiB): ${ms(f.ours)} / ${ms(f.floor)} / ${f.metascraper === null ? '—' : ms(f.metascraper)}`,
      );
    out.push('', '</details>', '');
  }
  const a = sqlite.acks;
  out.push('### 2. Ack latency by kind', '');
  const sent = a.bursts
    ? `${a.bursts.length} bursts of ${a.burstSize} requests, each sent at once from the load process on new connections after the app went quiet again`
    : `${a.all.count} requests sent at once from the load process`;
  const mix = Object.entries(a.counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const perBurst = a.bursts ? `; per-burst p99 ${a.bursts.map((b) => ms(b.p99)).join(', ')}` : '';
  out.push(
    `${sent} (${mix} in all), after a warm-up of 30; every link is new, so each one also makes the app fetch a page that answers after ${settings.upstreamMs} ms. Slowest burst wall time ${ms(a.wallMs)}${perBurst}.` +
      (a.floor
        ? ` Harness floor: the same bursts against a bare node:http server (its own process, empty 200 after reading the body): p50 ${ms(a.floor.all.median)}, p99 ${ms(a.floor.all.p99)}, slowest wall ${ms(a.floor.wallMs)}: what the load process, loopback TCP and Node's HTTP layer cost on this machine before any app code runs.`
        : ''),
    '',
  );
  out.push(
    markdownTable(
      ['kind', 'p50', 'p99', 'max'],
      Object.entries(a.byKind).map(([k, s]) => [k, ms(s.median), ms(s.p99), ms(s.max)]),
    ),
    '',
  );
  const c = sqlite.cards;
  out.push('### 3. Link → card', '');
  out.push(
    `${c.cold.count} new links shared one after another after one unmeasured warm-up share (job board answers after ${settings.upstreamMs} ms), then the same links again in another channel (cached). Timed from sending \`link_shared\` to the fake Slack API receiving \`chat.unfurl\`. Cards that fell back to a plain link: ${c.fallbacks}. Upstream fetches during the cached pass: ${c.cachedFetches}.`,
    '',
  );
  out.push('### 4. Throughput', '');
  out.push(
    `${settings.seconds} s, ${settings.concurrency} clicks in flight from the load process. Mix: ~45 % "I can refer" toggles by 40 members on 20 postings (a member–posting pair is never in flight twice), ~20 % Details, ~15 % "I'm interested" (opens the modal), ~20 % status updates by referrers on 40 referrals (referred → interviewing → offer → hired, then refused). "acked" = clicks / load window; "incl. follow-up work" = clicks / time until the last Slack call the clicks caused.`,
    '',
  );
  const rows = [];
  for (const [name, run] of [
    ['SQLite', sqlite],
    ['PostgreSQL', postgres],
  ]) {
    if (!run || run.skipped) {
      rows.push([name, `skipped: ${run?.skipped ?? 'not run'}`, '', '', '', '', '', '', '']);
      continue;
    }
    const { load, checks } = run;
    rows.push([
      name,
      `${rate(load.ackedPerSecond)} / ${rate(load.processedPerSecond)}`,
      Number.isFinite(load.cpuMsPerClick) ? `${load.cpuMsPerClick.toFixed(2)} ms` : 'n/a',
      pair(load.latency),
      Object.entries(load.byKind)
        .map(([k, n]) => `${k} ${n}`)
        .join(', '),
      `${load.non200}${Object.keys(load.failures).length ? ` (${JSON.stringify(load.failures)})` : ''}`,
      `${load.errorLines.length}`,
      `${checks.total} (${Object.entries(checks.duplicates)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')})`,
      `${checks.parityMismatches} of ${checks.toggledPairs}`,
    ]);
  }
  out.push(
    markdownTable(
      [
        'database',
        'acked / processed',
        'app CPU per click',
        'ack p50 / p99',
        'clicks by kind',
        'non-200',
        'error logs',
        'duplicate rows',
        '"I can refer" state ≠ toggle parity',
      ],
      rows,
    ),
    '',
  );
  for (const [name, run] of [
    ['SQLite', sqlite],
    ['PostgreSQL', postgres],
  ]) {
    if (!run || run.skipped) continue;
    if (!run.load.drained)
      out.push(`- ${name}: the app was still calling Slack 60 s after the load stopped.`);
    out.push(
      `- ${name}: follow-up work drained ${ms(run.load.drainMs)} after the load stopped; row counts ${JSON.stringify(run.checks.counts)}.` +
        (Number.isFinite(run.load.appCpuShare)
          ? ` The app used ${run.load.appCpuShare.toFixed(2)} CPU cores on average (its main thread plus V8's GC threads); the load process and the fake Slack API ${run.load.harnessCpuMsPerClick.toFixed(2)} ms of CPU per click.`
          : ''),
    );
    for (const line of run.load.errorLines.slice(0, 5))
      out.push(`  - error log: \`${line.replace(/`/g, "'").slice(0, 300)}\``);
  }
  out.push('');
  return out.join('\n');
}

/** Figures 6 and 7 in detail. */
function newFigureDetails({ sustained, recovery, settings }) {
  const out = [];
  const runs = (figure) =>
    DATABASES.map(([key, name]) => [name, figure?.[key]]).filter(([, r]) => r !== undefined && !r.skipped);
  if (sustained !== undefined) {
    const first = runs(sustained)[0]?.[1];
    out.push('### 6. Sustained load', '');
    out.push(
      `A closed loop from the load process: ${first?.concurrency ?? settings.sustainedConcurrency} requests always outstanding (each answered one is replaced at once by the next), for ${first?.seconds ?? settings.sustainedSeconds} s, on keep-alive connections, with figure 2's mix (2 \`link_shared\` events for new job links on the board that answers after ${settings.upstreamMs} ms, 2 clicks on 6 cards shared first, 1 \`/vouch\` command in every 5). A fresh database and app process per database, after a warm-up of 30 requests. In a closed loop the mean latency is the number in flight divided by the rate (Little's law), so the ack latency shows how fast the app works through the mix, not a queue in front of it. Ack → card: from the event's 200 arriving at the load process to its \`chat.unfurl\` at the fake Slack API. The backlog is /readyz's \`work.backlog\` (jobs pending or running), read when the load stopped and then every 100 ms until 0. App CPU per request: the app's CPU time during the load window over the requests answered in it. "Jobs running at most": the most \`Job\` rows seen in state running (read every 250 ms from outside; the queue runs 64 per process).`,
      '',
    );
    const rows = runs(sustained).map(([name, r]) => [
      name,
      `${rate(r.requestsPerSecond)}`,
      `${ms(r.latency.p50)} / ${ms(r.latency.p95)} / ${ms(r.latency.p99)} / ${ms(r.latency.max)}`,
      Object.entries(r.byKind)
        .map(([k, v]) => `${k} ${ms(v.p99)}`)
        .join(', '),
      r.windowP99s.map((v) => ms(v)).join(', '),
      Number.isFinite(r.cpuMsPerRequest)
        ? `${r.cpuMsPerRequest.toFixed(2)} ms (${r.appCpuShare.toFixed(2)} cores)`
        : 'n/a',
      `${mb(r.peak.sampledPeakMb)} (before ${mb(r.rssBeforeMb)})`,
      `${r.events} events, ${r.cardsDuringLoad} carded during the load; ${pair(r.ackToCard)}, max ${ms(r.ackToCard.max)}`,
      `${backlogOutcome(r)}; last card ${seconds(r.lastCardAfterLoadMs)} after the load`,
      `${r.jobs.maxRunning} running, ${r.jobs.maxBacklog} backlog`,
      `${r.missingCards} / ${r.duplicatedCards}`,
      `${r.non200} / ${r.errorLineCount}`,
    ]);
    out.push(
      markdownTable(
        [
          'database',
          'requests/s',
          'ack p50 / p95 / p99 / max',
          'ack p99 by kind',
          'ack p99 per 5 s',
          'app CPU per request',
          'peak RSS',
          'link_shared ack → card p50 / p99',
          'backlog at the end',
          'jobs at most',
          'cards missing / duplicated',
          'non-200 / error logs',
        ],
        rows,
      ),
      '',
    );
    for (const [name, r] of runs(sustained)) {
      const warnings = Object.entries(r.warnings ?? {});
      if (warnings.length > 0)
        out.push(`- ${name}: warnings logged: ${warnings.map(([m, n]) => `"${m}" × ${n}`).join(', ')}.`);
      for (const line of r.errorLines)
        out.push(`- ${name}: error log: \`${line.replace(/`/g, "'").slice(0, 300)}\``);
    }
    out.push('');
  }
  if (recovery !== undefined) {
    const first = runs(recovery)[0]?.[1];
    out.push('### 7. Crash recovery', '');
    out.push(
      `${first?.events ?? settings.recoveryEvents} \`link_shared\` events for new links on the board that answers after ${settings.upstreamMs} ms, sent 50 at a time; as soon as the last one is acknowledged the app is SIGKILLed and a new process started on the same database. Both processes run with VOUCH_WORK_LEASE_SECONDS=${first?.leaseSeconds ?? settings.recoveryLeaseSeconds}: a job's lease is written by the process that claims it, so the killed process's setting decides when its jobs can be taken over. Cards are counted per message ts at the fake Slack API until it has been quiet for 2 s after the backlog read 0: "missing" = an acknowledged event with no \`chat.unfurl\`, "duplicated" = one with more than one. Job states are read from the database right after the kill.`,
      '',
    );
    const rows = runs(recovery).map(([name, r]) => [
      name,
      `${r.acked} (${r.notAcked} not) in ${seconds(r.ackWallMs)}`,
      `${r.unfurledBeforeKill}`,
      `${r.jobsAtKill.running} running, ${r.jobsAtKill.pending} pending, ${r.jobsAtKill.done} done`,
      `${seconds(r.healthyMs)} / ${seconds(r.readyMs)} (backlog ${r.backlogAtReady?.backlog ?? 'n/a'})`,
      `${seconds(r.firstCardAfterRestartMs)}; ${r.cardsAfterRestartWithinLease} of ${r.cardsAfterRestart} within the lease`,
      seconds(r.allCardsMs),
      seconds(r.backlogZeroMs),
      `${r.missing} / ${r.duplicated}${r.duplicatesOfCardsSentBeforeKill ? ` (${r.duplicatesOfCardsSentBeforeKill} re-sent after a card before the kill)` : ''}`,
      `${r.failedJobs ?? 'n/a'}`,
    ]);
    out.push(
      markdownTable(
        [
          'database',
          'events acked',
          'carded before the kill',
          'jobs at the kill',
          'restart → healthy / ready',
          'restart → first card',
          'restart → every card',
          'restart → backlog 0',
          'missing / duplicated',
          'failed jobs',
        ],
        rows,
      ),
      '',
    );
  }
  return out.join('\n');
}

/** This machine, as the report names it (kept with the measurements: a re-render may run elsewhere). */
export function machineNow() {
  return `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${type()} ${release()}`;
}

/** Writes results.md and the README section; returns the summary table for the console. */
export function writeReports(input) {
  const { repoRoot, startedAt, finishedAt, loadStart, loadEnd, probe, settings } = input;
  const cores = cpus().length;
  // The run's own processes load the machine by ~1.5 cores, so only the load found at the start says
  // whether other work shared it.
  const busy = loadStart[0] > cores * 0.5;
  const table = markdownTable(['figure', 'result', 'target', ''], summaryRows(input));
  const env = [
    settings.seconds !== 30 ? `BENCH_SECONDS=${settings.seconds}` : null,
    settings.concurrency !== 48 ? `BENCH_CONCURRENCY=${settings.concurrency}` : null,
    settings.sustainedSeconds !== undefined && settings.sustainedSeconds !== 20
      ? `BENCH_SUSTAINED_SECONDS=${settings.sustainedSeconds}`
      : null,
  ].filter(Boolean);
  const command = `${env.length ? `${env.join(' ')} ` : ''}npm run bench`;
  const machine = input.machine ?? machineNow();
  const loadLine = `${loadStart.map((l) => l.toFixed(2)).join(' ')} at start, ${loadEnd.map((l) => l.toFixed(2)).join(' ')} at the end (the run itself adds ~1.5)${busy ? ` — **the machine was busy with other work when the run started (load > ${cores * 0.5} on ${cores} cores): figures are noisy and pessimistic**` : ''}`;
  const header = [
    `- Command: \`${command}\``,
    `- Date: ${startedAt.toISOString()} (took ${((finishedAt - startedAt) / 1000).toFixed(0)} s)`,
    `- Machine: ${machine}`,
    `- Node: ${process.version}`,
    `- Load average (1/5/15 min): ${loadLine}`,
    ...(probe
      ? [
          `- CPU probe (bench/lib/cpu-probe.mjs, a fixed piece of JSON/HMAC work, median; lower is faster): ${ms(probe.startMs)} at start, ${ms(probe.endMs)} at the end. Compare it between runs: when other work shares the cores, the same work takes longer and the figures below move with it.`,
        ]
      : []),
  ].join('\n');
  const findingsPath = join(repoRoot, 'bench/findings.md');
  const findings = existsSync(findingsPath) ? readFileSync(findingsPath, 'utf8').trim() : '';
  const results = [
    '# Benchmark results',
    '',
    '_Written by `npm run bench` (bench/run.mjs) on every run: do not edit by hand. Profile notes come from bench/findings.md._',
    '',
    header,
    '',
    '## Summary',
    '',
    table,
    '',
    '## Details',
    '',
    details(input),
    newFigureDetails(input),
    ...[replicasDetails(input.replicas, settings)].filter((part) => part !== ''),
    dataScaleDetails(input),
    ...(findings ? ['## Profiling notes', '', findings.replace(/^# .*\n+/, ''), ''] : []),
  ].join('\n');
  writeFileSync(join(repoRoot, 'bench/results.md'), results);

  const readmePath = join(repoRoot, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start !== -1 && end > start) {
    const section = [
      START,
      `Latest run: \`${command}\` on ${machine}, Node ${process.version}, ${startedAt.toISOString().slice(0, 10)}${busy ? ' (machine busy: load average above half the cores at the start)' : ''}${probe ? `, CPU probe ${ms(probe.startMs)}` : ''}. Details in [bench/results.md](bench/results.md).`,
      '',
      table,
      END,
    ].join('\n');
    writeFileSync(readmePath, readme.slice(0, start) + section + readme.slice(end + END.length));
  }
  return { table };
}
