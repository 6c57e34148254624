// Figure 9 (data scale, issue #14 item 4): the real app (`node dist/main.js`, HTTP mode) on a database
// seeded at scale (lib/datascale-seed.mjs), driven by signed Slack requests, timed from the request to
// the Slack Web API call that shows its result at the fake Slack API:
//   App Home: app_home_opened of the heavy member → views.publish (its queries and blocks);
//   /vouch list with filters (place, remote, can-refer, last 30 days, page N) → its response_url;
//   "I can refer" on the heavy posting → the clicker's ephemeral, and → chat.update of its card (the
//   card refresh job: the posting's referrers, interested candidates and shares read again);
//   "I'm interested" on the heavy posting → views.open of the interest form (its referrers listed).
// Then the liveness sweep: the app started again with VOUCH_LIVENESS_HOURS=24 on the same database,
// whose postings point at a handful of local job boards (one answers some requests 429 with
// Retry-After, one some 503): per-host most in flight, the planned and the observed rate, requests
// inside a Retry-After pause, and the time of picking the due postings out of the million.
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { createDatabase } from '../../dist/db/client.js';
import { createPostingStore } from '../../dist/postings/posting-store.js';
import { startFakeJobBoard } from '../../test/helpers/fake-job-board.mjs';
import { FAKE_TEAM_ID } from '../../test/helpers/fake-slack-api.mjs';
import { appHomeOpened } from '../../test/helpers/slack-payloads.mjs';
import { databaseSizeMb, HEAVY, seedDataScale } from './datascale-seed.mjs';
import { blockActionRequest, commandRequest, eventRequest, signedHeaders } from './slack-requests.mjs';
import { summarize } from './stats.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const HEAVY_CARD = { channel: 'C0HEAVY', ts: '1700000000.000100' };
const LIVENESS_HOURS = 24;
/** Liveness rounds (src/jobs/liveness-job.ts): every 5 minutes, planned over 90 % of it. */
const ROUND_MS = 5 * 60 * 1000;
const PLANNED_SHARE = 0.9;
const LIST_COMMANDS = [
  'list in berlin',
  'list remote',
  'list can-refer',
  'list last 30 days',
  'list in london hybrid page 3',
  'list engineer in berlin last 30 days page 2',
  'list remote can-refer page 5',
  'list in new york page 20',
];
/** Periodic jobs the request figure holds off (their own cost at this scale is not this figure's). */
const OTHER_JOBS = ['referral-reminders', 'note-retention', 'channel-digests', 'event-ledger-prune'];

async function post(baseUrl, { body, contentType }) {
  const response = await fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: signedHeaders(body, contentType),
    body,
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`datascale: request answered ${response.status}`);
}

