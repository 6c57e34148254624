// `npm run bench`: builds (npm script), then measures in one run on one machine the five figures of
// issue #5, prints the table and writes bench/results.md and the README's bench section.
//
// Processes: this one hosts the fake Slack Web API and the slow local job board and times link → card;
// the app is `node dist/main.js` in its own process (HTTP mode, fresh database in a temp folder);
// the load comes from a third process (bench/lib/load.mjs) over real HTTP. All traffic is 127.0.0.1.
//
// Knobs (environment): BENCH_SECONDS (throughput window, default 30), BENCH_CONCURRENCY (clicks in
// flight, default 48), BENCH_CARDS (link → card samples, default 20), BENCH_ROUNDS (extraction rounds,
// default 10), BENCH_UPSTREAM_MS (job board delay, default 300), TEST_POSTGRES_URL (server for the
// PostgreSQL run; default postgresql://postgres@127.0.0.1:5432/test; BENCH_POSTGRES=off skips it),
// BENCH_BURSTS (figure 2's bursts of 200, default 5), BENCH_CPU_PROF=<dir> (run the app with --cpu-prof, profiles land in <dir>),
// BENCH_APP_ARGS="<node args>" (extra node arguments for the app, e.g. an --import preload that
// counts SQL statements), BENCH_ONLY=<figures> (comma list of extract, cards, acks, sqlite, postgres: measure just those, print
// them as JSON and write no report; for profiling one figure at a time).
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeJobBoard } from '../test/helpers/fake-job-board.mjs';
import { startFakeSlackApi } from '../test/helpers/fake-slack-api.mjs';
import { linkSharedEvent } from '../test/helpers/slack-payloads.mjs';
import { measureExtraction } from './extract.mjs';
import { readCpuMs, sampleMemory, startApp } from './lib/app-process.mjs';
import { cpuProbeMs } from './lib/cpu-probe.mjs';
import {
  createPostgresDatabase,
  duplicateReport,
  openDb,
  referralsWithReferrer,
  referrerPairs,
} from './lib/db-check.mjs';
import { writeReports } from './lib/report.mjs';
import {
  BOT_TOKEN,
  blockActionRequest,
  commandRequest,
  eventRequest,
  interestSubmissionRequest,
  SIGNING_SECRET,
  signedHeaders,
} from './lib/slack-requests.mjs';
import { summarize } from './lib/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const num = (name, fallback) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const settings = {
  seconds: num('BENCH_SECONDS', 30),
  concurrency: Math.round(num('BENCH_CONCURRENCY', 48)),
  cards: Math.round(num('BENCH_CARDS', 20)),
  rounds: Math.round(num('BENCH_ROUNDS', 10)),
  upstreamMs: num('BENCH_UPSTREAM_MS', 300),
  burst: 200,
  bursts: Math.round(num('BENCH_BURSTS', 5)),
  postgresUrl:
    process.env.BENCH_POSTGRES === 'off'
      ? null
      : (process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test'),
  cpuProfDir: process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : null,
  appArgs: (process.env.BENCH_APP_ARGS ?? '').split(' ').filter(Boolean),
  only: process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null,
};
const wants = (figure) => settings.only === null || settings.only.has(figure);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (line) => process.stdout.write(`${line}\n`);
const runId = Date.now().toString(36);

// ------------------------------------------------------------------------------------------------
// Plumbing: the load process, plain sends from here, waiting for the app to go quiet.

