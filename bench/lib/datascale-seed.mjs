// Figure 8's database: a workspace at the scale of issue #14 item 4 (by default 1,000,000 postings,
// 100,000 members, 200,000 referrals, 50,000 company referrers), written in bulk straight into a
// database the app's own migration runner created (better-sqlite3 prepared statements, one transaction
// per chunk; PostgreSQL multi-row INSERT … SELECT FROM unnest(arrays) through `pg`), never through the
// app's own write path, and never more than one chunk of rows in memory. The migrations' secondary
// indexes are dropped first and created again from their own definitions at the end (one sort each
// instead of a million random inserts); on PostgreSQL the foreign key triggers are off while seeding.
//
// The shape is what makes the measured paths heavy: one large workspace (every per-workspace query
// sees all of it), 20,000 companies, postings spread over a year on a handful of job board hosts with
// varied places and workplace types (the browse keys written as the app writes them), and "heavy" rows
// the figure measures: a member with many referrals as candidate and as referrer and many companies,
// a posting with many interested candidates and referrers, a company with many referrers.
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { createDatabase } from '../../dist/db/client.js';
import { emptySummary } from '../../dist/postings/extract-posting.js';
import { postingSearchKeys } from '../../dist/postings/posting-search-keys.js';

const DAY = 24 * 60 * 60 * 1000;
const CHUNK = 5_000;

/** The rows the figure looks for by name. */
export const HEAVY = {
  member: 'U0HEAVY',
  referrer: 'U0HEAVYREF',
  posting: 'p-heavy',
  company: 'c-heavy',
  companyName: 'Heavyweight Industries',
  /** Referrals of the heavy member as candidate / as the referrer asked; companies they refer at. */
  asCandidate: 100,
  asReferrer: 300,
  companies: 50,
  /** Candidates interested in the heavy posting; members listed as its referrers. */
  interested: 1_000,
  postingReferrers: 300,
  /** Referrers at the heavy company. */
  companyReferrers: 2_000,
};

/** Places and workplace types, roughly as a tech community's postings spread. */
const LOCATIONS = [
  [['Berlin, Germany'], 'hybrid'],
  [['Berlin, Germany'], 'onsite'],
  [['Munich, Germany'], 'onsite'],
  [['London, United Kingdom'], 'hybrid'],
  [['Remote, Worldwide'], 'remote'],
  [['Remote - Europe'], 'remote'],
  [['Remote (US)'], 'remote'],
  [['New York, NY'], 'onsite'],
  [['San Francisco, CA', 'New York, NY'], 'hybrid'],
  [['Paris, France'], 'hybrid'],
  [['Amsterdam, Netherlands'], null],
  [['Lisbon, Portugal'], 'remote'],
  [['Toronto, Canada'], 'hybrid'],
  [['Warsaw, Poland'], 'onsite'],
  [['Barcelona, Spain'], null],
  [['Zurich, Switzerland'], 'onsite'],
  [['Stockholm, Sweden'], 'hybrid'],
  [['Dublin, Ireland'], 'hybrid'],
  [['Austin, TX'], 'onsite'],
  [[], null],
];
const TITLES = [
  'Senior Backend Engineer',
  'Staff Software Engineer',
  'Product Designer',
  'Data Engineer',
  'Engineering Manager',
  'Frontend Developer',
  'Site Reliability Engineer',
  'Product Manager',
  'Machine Learning Engineer',
  'Security Engineer',
];
const REFERRAL_STATUSES = [
  ['interested', 30],
  ['requested', 20],
  ['referred', 15],
  ['interviewing', 10],
  ['offer', 3],
  ['hired', 4],
  ['declined', 8],
  ['not_selected', 6],
  ['withdrawn', 2],
  ['closed', 2],
];

