// `npm run bench`: builds (npm script), then measures in one run on one machine the five figures of
// issue #5 and the two of issue #12 (6: sustained load, 7: crash recovery), prints the table and writes bench/results.md and the README's bench section.
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
// them as JSON and write no report; for profiling one figure at a time), BENCH_SUSTAINED_SECONDS (figure 6's
// closed loop, default 20), BENCH_SUSTAINED_CONCURRENCY (its requests in flight, default 200),
// BENCH_SUSTAINED_DRAIN_SECONDS (how long figure 6 waits for the backlog after the load, default 300),
// BENCH_RECOVERY_EVENTS (figure 7's backlog, default 300), BENCH_RECOVERY_LEASE_SECONDS (its
// VOUCH_WORK_LEASE_SECONDS, default 5). BENCH_ONLY also takes sustained and recovery (figures 6 and 7,
// on SQLite and, unless BENCH_POSTGRES=off, PostgreSQL) and replicas (figure 8: one and two processes
// on PostgreSQL behind a round-robin balancer, figure 6's loop for BENCH_REPLICAS_SECONDS, default 10);
// BENCH_ONLY=replicas BENCH_MERGE=1 puts figure 8 into bench/last-run.json and writes the reports again;
// and datascale (figure 9, bench/lib/datascale.mjs:
// BENCH_DATASCALE_POSTINGS, _MEMBERS, _REFERRALS, _COMPANY_REFERRERS, _COMPANIES, _SAMPLES, _HOSTS,
// _BOARD_MS, _SWEEP_SECONDS, _DATABASE (sqlite or postgres: that one only); with BENCH_DATASCALE_SAVE=1 it is saved into last-run.json and the report).
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeJobBoard } from '../test/helpers/fake-job-board.mjs';
import { startFakeSlackApi } from '../test/helpers/fake-slack-api.mjs';
import { startRoundRobin } from '../test/helpers/round-robin.mjs';
import { linkSharedEvent } from '../test/helpers/slack-payloads.mjs';
import { measureExtraction } from './extract.mjs';
import { readCpuMs, sampleMemory, startApp } from './lib/app-process.mjs';
import { cpuProbeMs } from './lib/cpu-probe.mjs';
import { dataScale } from './lib/datascale.mjs';
import {
  createPostgresDatabase,
  duplicateReport,
  jobStates,
  openDb,
  referralsWithReferrer,
  referrerPairs,
} from './lib/db-check.mjs';
import { mixedRequest } from './lib/mix.mjs';
import { machineNow, writeReports } from './lib/report.mjs';
import {
  BOT_TOKEN,
  blockActionRequest,
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
/** The node flags of `npm start` (`node <flags> dist/main.js` in package.json). */
function startScriptFlags() {
  const start = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts?.start ?? '';
  return start.split(' ').filter((word) => word.startsWith('--'));
}

const settings = {
  seconds: num('BENCH_SECONDS', 30),
  concurrency: Math.round(num('BENCH_CONCURRENCY', 48)),
  cards: Math.round(num('BENCH_CARDS', 20)),
  rounds: Math.round(num('BENCH_ROUNDS', 10)),
  upstreamMs: num('BENCH_UPSTREAM_MS', 300),
  burst: 200,
  bursts: Math.round(num('BENCH_BURSTS', 5)),
  sustainedSeconds: num('BENCH_SUSTAINED_SECONDS', 20),
  sustainedConcurrency: Math.round(num('BENCH_SUSTAINED_CONCURRENCY', 200)),
  sustainedDrainSeconds: num('BENCH_SUSTAINED_DRAIN_SECONDS', 300),
  recoveryEvents: Math.round(num('BENCH_RECOVERY_EVENTS', 300)),
  recoveryLeaseSeconds: Math.round(num('BENCH_RECOVERY_LEASE_SECONDS', 5)),
  replicasSeconds: num('BENCH_REPLICAS_SECONDS', 10),
  postgresUrl:
    process.env.BENCH_POSTGRES === 'off'
      ? null
      : (process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test'),
  cpuProfDir: process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : null,
  // The app runs with `npm start`'s node flags (package.json), then BENCH_APP_ARGS.
  appArgs: [...startScriptFlags(), ...(process.env.BENCH_APP_ARGS ?? '').split(' ').filter(Boolean)],
  only: process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null,
  // Figure 8 (data scale): row counts of the seeded database (defaults: issue #14 item 4), samples per
  // measured path, job board hosts of the liveness sweep, how long the sweep is watched.
  datascale: {
    counts: {
      postings: Math.round(num('BENCH_DATASCALE_POSTINGS', 1_000_000)),
      members: Math.round(num('BENCH_DATASCALE_MEMBERS', 100_000)),
      referrals: Math.round(num('BENCH_DATASCALE_REFERRALS', 200_000)),
      companyReferrers: Math.round(num('BENCH_DATASCALE_COMPANY_REFERRERS', 50_000)),
      companies: Math.round(num('BENCH_DATASCALE_COMPANIES', 20_000)),
    },
    samples: Math.round(num('BENCH_DATASCALE_SAMPLES', 300)),
    hosts: Math.round(num('BENCH_DATASCALE_HOSTS', 5)),
    boardDelayMs: num('BENCH_DATASCALE_BOARD_MS', 200),
    sweepSeconds: num('BENCH_DATASCALE_SWEEP_SECONDS', 60),
  },
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

/** The shared request mix (lib/mix.mjs) with new links under `label`: figure 2's bursts, figure 6's load. */
function mixFor(ctx, postings, label) {
  return {
    boardOrigin: ctx.board.origin,
    responseUrlBase: ctx.slack.responseUrl(''),
    postings,
    label: `${label}-${runId}`,
  };
}

function burstRequests(ctx, postings, label, count) {
  const mix = mixFor(ctx, postings, label);
  const requests = [];
  const kinds = [];
  for (let i = 0; i < count; i += 1) {
    const { request, kind } = mixedRequest(i, mix);
    requests.push(request);
    kinds.push(kind);
  }
  return { requests, kinds };
}

/** A bare HTTP server in its own process (bench/lib/bare-server.mjs): the harness's own floor. */
async function withBareServer(fn) {
  const child = fork(join(here, 'lib/bare-server.mjs'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const { port } = await new Promise((resolvePort, reject) => {
      child.once('message', resolvePort);
      child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
    });
    return await fn(`http://127.0.0.1:${port}`);
  } finally {
    child.kill();
  }
}

/** The same kind of burst against the bare server. */
function ackFloor(ctx, postings) {
  return withBareServer(async (baseUrl) => {
    const warm = burstRequests(ctx, postings, 'floorwarm', 30);
    await ctx.load.run({ kind: 'burst', baseUrl, requests: warm.requests, concurrency: 4 });
    const runs = [];
    for (let b = 0; b < settings.bursts; b += 1) {
      const { requests } = burstRequests(ctx, postings, `floor${b}`, settings.burst);
      runs.push(await ctx.load.run({ kind: 'burst', baseUrl, requests, concurrency: settings.burst }));
      await sleep(250);
    }
    return burstSummary(runs);
  });
}

/**
 * Figure 6's floor: the same closed loop, mix and length against the bare server. What the load
 * process, the loopback network and Node's HTTP layer allow on this host before any app code runs.
 */
function sustainedFloor(ctx) {
  log(`· sustained load against a bare HTTP server: ${settings.sustainedConcurrency} in flight…`);
  // The bare server reads nothing: the clicks' posting ids only have to be well formed.
  const postings = [{ id: 'floor-posting', channel: 'C0JOBS', ts: '1700000000.000100' }];
  return withBareServer(async (baseUrl) => {
    const result = await ctx.load.run({
      kind: 'sustained',
      baseUrl,
      seconds: settings.sustainedSeconds,
      concurrency: settings.sustainedConcurrency,
      maxRequests: settings.sustainedSeconds * 20_000,
      mix: mixFor(ctx, postings, 'susfloor'),
    });
    return {
      answered: result.latencies.length,
      requestsPerSecond: result.latencies.length / (result.wallMs / 1000),
      latency: summarize(result.latencies),
    };
  });
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

function launch(ctx, databaseUrl, tag, extraEnv = {}) {
  const extraArgs = settings.cpuProfDir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${settings.cpuProfDir}`,
        `--cpu-prof-name=app-${tag}-${runId}.cpuprofile`,
      ]
    : [];
  extraArgs.push(...settings.appArgs);
  return startApp({
    repoRoot,
    cwd: ctx.workdir,
    env: { ...appEnv(ctx, databaseUrl), ...extraEnv },
    extraArgs,
  });
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
  if (settings.postgresUrl !== null && !wants('postgres')) return { skipped: 'BENCH_ONLY' };
  const fresh = await freshPostgres();
  if (fresh.skipped !== undefined) return fresh;
  const { database } = fresh;
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
// Figures 6 (sustained load) and 7 (crash recovery): each on a fresh database and a fresh app process,
// on SQLite and, when the run has a PostgreSQL server, on PostgreSQL.

/**
 * Records every chat.unfurl the fake Slack API receives, by the message ts it names: arrival times in
 * wall-clock ms (performance.timeOrigin-based, comparable with the load process's). `stop()` takes the
 * responder away again (the fake's reset), so the other figures' fake parses nothing extra.
 */
function trackUnfurls(slack) {
  const byTs = new Map();
  let total = 0;
  slack.respond('chat.unfurl', (args, call) => {
    total += 1;
    const ts = String(args.ts ?? args.unfurl_id ?? '');
    const at = performance.timeOrigin + call.at;
    const list = byTs.get(ts);
    if (list === undefined) byTs.set(ts, [at]);
    else list.push(at);
    return {};
  });
  return { byTs, total: () => total, stop: () => slack.reset() };
}

/** GET /readyz: its status code and body ({ status, work: { backlog, oldestAgeSeconds, failed } }). */
async function readyz(baseUrl) {
  try {
    const response = await fetch(`${baseUrl}/readyz`);
    const body = await response.json().catch(() => ({}));
    return { code: response.status, ...body };
  } catch (error) {
    return { code: 0, error: error.message };
  }
}

/** Polls /readyz until the work backlog reads 0 (bounded by `maxMs`). */
async function waitBacklogDrained(app, maxMs) {
  const started = performance.now();
  let last;
  while (performance.now() - started < maxMs) {
    const answer = await readyz(app.baseUrl);
    if (answer.work !== undefined) {
      last = answer.work;
      if (answer.work.backlog === 0) return { drained: true, ms: performance.now() - started, last };
    }
    await sleep(100);
  }
  return { drained: false, ms: performance.now() - started, last };
}

/** A fresh PostgreSQL database (`{ database }`), or why there is none (`{ skipped }`). */
async function freshPostgres() {
  if (settings.postgresUrl === null) return { skipped: 'BENCH_POSTGRES=off' };
  try {
    return { database: await createPostgresDatabase(settings.postgresUrl) };
  } catch (error) {
    return {
      skipped: `no PostgreSQL at ${settings.postgresUrl.replace(/:[^:@/]+@/, ':***@')} (${error.message})`,
    };
  }
}

/** Runs `fn(databaseUrl)` on a fresh SQLite file or a fresh PostgreSQL database (dropped after). */
async function onFreshDatabase(ctx, kind, name, fn) {
  if (kind === 'sqlite') return fn(`file:${join(ctx.workdir, `${name}.db`)}`);
  const fresh = await freshPostgres();
  if (fresh.skipped !== undefined) return fresh;
  const { database } = fresh;
  try {
    return await fn(database.url);
  } finally {
    await database.drop().catch((error) => log(`  (could not drop the bench database: ${error.message})`));
  }
}

/**
 * Reads the Job table every `everyMs` from outside the app: the most jobs seen running at once (the
 * queue runs 64 per process) and the largest backlog (pending + running).
 */
async function sampleJobs(databaseUrl, everyMs = 250) {
  const db = await openDb(databaseUrl);
  let maxRunning = 0;
  let maxBacklog = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    jobStates(db)
      .then((states) => {
        maxRunning = Math.max(maxRunning, states.running);
        maxBacklog = Math.max(maxBacklog, states.running + states.pending);
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      const final = await jobStates(db).catch(() => null);
      await db.close();
      return { maxRunning, maxBacklog, final };
    },
  };
}

const dbName = (kind) => (kind === 'sqlite' ? 'SQLite' : 'PostgreSQL');

/** Per event of `events` ({ ts, ackedAt, ok }): its first card, how many cards it got. */
function cardsOf(events, unfurls) {
  const acked = events.filter((e) => e.ok);
  const cardMs = [];
  let missing = 0;
  let duplicated = 0;
  let extraCalls = 0;
  let lastCardAt = Number.NEGATIVE_INFINITY;
  for (const event of acked) {
    const arrivals = unfurls.byTs.get(event.ts);
    if (arrivals === undefined) {
      missing += 1;
      continue;
    }
    if (arrivals.length > 1) {
      duplicated += 1;
      extraCalls += arrivals.length - 1;
    }
    if (event.ackedAt !== undefined) cardMs.push(arrivals[0] - event.ackedAt);
    lastCardAt = Math.max(lastCardAt, arrivals[0]);
  }
  return { acked: acked.length, cardMs, missing, duplicated, extraCalls, lastCardAt };
}

/** The first few events with more than one card: how long after the first the others came. */
function duplicateDetails(events, unfurls, max = 5) {
  const out = [];
  for (const event of events) {
    const arrivals = unfurls.byTs.get(event.ts);
    if (arrivals === undefined || arrivals.length < 2) continue;
    out.push({
      ts: event.ts,
      cards: arrivals.length,
      laterByMs: arrivals.slice(1).map((at) => at - arrivals[0]),
    });
    if (out.length >= max) break;
  }
  return out;
}

/** p99 of the ack latencies in consecutive windows of `windowMs` (by when each request ended). */
function windowP99s(latencies, endedAt, windowMs) {
  const windows = [];
  latencies.forEach((value, i) => {
    const w = Math.floor(endedAt[i] / windowMs);
    if (windows[w] === undefined) windows[w] = [];
    windows[w].push(value);
  });
  return Array.from(windows, (values) => (values === undefined ? Number.NaN : summarize(values).p99));
}

/**
 * Figure 6: `sustainedConcurrency` requests of figure 2's mix always in flight (a closed loop) for
 * `sustainedSeconds`; ack latency, requests/s, peak RSS, ack → card of the link_shared events, the
 * backlog /readyz reports when the load stops and how long it takes to reach 0.
 */
async function sustainedLoad(ctx, kind) {
  return onFreshDatabase(ctx, kind, 'sustained', async (databaseUrl) => {
    log(
      `· sustained load on ${dbName(kind)}: ${settings.sustainedConcurrency} in flight for ${settings.sustainedSeconds} s…`,
    );
    const unfurls = trackUnfurls(ctx.slack);
    const app = await launch(ctx, databaseUrl, `sustained-${kind}`);
    ctx.app = app;
    try {
      const postings = await sharePostings(ctx, `sus${kind}`, 6);
      const warm = burstRequests(ctx, postings, `suswarm${kind}`, 30);
      await ctx.load.run({ kind: 'burst', baseUrl: app.baseUrl, requests: warm.requests, concurrency: 4 });
      await waitQuiet(ctx.slack);
      const before = app.memory();
      const errorsBefore = app.errorLines().length;
      const memory = sampleMemory(app.pid);
      const jobs = await sampleJobs(databaseUrl);
      const cpuBefore = readCpuMs(app.pid);
      const result = await ctx.load.run({
        kind: 'sustained',
        baseUrl: app.baseUrl,
        seconds: settings.sustainedSeconds,
        concurrency: settings.sustainedConcurrency,
        maxRequests: settings.sustainedSeconds * 5_000,
        // A label of its own: links under the setup postings' label would be theirs (cached, and
        // re-unfurled by every "I can refer" click on them).
        mix: mixFor(ctx, postings, `susload${kind}`),
      });
      const loadEndedAt = performance.now();
      const loadPeak = memory.peek();
      const cpuLoadMs = readCpuMs(app.pid) - cpuBefore;
      const atEnd = await readyz(app.baseUrl);
      const drain = await waitBacklogDrained(app, settings.sustainedDrainSeconds * 1000);
      // A card can reach Slack just after its job reads done elsewhere: wait for the fake to go quiet.
      await waitQuiet(ctx.slack, 1_000, 30_000);
      const peak = memory.stop();
      const jobCounts = await jobs.stop();
      const cards = cardsOf(result.events, unfurls);
      const byKind = {};
      for (const k of new Set(result.kinds))
        byKind[k] = summarize(result.latencies.filter((_, i) => result.kinds[i] === k));
      const counts = Object.fromEntries(
        Object.keys(byKind).map((k) => [k, result.kinds.filter((x) => x === k).length]),
      );
      const answered = result.latencies.length;
      const exit = await app.stop();
      return {
        seconds: settings.sustainedSeconds,
        concurrency: settings.sustainedConcurrency,
        upstreamMs: settings.upstreamMs,
        answered,
        requestsPerSecond: answered / (result.wallMs / 1000),
        latency: summarize(result.latencies),
        windowP99s: windowP99s(result.latencies, result.endedAt, 5_000),
        byKind,
        counts,
        failures: result.failures,
        non200: Object.values(result.failures).reduce((a, b) => a + b, 0),
        rssBeforeMb: before.rssMb,
        peakDuringLoadMb: loadPeak,
        peak,
        appCpuShare: cpuLoadMs / result.wallMs,
        cpuMsPerRequest: cpuLoadMs / answered,
        backlogAtEnd: atEnd.work ?? null,
        readyzAtEnd: atEnd.code,
        drain: { drained: drain.drained, ms: drain.ms, last: drain.last },
        events: cards.acked,
        cardsDuringLoad: result.events.filter(
          (e) => unfurls.byTs.get(e.ts)?.[0] <= performance.timeOrigin + loadEndedAt,
        ).length,
        ackToCard: summarize(cards.cardMs),
        overBoard: summarize(cards.cardMs.map((v) => v - settings.upstreamMs)),
        missingCards: cards.missing,
        duplicatedCards: cards.duplicated,
        lastCardAfterLoadMs: Math.max(0, cards.lastCardAt - (performance.timeOrigin + loadEndedAt)),
        duplicates: duplicateDetails(result.events, unfurls),
        jobs: jobCounts,
        warnings: app.warnings(),
        errorLines: app.errorLines().slice(errorsBefore, errorsBefore + 5),
        errorLineCount: app.errorLines().length - errorsBefore,
        exit,
      };
    } finally {
      unfurls.stop();
      await app.stop().catch(() => undefined);
    }
  });
}

/**
 * Figure 7: `recoveryEvents` link_shared events against the slow job board, SIGKILL as soon as the
 * last one is acknowledged, a new process on the same database; both with
 * VOUCH_WORK_LEASE_SECONDS=`recoveryLeaseSeconds` (a lease is written by the process that claims a
 * job, so the killed process's setting decides when its jobs can be taken over). Every acknowledged
 * event must get exactly one chat.unfurl.
 */
async function crashRecovery(ctx, kind) {
  return onFreshDatabase(ctx, kind, 'recovery', async (databaseUrl) => {
    const lease = settings.recoveryLeaseSeconds;
    log(
      `· crash recovery on ${dbName(kind)}: ${settings.recoveryEvents} events, SIGKILL, restart (lease ${lease} s)…`,
    );
    const env = { VOUCH_WORK_LEASE_SECONDS: String(lease) };
    const unfurls = trackUnfurls(ctx.slack);
    let second;
    const first = await launch(ctx, databaseUrl, `recovery-${kind}-1`, env);
    ctx.app = first;
    try {
      const events = Array.from({ length: settings.recoveryEvents }, (_, i) =>
        linkSharedEvent({
          channel: 'C0JOBS',
          user: `U0RC${i % 40}`,
          urls: [jobUrl(ctx, `rec${kind}-${runId}-${i}`)],
        }),
      );
      const boardFetchesAtStart = ctx.board.requests().length;
      const sent = await ctx.load.run({
        kind: 'burst',
        baseUrl: first.baseUrl,
        requests: events.map((event) => eventRequest(event)),
        concurrency: 50,
      });
      const ackedEvents = events.map((event, i) => ({
        ts: event.message_ts,
        ok: sent.results[i].status === 200,
      }));
      const boardFetchesBefore = ctx.board.requests().length;
      await first.kill();
      const killedAt = performance.now();
      const statesDb = await openDb(databaseUrl);
      const jobsAtKill = await jobStates(statesDb).finally(() => statesDb.close());
      const beforeKill = cardsOf(ackedEvents, unfurls);
      const callsBeforeKill = unfurls.total();
      const cardedBeforeKill = new Set(ackedEvents.filter((e) => unfurls.byTs.has(e.ts)).map((e) => e.ts));

      second = await launch(ctx, databaseUrl, `recovery-${kind}-2`, env);
      ctx.app = second;
      const spawnedWall = performance.timeOrigin + second.spawnedAt;
      let ready = await readyz(second.baseUrl);
      while (ready.code !== 200 && performance.now() - second.spawnedAt < 30_000) {
        await sleep(20);
        ready = await readyz(second.baseUrl);
      }
      const readyMs = performance.now() - second.spawnedAt;
      const deadline = performance.now() + lease * 1000 + 120_000;
      let backlogZeroMs = null;
      let allCardsSeenMs = null;
      while (performance.now() < deadline && (backlogZeroMs === null || allCardsSeenMs === null)) {
        if (allCardsSeenMs === null && cardsOf(ackedEvents, unfurls).missing === 0)
          allCardsSeenMs = performance.now() - second.spawnedAt;
        if (backlogZeroMs === null) {
          const answer = await readyz(second.baseUrl);
          if (answer.work?.backlog === 0) backlogZeroMs = performance.now() - second.spawnedAt;
        }
        await sleep(50);
      }
      // Late repeats: a job run twice would show up here as a second card.
      await waitQuiet(ctx.slack, 2_000, 30_000);
      const after = cardsOf(ackedEvents, unfurls);
      const finalReady = await readyz(second.baseUrl);
      const rerunOfCarded = [...cardedBeforeKill].filter((ts) => unfurls.byTs.get(ts).length > 1).length;
      const restartArrivals = ackedEvents
        .filter((e) => !cardedBeforeKill.has(e.ts) && unfurls.byTs.has(e.ts))
        .map((e) => unfurls.byTs.get(e.ts)[0] - spawnedWall);
      const exit = await second.stop();
      return {
        leaseSeconds: lease,
        events: settings.recoveryEvents,
        acked: beforeKill.acked,
        notAcked: settings.recoveryEvents - beforeKill.acked,
        ackWallMs: sent.wallMs,
        unfurledBeforeKill: cardedBeforeKill.size,
        unfurlCallsBeforeKill: callsBeforeKill,
        boardFetchesBeforeKill: boardFetchesBefore - boardFetchesAtStart,
        jobsAtKill,
        restartAfterKillMs: second.spawnedAt - killedAt,
        healthyMs: second.healthyAfterMs,
        readyMs,
        readyCode: ready.code,
        backlogAtReady: ready.work ?? null,
        allCardsMs: after.missing === 0 ? Math.max(0, after.lastCardAt - spawnedWall) : null,
        allCardsSeenMs,
        backlogZeroMs,
        firstCardAfterRestartMs: restartArrivals.length > 0 ? Math.min(...restartArrivals) : null,
        cardsAfterRestartWithinLease: restartArrivals.filter((ms) => ms < lease * 1000).length,
        cardsAfterRestart: restartArrivals.length,
        missing: after.missing,
        duplicated: after.duplicated,
        extraCalls: after.extraCalls,
        duplicatesOfCardsSentBeforeKill: rerunOfCarded,
        restartCardTimes: summarize(restartArrivals),
        duplicates: duplicateDetails(ackedEvents, unfurls),
        failedJobs: finalReady.work?.failed ?? null,
        warningsBeforeKill: first.warnings(),
        warningsAfterRestart: second.warnings(),
        errorLines: [...first.errorLines(), ...second.errorLines()].slice(0, 5),
        exit,
      };
    } finally {
      unfurls.stop();
      await first.kill().catch(() => undefined);
      await second?.stop().catch(() => undefined);
    }
  });
}

/**
 * Figure 8: figure 6's closed loop against Vouch processes on one PostgreSQL database behind a
 * round-robin balancer (test/helpers/round-robin.mjs, in this process), once with one process behind
 * it and once with two, each on a fresh database: acks/s, ack p50 / p99, the backlog's drain, and the
 * duplicates found afterwards (rows twice under a natural key, a link_shared event with two
 * chat.unfurl calls, failed jobs), which must be 0.
 */
async function replicasLoad(ctx) {
  const runs = {};
  for (const processes of [1, 2]) {
    runs[processes === 1 ? 'one' : 'two'] = await onFreshDatabase(
      ctx,
      'postgres',
      `replicas${processes}`,
      async (databaseUrl) => {
        log(
          `· replicas: ${processes} process(es) behind a round-robin balancer on PostgreSQL, ${settings.sustainedConcurrency} in flight for ${settings.replicasSeconds} s…`,
        );
        const loadBefore = loadavg();
        const unfurls = trackUnfurls(ctx.slack);
        // One after the other: the second finds the database migrated (both would wait on the advisory lock).
        const apps = [];
        for (let i = 0; i < processes; i += 1)
          apps.push(await launch(ctx, databaseUrl, `replicas-${processes}-${i}`));
        const balancer = await startRoundRobin({
          upstreams: apps.map((app) => app.baseUrl),
          maxSocketsPerUpstream: settings.sustainedConcurrency,
          keepAliveTimeoutMs: 30_000,
        });
        ctx.app = { baseUrl: balancer.url, stop: async () => undefined };
        try {
          const postings = await sharePostings(ctx, `rep${processes}`, 6);
          const warm = burstRequests(ctx, postings, `repwarm${processes}`, 30);
          await ctx.load.run({
            kind: 'burst',
            baseUrl: balancer.url,
            requests: warm.requests,
            concurrency: 4,
          });
          await waitQuiet(ctx.slack);
          const errorsBefore = apps.map((app) => app.errorLines().length);
          const cpuBefore = apps.map((app) => readCpuMs(app.pid));
          const result = await ctx.load.run({
            kind: 'sustained',
            baseUrl: balancer.url,
            seconds: settings.replicasSeconds,
            concurrency: settings.sustainedConcurrency,
            maxRequests: settings.replicasSeconds * 5_000,
            mix: mixFor(ctx, postings, `repload${processes}`),
          });
          const cpuLoadMs = apps.map((app, i) => readCpuMs(app.pid) - (cpuBefore[i] ?? 0));
          const atEnd = await readyz(apps[0].baseUrl);
          const drain = await waitBacklogDrained(apps[0], 600_000);
          await waitQuiet(ctx.slack, 2_000, 60_000);
          const cards = cardsOf(result.events, unfurls);
          const db = await openDb(databaseUrl);
          const rows = await duplicateReport(db).finally(() => db.close());
          const finalReady = await readyz(apps[0].baseUrl);
          const answered = result.latencies.length;
          const forwarded = balancer.stats();
          const errorLines = apps.flatMap((app, i) => app.errorLines().slice(errorsBefore[i]));
          const exits = [];
          for (const app of apps) exits.push(await app.stop());
          return {
            processes,
            seconds: settings.replicasSeconds,
            concurrency: settings.sustainedConcurrency,
            upstreamMs: settings.upstreamMs,
            answered,
            requestsPerSecond: answered / (result.wallMs / 1000),
            latency: summarize(result.latencies),
            non200: Object.values(result.failures).reduce((a, b) => a + b, 0),
            failures: result.failures,
            forwarded: forwarded.forwarded,
            balancerFailed: forwarded.failed,
            appCpuMsPerRequest: cpuLoadMs.reduce((a, b) => a + b, 0) / answered,
            backlogAtEnd: atEnd.work ?? null,
            drain: { drained: drain.drained, ms: drain.ms, last: drain.last },
            events: cards.acked,
            missingCards: cards.missing,
            duplicatedCards: cards.duplicated,
            duplicates: duplicateDetails(result.events, unfurls),
            duplicateRows: rows.total,
            duplicateRowsByTable: rows.duplicates,
            failedJobs: finalReady.work?.failed ?? null,
            duplicatesFound: rows.total + cards.duplicated + (finalReady.work?.failed ?? 0),
            errorLineCount: errorLines.length,
            errorLines: errorLines.slice(0, 5),
            loadAverage: { before: loadBefore, after: loadavg() },
            exits,
          };
        } finally {
          unfurls.stop();
          await balancer.close();
          for (const app of apps) await app.stop().catch(() => undefined);
          ctx.app = null;
        }
      },
    );
  }
  return runs;
}

/** Figure 9 (bench/lib/datascale.mjs) on one database. */
async function dataScaleRun(ctx, kind) {
  const only = process.env.BENCH_DATASCALE_DATABASE;
  if (only !== undefined && only !== kind) return { skipped: `BENCH_DATASCALE_DATABASE=${only}` };
  const slack = await startFakeSlackApi({ recordCalls: false, keepAliveTimeoutMs: 30_000 });
  try {
    const measuredAt = new Date();
    const loadStart = loadavg();
    const result = await dataScale({
      kind,
      fresh: (fn) => onFreshDatabase(ctx, kind, 'datascale', fn),
      launch: (databaseUrl, tag, env) => launch({ ...ctx, slack }, databaseUrl, tag, env),
      slack,
      settings: settings.datascale,
      log,
    });
    const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}`;
    return result.skipped ? result : { ...result, measuredAt, machine, loadStart, loadEnd: loadavg() };
  } finally {
    await slack.close();
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
  let sustained;
  let recovery;
  let replicas;
  let datascale;
  try {
    sqlite = await sqliteRun(ctx);
    postgres = await postgresRun(ctx);
    if (wants('sustained'))
      sustained = {
        floor: await sustainedFloor(ctx),
        sqlite: await sustainedLoad(ctx, 'sqlite'),
        postgres: await sustainedLoad(ctx, 'postgres'),
      };
    if (wants('recovery'))
      recovery = {
        sqlite: await crashRecovery(ctx, 'sqlite'),
        postgres: await crashRecovery(ctx, 'postgres'),
      };
    if (wants('replicas')) replicas = await replicasLoad(ctx);
    if (wants('datascale'))
      datascale = {
        startedAt: new Date(),
        loadStart: loadavg(),
        sqlite: await dataScaleRun(ctx, 'sqlite'),
        postgres: await dataScaleRun(ctx, 'postgres'),
        loadEnd: loadavg(),
        finishedAt: new Date(),
      };
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
        {
          extraction: extraction?.summary ?? extraction,
          sqlite: brief(sqlite),
          postgres: brief(postgres),
          sustained,
          recovery,
          replicas,
          datascale,
        },
        null,
        2,
      ),
    );
    if (process.env.BENCH_MERGE === '1') {
      mergeIntoLastRun({ replicas, loadStart, loadEnd, probe });
      return;
    }
    if (datascale !== undefined && process.env.BENCH_DATASCALE_SAVE === '1') {
      // Figure 9 alone (it takes long): saved into the last full run's measurements, with its own
      // date and load average, and the report rendered again.
      const lastRun = join(here, 'last-run.json');
      const measured = JSON.parse(readFileSync(lastRun, 'utf8'));
      // A database skipped this time (BENCH_POSTGRES=off) keeps the figure it had.
      const kept = measured.datascale ?? {};
      measured.datascale = {
        ...kept,
        ...datascale,
        sqlite: datascale.sqlite?.skipped ? (kept.sqlite ?? datascale.sqlite) : datascale.sqlite,
        postgres: datascale.postgres?.skipped ? (kept.postgres ?? datascale.postgres) : datascale.postgres,
      };
      writeFileSync(lastRun, `${JSON.stringify(measured, null, 1)}\n`);
      writeReports({
        repoRoot,
        ...measured,
        startedAt: new Date(measured.startedAt),
        finishedAt: new Date(measured.finishedAt),
      });
      log('\nBENCH_DATASCALE_SAVE=1: figure 9 saved into bench/last-run.json; results.md written again.');
      return;
    }
    log('\nBENCH_ONLY: no report written.');
    return;
  }
  const measured = {
    startedAt,
    finishedAt: new Date(),
    machine: machineNow(),
    loadStart,
    loadEnd,
    probe,
    settings: { ...settings, only: null },
    extraction,
    sqlite,
    postgres,
    sustained,
    recovery,
    replicas,
    datascale,
  };
  // The measurements behind results.md: `npm run bench:report` renders them again (after an edit of
  // findings.md) without measuring anew.
  writeFileSync(join(here, 'last-run.json'), `${JSON.stringify(measured, null, 1)}\n`);
  const { table } = writeReports({ repoRoot, ...measured });
  log('');
  log(table);
  log('\nWritten: bench/results.md and the README bench section.');
}

/**
 * BENCH_ONLY=replicas BENCH_MERGE=1: puts figure 8 as this run measured it into bench/last-run.json
 * (the other figures stay the last full run's), with this run's date, load average and CPU probe
 * beside it, and writes bench/results.md and the README section from it again.
 */
function mergeIntoLastRun({ replicas, loadStart, loadEnd, probe }) {
  if (replicas === undefined)
    throw new Error('BENCH_MERGE=1 merges figure 8: run it with BENCH_ONLY=replicas');
  const source = join(here, 'last-run.json');
  const measured = JSON.parse(readFileSync(source, 'utf8'));
  measured.replicas = {
    ...replicas,
    measuredAt: new Date().toISOString(),
    machine: machineNow(),
    loadStart,
    loadEnd,
    probe,
  };
  writeFileSync(source, `${JSON.stringify(measured, null, 1)}\n`);
  const { table } = writeReports({
    repoRoot,
    ...measured,
    startedAt: new Date(measured.startedAt),
    finishedAt: new Date(measured.finishedAt),
  });
  log('');
  log(table);
  log('\nMerged into bench/last-run.json; written: bench/results.md and the README bench section.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