/** Runs `sql` on the database (holding or freeing periodic jobs' leases). */
async function execute(databaseUrl, sql) {
  if (databaseUrl.startsWith('file:')) {
    const db = new Sqlite(databaseUrl.slice('file:'.length));
    try {
      db.pragma('busy_timeout = 5000');
      db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function holdJobs(databaseUrl, names) {
  const until = databaseUrl.startsWith('file:') ? `'2999-01-01T00:00:00.000+00:00'` : `'2999-01-01'`;
  return execute(
    databaseUrl,
    `DELETE FROM "JobLease"; ${names
      .map(
        (n) => `INSERT INTO "JobLease" ("name", "holder", "leaseUntil") VALUES ('${n}', 'bench', ${until});`,
      )
      .join(' ')}`,
  );
}

/** Times `samples` runs of `once(i)` one after the other (after `warm` unmeasured ones). */
async function timed(samples, once, warm = 10) {
  for (let i = 0; i < warm; i += 1) await once(-1 - i);
  const ms = [];
  for (let i = 0; i < samples; i += 1) ms.push(await once(i));
  return summarize(ms);
}

/** The app's own store queries at this size: picking the due postings, counting the open ones. */
async function dueQueryTimes(databaseUrl, open) {
  const quiet = { info() {}, warn() {}, error() {}, debug() {}, child: () => quiet };
  const db = await createDatabase({ url: databaseUrl, logger: quiet });
  try {
    const store = createPostingStore({
      db: db.prisma,
      loader: { load: async () => ({ status: 'failed', summary: null }) },
      directory: { ensureWorkspace: async () => undefined, ensureCompany: async () => null },
      logger: quiet,
    });
    const perRound = Math.max(1, Math.ceil((open * ROUND_MS) / (LIVENESS_HOURS * 3_600_000)));
    const due = await timed(
      20,
      () => clock(() => store.dueForCheck(LIVENESS_HOURS * 3_600_000, perRound)),
      2,
    );
    const count = await timed(20, () => clock(() => store.countForChecks()), 2);
    return { perRound, dueForCheck: due, countForChecks: count };
  } finally {
    await db.close();
  }
}

async function clock(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** The job boards of the sweep: every /jobs/<id> a job page after `delayMs`. */
async function startBoards(count, delayMs) {
  const boards = [];
  for (let b = 0; b < count; b += 1) {
    let n = 0;
    const events = [];
    const board = await startFakeJobBoard({
      delayMs,
      jobAt: (path) =>
        /^\/jobs\/[A-Za-z0-9-]+$/.test(path)
          ? { title: `Engineer ${path.slice(6)}`, company: 'Acme Robotics', location: 'Berlin, Germany' }
          : undefined,
      // Board 0 asks for a pause now and then, board 1 fails now and then.
      intercept: (_path, at) => {
        n += 1;
        if (b === 0 && n % 40 === 0) {
          events.push({ kind: '429', at });
          return {
            status: 429,
            body: 'slow down',
            contentType: 'text/plain',
            headers: { 'retry-after': '5' },
          };
        }
        if (b === 1 && n % 60 === 0) {
          events.push({ kind: '503', at });
          return { status: 503, body: 'unavailable', contentType: 'text/plain' };
        }
        return undefined;
      },
    });
    boards.push({ board, events });
  }
  return boards;
}

/**
 * The figure on one database. `fresh(fn)` hands a new empty database URL to `fn`; `launch(url, tag,
 * env)` starts the app on it.
 */
export async function dataScale({ kind, fresh, launch, slack, settings, log }) {
  return fresh(async (databaseUrl) => {
    const boards = await startBoards(settings.hosts, settings.boardDelayMs);
    let app;
    try {
      log(
        `· data scale on ${kind}: seeding ${settings.counts.postings} postings, ${settings.counts.members} members, ${settings.counts.referrals} referrals, ${settings.counts.companyReferrers} company referrers…`,
      );
      const seeded = await seedDataScale({
        databaseUrl,
        teamId: FAKE_TEAM_ID,
        boards: boards.map((b) => b.board.origin),
        counts: settings.counts,
        log,
      });
      const sizeMb = await databaseSizeMb(databaseUrl);
      log(`  seeded in ${(seeded.totalMs / 1000).toFixed(1)} s, ${sizeMb.toFixed(0)} MB`);
      const openRows = await countOpen(databaseUrl);
      const queries = await dueQueryTimes(databaseUrl, openRows);

      // Requests: the sweep and the other periodic jobs held off.
      await holdJobs(databaseUrl, ['posting-liveness', ...OTHER_JOBS]);
      app = await launch(databaseUrl, `datascale-${kind}`, { VOUCH_LIVENESS_HOURS: String(LIVENESS_HOURS) });
      const requestsLoad = [];
      const home = await timed(settings.samples, async () => {
        const published = slack.waitFor('views.publish', (c) => c.args.user_id === HEAVY.member, 30_000);
        const t = performance.now();
        await post(app.baseUrl, eventRequest(appHomeOpened(HEAVY.member)));
        return (await published).at - t;
      });
      log(`  App Home p50/p99 ${home.p50.toFixed(1)} / ${home.p99.toFixed(1)} ms`);
      requestsLoad.push(await loadNow());
      const list = await timed(settings.samples, async (i) => {
        const id = `ds-${kind}-list-${i}`;
        const answered = slack.waitFor('response_url', (c) => c.args.path?.endsWith(`/${id}`), 30_000);
        const t = performance.now();
        await post(
          app.baseUrl,
          commandRequest({
            user: HEAVY.member,
            text: LIST_COMMANDS[Math.abs(i) % LIST_COMMANDS.length],
            responseUrl: slack.responseUrl(id),
          }),
        );
        return (await answered).at - t;
      });
      log(`  /vouch list p50/p99 ${list.p50.toFixed(1)} / ${list.p99.toFixed(1)} ms`);
      const clickMs = [];
      const refreshMs = [];
      const drains = [];
      // Members who are not yet the heavy posting's referrers: each click lists one more.
      // Members 3000…: past the heavy rows (m1…m2001), each clicker new to the posting.
      const n = settings.samples;
      const clicker = (i) => `U0M${String(3_000 + (i < 0 ? n - i : i)).padStart(7, '0')}`;
      for (let i = -10; i < settings.samples; i += 1) {
        const user = clicker(i);
        const ephemeral = slack.waitFor('chat.postEphemeral', (c) => c.args.user === user, 30_000);
        const refreshed = slack.waitFor(
          'chat.update',
          (c) => c.args.channel === HEAVY_CARD.channel && c.at > t0(),
          30_000,
        );
        const t = performance.now();
        sent = t;
        await post(
          app.baseUrl,
          blockActionRequest({
            user,
            actionId: 'i_can_refer',
            value: HEAVY.posting,
            channel: HEAVY_CARD.channel,
            ts: HEAVY_CARD.ts,
          }),
        );
        const [e, r] = await Promise.all([ephemeral, refreshed]);
        if (i >= 0) {
          clickMs.push(e.at - t);
          refreshMs.push(r.at - t);
        }
        // The click's follow-ups (DMs to the candidates waiting for a referrer) finish before the
        // next click: each sample is one click, not the queue left by the ones before.
        drains.push(await drained(app.baseUrl));
      }
      const click = summarize(clickMs);
      const refresh = summarize(refreshMs);
      const drain = summarize(drains);
      log(
        `  "I can refer" p50/p99 ${click.p50.toFixed(1)} / ${click.p99.toFixed(1)} ms; card refreshed ${refresh.p50.toFixed(1)} / ${refresh.p99.toFixed(1)} ms`,
      );
      const interest = await timed(settings.samples, async (i) => {
        const user = `U0M${String(3_000 + 2 * n + 20 + (i < 0 ? n - i : i)).padStart(7, '0')}`;
        const opened = slack.waitFor(
          'views.open',
          (c) => c.args.trigger_id !== undefined && c.at > t0(),
          30_000,
        );
        const t = performance.now();
        sent = t;
        await post(
          app.baseUrl,
          blockActionRequest({
            user,
            actionId: 'im_interested',
            value: HEAVY.posting,
            channel: HEAVY_CARD.channel,
            ts: HEAVY_CARD.ts,
          }),
        );
        return (await opened).at - t;
      });
      log(`  "I'm interested" p50/p99 ${interest.p50.toFixed(1)} / ${interest.p99.toFixed(1)} ms`);
      requestsLoad.push(await loadNow());
      const requestErrors = app.errorLines().slice(0, 5);
      await app.stop();
      app = undefined;

      // The sweep: the same database, liveness free to run (its first round 30 s after start).
      await holdJobs(databaseUrl, OTHER_JOBS);
      const sweep = await observeSweep({ databaseUrl, boards, launch, kind, settings, openRows, log });
      return {
        counts: settings.counts,
        heavy: HEAVY,
        seeded,
        sizeMb,
        openRows,
        queries,
        home,
        list,
        click,
        refresh,
        drainAfterClick: drain,
        interest,
        requestErrors,
        requestsLoad,
        sweep,
      };
    } finally {
      await app?.stop().catch(() => undefined);
      await Promise.all(boards.map((b) => b.board.close()));
    }
  });
}

/** Waits until the app's work queue is empty (GET /readyz); how long that took. */
async function drained(baseUrl, maxMs = 60_000) {
  const t = performance.now();
  while (performance.now() - t < maxMs) {
    const response = await fetch(`${baseUrl}/readyz`);
    const body = await response.json().catch(() => ({}));
    if (body.work?.backlog === 0) break;
    await sleep(20);
  }
  return performance.now() - t;
}

let sent = 0;
/** When the sample being timed was sent (a Slack call before it belongs to an earlier sample). */
const t0 = () => sent;
const loadNow = async () => (await import('node:os')).loadavg();

async function countOpen(databaseUrl) {
  const sql = `SELECT COUNT(*) AS n FROM "Posting" WHERE "status" = 'open' AND "isJob" = ${databaseUrl.startsWith('file:') ? 1 : 'true'}`;
  if (databaseUrl.startsWith('file:')) {
    const db = new Sqlite(databaseUrl.slice('file:'.length), { readonly: true });
    try {
      return Number(db.prepare(sql).get().n);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

async function observeSweep({ databaseUrl, boards, launch, kind, settings, openRows, log }) {
  const perRound = Math.max(1, Math.ceil((openRows * ROUND_MS) / (LIVENESS_HOURS * 3_600_000)));
  const plannedPerSecond = perRound / ((ROUND_MS * PLANNED_SHARE) / 1000);
  log(
    `  sweep: ${openRows} open postings over ${LIVENESS_HOURS} h → ${perRound} per 5-minute round, ${plannedPerSecond.toFixed(1)} checks/s planned; watching ${settings.sweepSeconds} s…`,
  );
  const before = boards.map((b) => b.board.requests().length);
  const app = await launch(databaseUrl, `datascale-sweep-${kind}`, {
    VOUCH_LIVENESS_HOURS: String(LIVENESS_HOURS),
  });
  try {
    // The first round starts 30 s after start-up (job-scheduler.ts); wait for its first request.
    const startedWaiting = performance.now();
    while (
      boards.every((b, i) => b.board.requests().length === before[i]) &&
      performance.now() - startedWaiting < 60_000
    )
      await sleep(100);
    const windowStart = performance.now();
    await sleep(settings.sweepSeconds * 1000);
    const windowEnd = performance.now();
    const perHost = boards.map(({ board, events }, i) => {
      const requests = board
        .requests()
        .slice(before[i])
        .filter((r) => r.at >= windowStart && r.at < windowEnd);
      // A request that arrived after the app had the 429 (its delay later) and before Retry-After ran out.
      const pauses = events.filter((e) => e.kind === '429' && e.at >= windowStart);
      const insidePause = requests.filter((r) =>
        pauses.some(
          (p) =>
            r.at > p.at + settings.boardDelayMs + 100 && r.at < p.at + settings.boardDelayMs + 5_000 - 100,
        ),
      ).length;
      const failures = events.filter((e) => e.kind === '503' && e.at >= windowStart);
      const gapsAfter503 = failures.map((f) => {
        const next = requests.find((r) => r.at > f.at + settings.boardDelayMs + 50);
        return next === undefined ? null : next.at - f.at;
      });
      return {
        host: board.origin,
        requests: requests.length,
        maxInFlight: board.maxInFlight(),
        retryAfters: pauses.length,
        requestsInsidePause: insidePause,
        serverErrors: failures.length,
        gapsAfter503Ms: gapsAfter503,
      };
    });
    const total = perHost.reduce((sum, h) => sum + h.requests, 0);
    const observedPerSecond = total / ((windowEnd - windowStart) / 1000);
    log(
      `  sweep observed ${observedPerSecond.toFixed(1)} checks/s; most in flight per host ${perHost.map((h) => h.maxInFlight).join(', ')}`,
    );
    return {
      livenessHours: LIVENESS_HOURS,
      roundMs: ROUND_MS,
      perRound,
      plannedPerSecond,
      windowSeconds: (windowEnd - windowStart) / 1000,
      observedPerSecond,
      perHost,
      boardDelayMs: settings.boardDelayMs,
      errors: app.errorLines().slice(0, 5),
      load: await loadNow(),
    };
  } finally {
    await app.stop();
  }
}