/** A fixed pseudo-random sequence: every run seeds the same database. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pad = (n) => String(n).padStart(7, '0');
const memberId = (i) => `m${pad(i)}`;
const companyId = (i) => `c${pad(i)}`;
const postingId = (i) => `p${pad(i)}`;

function weighted(rand, table) {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let pick = rand() * total;
  for (const [value, weight] of table) {
    pick -= weight;
    if (pick < 0) return value;
  }
  return table[0][0];
}

// ------------------------------------------------------------------------------------------------
// Writers: the same rows to either database.

function sqliteWriter(file) {
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  // Random inserts into a million-row table's indexes: keep their pages in memory (128 MB).
  db.pragma('cache_size = -131072');
  const statements = new Map();
  const date = (d) => (d === null ? null : d.toISOString().replace('Z', '+00:00'));
  const cell = (v) => (v instanceof Date ? date(v) : typeof v === 'boolean' ? (v ? 1 : 0) : v);
  return {
    async insert(table, columns, rows) {
      const key = `${table}|${columns.join(',')}`;
      let statement = statements.get(key);
      if (statement === undefined) {
        statement = db.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        statements.set(key, statement);
      }
      db.transaction(() => {
        for (const row of rows) statement.run(row.map(cell));
      })();
    },
    /** Drops the secondary indexes (kept for `restoreIndexes`): built once at the end, not row by row. */
    async dropIndexes() {
      const indexes = db
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`)
        .all();
      for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
      return indexes.map((index) => index.sql);
    },
    async restoreIndexes(statements) {
      for (const sql of statements) db.exec(sql);
    },
    async finish() {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.exec('ANALYZE');
      db.close();
    },
  };
}

async function postgresWriter(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const types = new Map();
  async function typesOf(table) {
    let map = types.get(table);
    if (map === undefined) {
      const { rows } = await client.query(
        `SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema()`,
        [table],
      );
      map = new Map(rows.map((r) => [r.column_name, r.udt_name]));
      types.set(table, map);
    }
    return map;
  }
  return {
    async insert(table, columns, rows) {
      const map = await typesOf(table);
      const casts = columns.map((c, i) => {
        const udt = map.get(c);
        if (udt === undefined) throw new Error(`no column ${table}.${c}`);
        return `$${i + 1}::"${udt}"[]`;
      });
      const arrays = columns.map((_, i) => rows.map((row) => row[i]));
      await client.query(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`,
        arrays,
      );
    },
    /** Drops the secondary indexes (kept for `restoreIndexes`): built once at the end, not row by row. */
    async dropIndexes() {
      const { rows } = await client.query(
        `SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i
         WHERE i.schemaname = current_schema() AND i.tablename <> '_prisma_migrations'
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      );
      for (const index of rows) await client.query(`DROP INDEX "${index.name}"`);
      // Rows are consistent by construction: no foreign key trigger per row while seeding.
      await client.query(`SET session_replication_role = replica`);
      return rows.map((index) => index.sql);
    },
    async restoreIndexes(statements) {
      await client.query(`SET session_replication_role = DEFAULT`);
      // The referrer counts the triggers keep (migration can_refer_counts) were off with them: counted
      // once here, as that migration's backfill does (on SQLite the triggers ran with each row).
      await client.query(
        `UPDATE "Posting" p SET "referrerCount" = c.n
         FROM (SELECT "postingId", COUNT(*) AS n FROM "PostingReferrer" GROUP BY "postingId") c
         WHERE p."id" = c."postingId"`,
      );
      await client.query(
        `UPDATE "Company" co SET "referrerCount" = c.n
         FROM (SELECT "companyId", COUNT(*) AS n FROM "CompanyReferrer" GROUP BY "companyId") c
         WHERE co."id" = c."companyId"`,
      );
      await client.query(`SET maintenance_work_mem = '256MB'`);
      for (const sql of statements) await client.query(sql);
    },
    async finish() {
      // As autovacuum leaves a table: statistics, and the visibility map index-only scans need.
      await client.query('VACUUM ANALYZE');
      await client.end();
    },
  };
}

/** Sends `count` rows made by `make(i)` in chunks: never more than one chunk in memory. */
async function chunked(writer, table, columns, count, make) {
  for (let start = 0; start < count; start += CHUNK) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + CHUNK); i += 1) {
      const row = make(i);
      if (row !== null) rows.push(row);
    }
    if (rows.length > 0) await writer.insert(table, columns, rows);
  }
}

// ------------------------------------------------------------------------------------------------

/**
 * Migrates `databaseUrl` with the app's runner, then writes the rows. `boards` are the job board
 * origins the postings point at (the liveness sweep's hosts). Resolves to what was written and how long
 * each part took.
 */
export async function seedDataScale({ databaseUrl, teamId, boards, counts, now = new Date(), log }) {
  const started = performance.now();
  const quiet = { info() {}, warn() {}, error() {}, debug() {}, child: () => quiet };
  const app = await createDatabase({ url: databaseUrl, logger: quiet });
  await app.migrate();
  await app.close();
  const migratedMs = performance.now() - started;

  const writer = databaseUrl.startsWith('file:')
    ? sqliteWriter(databaseUrl.slice('file:'.length))
    : await postgresWriter(databaseUrl);
  const rand = random(14);
  const { postings, members, referrals, companyReferrers, companies } = counts;
  const timings = {};
  const time = async (name, fn) => {
    const t = performance.now();
    await fn();
    timings[name] = performance.now() - t;
    log?.(`    seeded ${name} in ${(timings[name] / 1000).toFixed(1)} s`);
  };
  const yearAgo = now.getTime() - 365 * DAY;
  const livenessMs = DAY;

  let indexes = [];
  await time('dropping indexes', async () => {
    indexes = await writer.dropIndexes();
  });
  await time('workspace', () =>
    writer.insert('Workspace', ['id', 'name', 'createdAt'], [[teamId, 'Data scale', new Date(yearAgo)]]),
  );

  // Members: m0000000 is the heavy member, m0000001 the heavy posting's referrer.
  await time('members', () =>
    chunked(
      writer,
      'Member',
      ['id', 'workspaceId', 'slackUserId', 'displayName', 'createdAt', 'emailDomain', 'emailCheckedAt'],
      members,
      (i) => {
        const slackUserId = i === 0 ? HEAVY.member : i === 1 ? HEAVY.referrer : `U0M${pad(i)}`;
        const at = new Date(yearAgo + rand() * 365 * DAY);
        return [memberId(i), teamId, slackUserId, `Member ${i}`, at, `example${i % 500}.com`, at];
      },
    ),
  );

  await time('companies', () =>
    chunked(
      writer,
      'Company',
      ['id', 'workspaceId', 'normalizedName', 'displayName', 'aliases', 'createdAt'],
      companies,
      (i) => {
        const name = i === 0 ? HEAVY.companyName : `Company ${i}`;
        return [
          i === 0 ? HEAVY.company : companyId(i),
          teamId,
          name
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, ' ')
            .trim(),
          name,
          '[]',
          new Date(yearAgo),
        ];
      },
    ),
  );
  const companyOf = (i) => (i === 0 ? HEAVY.company : companyId(i));

  // Postings: createdAt spread over the year (newest last), 95 % open, 3 % not jobs; the last check
  // spread over the liveness period so about period/round of them fall due each round; 2 % never checked.
  const keys = LOCATIONS.map(([locations, workplaceType]) => ({
    locations,
    workplaceType,
    ...postingSearchKeys({ locations, workplaceType }),
  }));
  const postingColumns = [
    'id',
    'workspaceId',
    'canonicalUrl',
    'url',
    'source',
    'title',
    'companyId',
    'summary',
    'status',
    'isJob',
    'fetchedAt',
    'checkedAt',
    'closedAt',
    'createdAt',
    'updatedAt',
    'workplaceType',
    'places',
  ];
  await time('postings', () =>
    chunked(writer, 'Posting', postingColumns, postings, (i) => {
      const id = i === 0 ? HEAVY.posting : postingId(i);
      const url = `${boards[i % boards.length]}/jobs/${id}`;
      const company = i === 0 ? 0 : Math.floor(rand() * companies);
      const title = `${TITLES[i % TITLES.length]} ${i}`;
      const place = keys[Math.floor(rand() * keys.length)];
      const createdAt = new Date(i === 0 ? now.getTime() - DAY : yearAgo + (i / postings) * 365 * DAY);
      const open = i === 0 || rand() < 0.95;
      const isJob = i === 0 || rand() > 0.03;
      const checkedAt = rand() < 0.02 ? null : new Date(now.getTime() - rand() * livenessMs * 1.02);
      const summary = {
        ...emptySummary({ url, canonicalUrl: url }, 'json-ld'),
        title,
        company: i === 0 ? HEAVY.companyName : `Company ${company}`,
        locations: place.locations,
        workplaceType: place.workplaceType,
        employmentType: 'full_time',
        summary: `${title}: build and run the systems our customers rely on.`,
        responsibilities: ['Design, build and operate services', 'Work with product and design'],
        requirements: ['5+ years of experience', 'TypeScript or Go'],
      };
      return [
        id,
        teamId,
        url,
        url,
        'json-ld',
        title,
        companyOf(company),
        JSON.stringify(summary),
        open ? 'open' : 'closed',
        isJob,
        createdAt,
        checkedAt,
        open ? null : new Date(createdAt.getTime() + 30 * DAY),
        createdAt,
        createdAt,
        place.workplaceType,
        place.places,
      ];
    }),
  );

  // One card per posting (every posting was shared once), in one of 50 channels.
  await time('shares', () =>
    chunked(
      writer,
      'Share',
      [
        'id',
        'postingId',
        'channelId',
        'messageTs',
        'cardTs',
        'url',
        'source',
        'sharedById',
        'dedupeKey',
        'createdAt',
      ],
      postings,
      (i) => {
        const id = i === 0 ? HEAVY.posting : postingId(i);
        const ts = `${1_700_000_000 + i}.000100`;
        return [
          `s${pad(i)}`,
          id,
          i === 0 ? 'C0HEAVY' : `C0CH${i % 50}`,
          ts,
          ts,
          null,
          'command',
          memberId(Math.floor(rand() * members)),
          `seed:${i}`,
          new Date(yearAgo + (i / postings) * 365 * DAY),
        ];
      },
    ),
  );

  // Company referrers: the heavy company's first, then the heavy member at HEAVY.companies
  // companies, the rest spread (a pair at most once: member i at companies derived from i).
  const heavyCompanyReferrers = Math.min(HEAVY.companyReferrers, companyReferrers, members - 2);
  await time('company referrers', () =>
    chunked(
      writer,
      'CompanyReferrer',
      ['companyId', 'memberId', 'createdAt', 'verified'],
      companyReferrers,
      (i) => {
        const at = new Date(yearAgo + rand() * 365 * DAY);
        if (i < heavyCompanyReferrers) return [HEAVY.company, memberId(i + 2), at, i % 3 === 0];
        const j = i - heavyCompanyReferrers;
        if (j < HEAVY.companies) return [companyId(1 + j), memberId(0), at, false];
        // Members 2…: a member k at companies 1 + HEAVY.companies + (k·7 + n) mod (companies - …).
        const k = 2 + (j % (members - 2));
        const n = Math.floor(j / (members - 2));
        const span = companies - 1 - HEAVY.companies;
        return [companyId(1 + HEAVY.companies + ((k * 7 + n) % span)), memberId(k), at, rand() < 0.3];
      },
    ),
  );

  // Posting referrers: the heavy posting's, then one in 10 postings has one.
  const postingReferrers = Math.floor(postings / 10);
  await time('posting referrers', () =>
    chunked(
      writer,
      'PostingReferrer',
      ['postingId', 'memberId', 'createdAt', 'verified'],
      HEAVY.postingReferrers + postingReferrers,
      (i) => {
        if (i < HEAVY.postingReferrers) return [HEAVY.posting, memberId(1 + i), new Date(), i % 2 === 0];
        const j = i - HEAVY.postingReferrers;
        return [postingId(1 + j * 10), memberId(2 + Math.floor(rand() * (members - 2))), new Date(), false];
      },
    ),
  );

  // Referrals: the heavy posting's interested candidates, the heavy member's as candidate and as the
  // referrer asked, then the rest on random postings (posting k·…, candidate j: unique pairs).
  const heavyRows = HEAVY.interested + HEAVY.asCandidate + HEAVY.asReferrer;
  const rest = Math.max(0, referrals - heavyRows);
  const referralColumns = [
    'id',
    'postingId',
    'candidateId',
    'referrerId',
    'askAnyone',
    'channelId',
    'status',
    'candidateNote',
    'showName',
    'statusChangedAt',
    'createdAt',
    'updatedAt',
  ];
  const referralRow = (i) => {
    let posting;
    let candidate;
    let referrer;
    if (i < HEAVY.interested) {
      posting = HEAVY.posting;
      candidate = memberId(2 + i);
      // Asked of one of its referrers by name; 10 ask anyone (a new referrer tells each of them).
      referrer = i < 10 ? null : memberId(1 + (i % HEAVY.postingReferrers));
    } else if (i < HEAVY.interested + HEAVY.asCandidate) {
      const j = i - HEAVY.interested;
      posting = postingId(postings - 1 - j * 7);
      candidate = memberId(0);
      referrer = memberId(2 + j);
    } else if (i < heavyRows) {
      const j = i - HEAVY.interested - HEAVY.asCandidate;
      posting = postingId(postings - 2 - j * 7);
      candidate = memberId(2 + j);
      referrer = memberId(0);
    } else {
      const j = i - heavyRows;
      // Postings ≡ 3 (mod 7) and below the heavy member's: never a pair written above.
      posting = postingId(3 + 7 * (j % Math.floor((postings - 3000) / 7)));
      candidate = memberId(2 + ((j * 31) % (members - 2)));
      referrer = rand() < 0.6 ? memberId(2 + Math.floor(rand() * (members - 2))) : null;
    }
    const status = weighted(rand, REFERRAL_STATUSES);
    const at = new Date(now.getTime() - rand() * 180 * DAY);
    return [
      `r${pad(i)}`,
      posting,
      candidate,
      referrer,
      referrer === null,
      'C0JOBS',
      status,
      'I have five years of relevant experience and would love an introduction.',
      rand() < 0.5,
      at,
      at,
      at,
    ];
  };
  await time('referrals', () => chunked(writer, 'Referral', referralColumns, heavyRows + rest, referralRow));
  await time('referral events', () =>
    chunked(
      writer,
      'ReferralEvent',
      ['id', 'referralId', 'actorId', 'fromStatus', 'toStatus', 'createdAt'],
      heavyRows + rest,
      (i) => [`e${pad(i)}`, `r${pad(i)}`, null, null, 'interested', new Date(now.getTime() - 180 * DAY)],
    ),
  );

  await time('indexes', () => writer.restoreIndexes(indexes));
  const analyzeStarted = performance.now();
  await writer.finish();
  timings.analyze = performance.now() - analyzeStarted;
  return {
    rows: {
      postings,
      shares: postings,
      members,
      companies,
      companyReferrers,
      postingReferrers: HEAVY.postingReferrers + postingReferrers,
      referrals: heavyRows + rest,
    },
    migratedMs,
    timings,
    totalMs: performance.now() - started,
  };
}

/** The database's size on disk in MB (SQLite: file and WAL; PostgreSQL: pg_database_size). */
export async function databaseSizeMb(databaseUrl) {
  if (databaseUrl.startsWith('file:')) {
    const { statSync } = await import('node:fs');
    const file = databaseUrl.slice('file:'.length);
    const size = (path) => {
      try {
        return statSync(path).size;
      } catch {
        return 0;
      }
    };
    return (size(file) + size(`${file}-wal`)) / 1024 / 1024;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT pg_database_size(current_database()) AS bytes');
    return Number(rows[0].bytes) / 1024 / 1024;
  } finally {
    await client.end();
  }
}