function startLoadProcess() {
  const child = fork(join(here, 'lib/load.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let nextId = 0;
  child.on('message', (message) => {
    const entry = pending.get(message.id);
    if (entry === undefined) return;
    pending.delete(message.id);
    if (message.ok) entry.resolve(message.result);
    else entry.reject(new Error(`load process: ${message.error}`));
  });
  child.on('exit', (code) => {
    for (const entry of pending.values()) entry.reject(new Error(`load process exited (${code})`));
  });
  return {
    run(message) {
      nextId += 1;
      const id = nextId;
      return new Promise((resolveRun, reject) => {
        pending.set(id, { resolve: resolveRun, reject });
        child.send({ ...message, id });
      });
    },
    stop: () => child.disconnect(),
    pid: child.pid,
  };
}

async function send(baseUrl, { body, contentType }) {
  const response = await fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: signedHeaders(body, contentType),
    body,
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`setup request answered ${response.status}`);
}

/**
 * The test's fake job board where every /jobs/<slug> is a job page ("Staff Engineer <slug>" at Acme
 * Robotics, no ETag), every answer after `upstreamMs`: a real board's latency.
 */
function startJobBoard() {
  return startFakeJobBoard({
    delayMs: settings.upstreamMs,
    jobAt: (path) => {
      const slug = /^\/jobs\/([A-Za-z0-9_-]{1,80})$/.exec(path)?.[1];
      return slug === undefined
        ? undefined
        : {
            title: `Staff Engineer ${slug}`,
            company: 'Acme Robotics',
            salary: { min: 180_000, max: 240_000, currency: 'USD' },
          };
    },
  });
}

const jobUrl = (ctx, slug) => `${ctx.board.origin}/jobs/${slug}`;

/** Waits until the fake Slack API has seen no call for `quietMs` (bounded by `maxMs`). */
async function waitQuiet(slack, quietMs = 750, maxMs = 60_000) {
  const started = performance.now();
  let last = slack.stats().total;
  let quietSince = performance.now();
  while (performance.now() - started < maxMs) {
    await sleep(50);
    const total = slack.stats().total;
    if (total !== last) {
      last = total;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= quietMs) {
      return { drained: true, lastCallAt: slack.stats().lastCallAt };
    }
  }
  return { drained: false, lastCallAt: slack.stats().lastCallAt };
}

function cardButton(call, url, actionId) {
  const blocks = call.args.unfurls?.[url]?.blocks ?? [];
  for (const block of blocks)
    for (const element of block.elements ?? []) if (element.action_id === actionId) return element.value;
  return undefined;
}

/** Shares `url` in `channel` and resolves when chat.unfurl for it is recorded: the card and timings. */
async function shareAndWait(ctx, url, channel = 'C0JOBS') {
  const event = linkSharedEvent({ channel, user: 'U0SHARER', urls: [url] });
  const unfurled = ctx.slack.waitFor('chat.unfurl', (c) => c.args.unfurls?.[url] !== undefined, 15_000);
  const sentAt = performance.now();
  await send(ctx.app.baseUrl, eventRequest(event));
  const call = await unfurled;
  return {
    ms: call.at - sentAt,
    postingId: cardButton(call, url, 'i_can_refer'),
    channel,
    ts: event.message_ts,
  };
}

/** Shares `count` new job links (a few at a time) and returns the postings behind their cards. */
async function sharePostings(ctx, label, count) {
  const postings = [];
  for (let i = 0; i < count; i += 5) {
    const batch = Array.from({ length: Math.min(5, count - i) }, (_, j) =>
      shareAndWait(ctx, jobUrl(ctx, `${label}-${runId}-${i + j}`)),
    );
    for (const shared of await Promise.all(batch)) {
      if (shared.postingId === undefined) throw new Error('setup: a shared job link got no posting card');
      postings.push({ id: shared.postingId, channel: shared.channel, ts: shared.ts });
    }
  }
  return postings;
}

// ------------------------------------------------------------------------------------------------
// Figures 2–5 against one app process.

async function linkToCard(ctx) {
  const cold = [];
  const cached = [];
  const urls = Array.from({ length: settings.cards }, (_, i) => jobUrl(ctx, `card-${runId}-${i}`));
  let fallbacks = 0;
  // One unmeasured share first: the first fetch of a fresh process pays one-off set-up costs.
  await shareAndWait(ctx, jobUrl(ctx, `card-warm-${runId}`));
  for (const url of urls) {
    const shared = await shareAndWait(ctx, url);
    if (shared.postingId === undefined) fallbacks += 1;
    cold.push(shared.ms);
  }
  const fetchesBefore = ctx.board.requests().length;
  for (const url of urls) {
    const shared = await shareAndWait(ctx, url, 'C0OTHER');
    if (shared.postingId === undefined) fallbacks += 1;
    cached.push(shared.ms);
  }
  const overhead = cold.map((value) => value - settings.upstreamMs);
  return {
    cold: summarize(cold),
    overhead: summarize(overhead),
    cached: summarize(cached),
    cachedFetches: ctx.board.requests().length - fetchesBefore,
    fallbacks,
  };
}

function burstRequests(ctx, postings, label, count) {
  const commands = ['list', 'mine', 'stats', 'referrers Acme Robotics', 'help'];
  const actions = ['i_can_refer', 'details', 'im_interested'];
  const requests = [];
  const kinds = [];
  for (let i = 0; i < count; i += 1) {
    const slot = i % 5; // 2 events, 2 clicks, 1 command in every 5
    const posting = postings[i % postings.length];
    if (slot < 2) {
      const url = jobUrl(ctx, `${label}-${runId}-${i}`);
      requests.push(
        eventRequest(linkSharedEvent({ channel: 'C0JOBS', user: `U0ACK${i % 40}`, urls: [url] })),
      );
      kinds.push('link_shared');
    } else if (slot < 4) {
      requests.push(
        blockActionRequest({
          user: `U0ACK${i % 40}`,
          actionId: actions[i % actions.length],
          value: posting.id,
          channel: posting.channel,
          ts: posting.ts,
          responseUrl: ctx.slack.responseUrl(`${label}${i}`),
        }),
      );
      kinds.push('block_actions');
    } else {
      requests.push(
        commandRequest({
          user: `U0ACK${i % 40}`,
          text: commands[i % commands.length],
          responseUrl: ctx.slack.responseUrl(`${label}${i}`),
        }),
      );
      kinds.push('command');
    }
  }
  return { requests, kinds };
}

/** The same kind of burst against a bare HTTP server in its own process: the harness's own floor. */
async function ackFloor(ctx, postings) {
  const child = fork(join(here, 'lib/bare-server.mjs'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const { port } = await new Promise((resolvePort, reject) => {
      child.once('message', resolvePort);
      child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    const warm = burstRequests(ctx, postings, 'floorwarm', 30);
    await ctx.load.run({ kind: 'burst', baseUrl, requests: warm.requests, concurrency: 4 });
    const runs = [];
    for (let b = 0; b < settings.bursts; b += 1) {
      const { requests } = burstRequests(ctx, postings, `floor${b}`, settings.burst);
      runs.push(await ctx.load.run({ kind: 'burst', baseUrl, requests, concurrency: settings.burst }));
      await sleep(250);
    }
    return burstSummary(runs);
  } finally {
    child.kill();
  }
}

/** Latencies of several bursts pooled, with each burst's own p99 and wall time. */
function burstSummary(runs) {
  const latencies = runs.flatMap(({ results }) => results.map((r) => r.ms));
  return {
    all: summarize(latencies),
    bursts: runs.map(({ results, wallMs }) => ({ p99: summarize(results.map((r) => r.ms)).p99, wallMs })),
    wallMs: Math.max(...runs.map((r) => r.wallMs)),
  };
}

async function ackLatency(ctx, postings) {
  const warm = burstRequests(ctx, postings, 'warm', 30);
  await ctx.load.run({ kind: 'burst', baseUrl: ctx.app.baseUrl, requests: warm.requests, concurrency: 4 });
  await waitQuiet(ctx.slack);
  const runs = [];
  const kinds = [];
  let drained = true;
  // Several bursts, each after the app went quiet again: one burst's p99 is its second-slowest request,
  // which one scheduling hiccup of the shared machine decides.
  for (let b = 0; b < settings.bursts; b += 1) {
    const burst = burstRequests(ctx, postings, `ack${b}`, settings.burst);
    runs.push(
      await ctx.load.run({
        kind: 'burst',
        baseUrl: ctx.app.baseUrl,
        requests: burst.requests,
        concurrency: settings.burst,
      }),
    );
    kinds.push(...burst.kinds);
    drained = (await waitQuiet(ctx.slack)).drained && drained;
  }
  const results = runs.flatMap((run) => run.results);
  const byKind = {};
  for (const kind of new Set(kinds))
    byKind[kind] = summarize(results.filter((_, i) => kinds[i] === kind).map((r) => r.ms));
  return {
    ...burstSummary(runs),
    burstSize: settings.burst,
    byKind,
    counts: Object.fromEntries([...new Set(kinds)].map((k) => [k, kinds.filter((x) => x === k).length])),
    non200: results.filter((r) => r.status !== 200).length,
    drained,
  };
}

/** Postings with a referrer each and two candidates asking that referrer: what status clicks move. */
async function clickPlan(ctx, label) {
  const postings = await sharePostings(ctx, label, 20);
  const referrerOf = (i) => `U0RF${label.toUpperCase()}${String(i).padStart(2, '0')}`;
  await Promise.all(
    postings.map((posting, i) =>
      send(
        ctx.app.baseUrl,
        blockActionRequest({
          user: referrerOf(i),
          actionId: 'i_can_refer',
          value: posting.id,
          channel: posting.channel,
          ts: posting.ts,
          responseUrl: ctx.slack.responseUrl(`setup${i}`),
        }),
      ),
    ),
  );
  await waitQuiet(ctx.slack, 500);
  for (const [i, posting] of postings.entries()) {
    for (const candidate of ['A', 'B']) {
      await send(
        ctx.app.baseUrl,
        interestSubmissionRequest({
          user: `U0CA${label.toUpperCase()}${i}${candidate}`,
          postingId: posting.id,
          referrer: referrerOf(i),
          note: 'I have shipped this kind of system before',
        }),
      );
    }
  }
  await waitQuiet(ctx.slack, 500);
  const db = await openDb(ctx.databaseUrl);
  const referrals = await referralsWithReferrer(db);
  await db.close();
  return {
    postings,
    referrals,
    togglers: Array.from({ length: 40 }, (_, i) => `U0TG${String(i).padStart(2, '0')}`),
    viewers: Array.from({ length: 30 }, (_, i) => `U0VW${String(i).padStart(2, '0')}`),
  };
}

async function throughput(ctx, label) {
  const plan = await clickPlan(ctx, label);
  const errorsBefore = ctx.app.errorLines().length;
  const logLinesBefore = ctx.app.logLines();
  const memory = sampleMemory(ctx.app.pid);
  const cpuBefore = readCpuMs(ctx.app.pid);
  const harnessBefore = readCpuMs(process.pid) + readCpuMs(ctx.load.pid);
  const started = performance.now();
  const result = await ctx.load.run({
    kind: 'clicks',
    baseUrl: ctx.app.baseUrl,
    seconds: settings.seconds,
    concurrency: settings.concurrency,
    maxClicks: settings.seconds * 5_000,
    plan: { ...plan, responseUrl: undefined },
    responseUrlBase: ctx.slack.responseUrl(''),
  });
  const loadEndedAt = performance.now();
  const quiet = await waitQuiet(ctx.slack, 1_000);
  const peak = memory.stop();
  const cpuMs = readCpuMs(ctx.app.pid) - cpuBefore;
  const harnessCpuMs = readCpuMs(process.pid) + readCpuMs(ctx.load.pid) - harnessBefore;
  const errorLines = ctx.app.errorLines().slice(errorsBefore);
  return {
    plan: {
      postings: plan.postings.length,
      referrals: plan.referrals.length,
      togglers: plan.togglers.length,
    },
    sent: result.sent,
    ackedPerSecond: result.sent / (result.wallMs / 1000),
    // Throughput counted to the last Slack call the clicks caused: work the app owed after the acks.
    processedPerSecond: result.sent / ((Math.max(quiet.lastCallAt, loadEndedAt) - started) / 1000),
    drainMs: Math.max(0, quiet.lastCallAt - loadEndedAt),
    // The app's CPU time per click (user + system): steadier than clicks/s on a shared machine.
    cpuMsPerClick: cpuMs / result.sent,
    // The load process and this one (fake Slack API, job board): they share the machine with the app.
    harnessCpuMsPerClick: harnessCpuMs / result.sent,
    appCpuShare: cpuMs / (performance.now() - started),
    logLinesPerClick: (ctx.app.logLines() - logLinesBefore) / result.sent,
    drained: quiet.drained,
    latency: summarize(result.latencies),
    byKind: result.byKind,
    failures: result.failures,
    non200: Object.values(result.failures).reduce((a, b) => a + b, 0),
    errorLines,
    toggles: result.toggles,
    peak,
  };
}

async function checkDatabase(databaseUrl, toggles) {
  const db = await openDb(databaseUrl);
  try {
    const report = await duplicateReport(db);
    const present = await referrerPairs(db);
    let parityMismatches = 0;
    for (const [key, count] of Object.entries(toggles)) {
      if ((count % 2 === 1) !== present.has(key)) parityMismatches += 1;
    }
    return { ...report, parityMismatches, toggledPairs: Object.keys(toggles).length };
  } finally {
    await db.close();
  }
}

function appEnv(ctx, databaseUrl) {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: ctx.slack.url,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'info',
    FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    NODE_ENV: 'production',
  };
}

function launch(ctx, databaseUrl, tag) {
  const extraArgs = settings.cpuProfDir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${settings.cpuProfDir}`,
        `--cpu-prof-name=app-${tag}-${runId}.cpuprofile`,
      ]
    : [];
  extraArgs.push(...settings.appArgs);
  return startApp({ repoRoot, cwd: ctx.workdir, env: appEnv(ctx, databaseUrl), extraArgs });
}

async function sqliteRun(ctx) {
  if (!['cards', 'acks', 'sqlite'].some(wants)) return { skipped: 'BENCH_ONLY' };
  const databaseUrl = `file:${join(ctx.workdir, 'vouch.db')}`;
  log('· SQLite: first start (fresh database, migrations)…');
  const first = await launch(ctx, databaseUrl, 'sqlite-first');
  await first.stop();
  log('· SQLite: start on the migrated database, idle RSS…');
  ctx.app = await launch(ctx, databaseUrl, 'sqlite');
  await sleep(1_000);
  const idle = ctx.app.memory();
  const footprint = {
    freshStartMs: first.healthyAfterMs,
    startMs: ctx.app.healthyAfterMs,
    idleRssMb: idle.rssMb,
  };
  ctx.databaseUrl = databaseUrl;

  let cards;
  if (wants('cards')) {
    log(`· link → card: ${settings.cards} cold + ${settings.cards} cached…`);
    cards = await linkToCard(ctx);
  }
  let acks;
  if (wants('acks')) {
    log(`· ack latency: ${settings.bursts} bursts of ${settings.burst} concurrent signed requests…`);
    const postings = await sharePostings(ctx, 'ackpost', 6);
    acks = await ackLatency(ctx, postings);
    acks.floor = await ackFloor(ctx, postings);
  }
  let load;
  if (wants('sqlite')) {
    log(`· throughput on SQLite: ${settings.seconds} s, ${settings.concurrency} in flight…`);
    load = await throughput(ctx, 'sq');
  }
  const exit = await ctx.app.stop();
  const checks = load === undefined ? undefined : await checkDatabase(databaseUrl, load.toggles);
  return { footprint, cards, acks, load, checks, exit, errorLinesTotal: ctx.app.errorLines().length };
}

async function postgresRun(ctx) {
  if (settings.postgresUrl === null) return { skipped: 'BENCH_POSTGRES=off' };
  if (!wants('postgres')) return { skipped: 'BENCH_ONLY' };
  let database;
  try {
    database = await createPostgresDatabase(settings.postgresUrl);
  } catch (error) {
    return {
      skipped: `no PostgreSQL at ${settings.postgresUrl.replace(/:[^:@/]+@/, ':***@')} (${error.message})`,
    };
  }
  try {
    log('· PostgreSQL: start (fresh database, migrations)…');
    ctx.app = await launch(ctx, database.url, 'postgres');
    ctx.databaseUrl = database.url;
    await sleep(1_000);
    const idle = ctx.app.memory();
    log(`· throughput on PostgreSQL: ${settings.seconds} s, ${settings.concurrency} in flight…`);
    const load = await throughput(ctx, 'pg');
    const exit = await ctx.app.stop();
    const checks = await checkDatabase(database.url, load.toggles);
    return {
      footprint: { freshStartMs: ctx.app.healthyAfterMs, idleRssMb: idle.rssMb },
      load,
      checks,
      exit,
    };
  } finally {
    await database.drop().catch((error) => log(`  (could not drop the bench database: ${error.message})`));
  }
}

// ------------------------------------------------------------------------------------------------

async function main() {
  const startedAt = new Date();
  const loadStart = loadavg();
  const probe = { startMs: cpuProbeMs(), endMs: Number.NaN };
  log(`Vouch benchmark — ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}`);
  log(
    `load average at start: ${loadStart.map((l) => l.toFixed(2)).join(' ')}; CPU probe ${probe.startMs.toFixed(2)} ms`,
  );

  let extraction;
  if (wants('extract')) {
    log('· extraction over the fixtures…');
    extraction = await measureExtraction({ rounds: settings.rounds, repoRoot });
  }
  if (extraction === null)
    log('  SKIPPED: no fixtures at ../shared/fixtures/postings/raw (extraction figure left out)');

  const workdir = mkdtempSync(join(tmpdir(), 'vouch-bench-'));
  // Under load the fake counts calls instead of keeping them, and keeps the app's connections open.
  const slack = await startFakeSlackApi({ recordCalls: false, keepAliveTimeoutMs: 30_000 });
  const board = await startJobBoard();
  const load = startLoadProcess();
  const ctx = { workdir, slack, board, load, app: null, databaseUrl: null };
  let sqlite;
  let postgres;
  try {
    sqlite = await sqliteRun(ctx);
    postgres = await postgresRun(ctx);
  } finally {
    await ctx.app?.stop().catch(() => undefined);
    load.stop();
    await Promise.all([slack.close(), board.close()]);
    rmSync(workdir, { recursive: true, force: true });
  }
  const loadEnd = loadavg();
  probe.endMs = cpuProbeMs();
  if (settings.only !== null) {
    const brief = (run) =>
      run && {
        ...run,
        load: run.load && { ...run.load, toggles: undefined, errorLines: run.load.errorLines?.slice(0, 5) },
      };
    log(
      JSON.stringify(
        { extraction: extraction?.summary ?? extraction, sqlite: brief(sqlite), postgres: brief(postgres) },
        null,
        2,
      ),
    );
    log('\nBENCH_ONLY: no report written.');
    return;
  }
  const measured = {
    startedAt,
    finishedAt: new Date(),
    loadStart,
    loadEnd,
    probe,
    settings: { ...settings, only: null },
    extraction,
    sqlite,
    postgres,
  };
  // The measurements behind results.md: `npm run bench:report` renders them again (after an edit of
  // findings.md) without measuring anew.
  writeFileSync(join(here, 'last-run.json'), `${JSON.stringify(measured, null, 1)}\n`);
  const { table } = writeReports({ repoRoot, ...measured });
  log('');
  log(table);
  log('\nWritten: bench/results.md and the README bench section.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
