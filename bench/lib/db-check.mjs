// Reads the app's database from outside after a run: the duplicate-row checks of figure 4 and the
// referral ids the click mix needs. Plain SQL over better-sqlite3 / pg (both already dependencies), the
// same statements on both databases (quoted identifiers work in SQLite and PostgreSQL).
import { randomBytes } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import pg from 'pg';

/** A read-only handle on DATABASE_URL: `rows(sql)` and `close()`. */
export async function openDb(url) {
  if (url.startsWith('file:')) {
    const db = new Sqlite(url.slice('file:'.length), { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return { rows: async (sql) => db.prepare(sql).all(), close: async () => db.close() };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { rows: async (sql) => (await client.query(sql)).rows, close: () => client.end() };
}

/** Natural keys that must be unique: a row twice under one of them is a duplicate. */
const KEYS = [
  ['PostingReferrer', ['postingId', 'memberId']],
  ['Referral', ['postingId', 'candidateId']],
  ['Member', ['workspaceId', 'slackUserId']],
  ['Posting', ['workspaceId', 'canonicalUrl']],
  ['CompanyReferrer', ['companyId', 'memberId']],
  ['Share', ['dedupeKey']],
  // One referral reaching the same status twice means two concurrent clicks both "won".
  ['ReferralEvent', ['referralId', 'toStatus']],
];

/** Rows duplicated under each natural key, plus row counts, for the report. */
export async function duplicateReport(db) {
  const duplicates = {};
  const counts = {};
  for (const [table, columns] of KEYS) {
    const cols = columns.map((c) => `"${c}"`).join(', ');
    const dupes = await db.rows(
      `SELECT ${cols}, COUNT(*) AS n FROM "${table}" GROUP BY ${cols} HAVING COUNT(*) > 1`,
    );
    duplicates[table] = dupes.length;
    counts[table] = Number((await db.rows(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n);
  }
  return { duplicates, counts, total: Object.values(duplicates).reduce((a, b) => a + b, 0) };
}

/** The "I can refer" rows as `postingId|slackUserId` keys. */
export async function referrerPairs(db) {
  const rows = await db.rows(
    `SELECT pr."postingId" AS p, m."slackUserId" AS u FROM "PostingReferrer" pr JOIN "Member" m ON m.id = pr."memberId"`,
  );
  return new Set(rows.map((r) => `${r.p}|${r.u}`));
}

/** Referrals with the Slack id of their referrer. */
export async function referralsWithReferrer(db) {
  return db.rows(
    `SELECT r.id AS id, m."slackUserId" AS referrer FROM "Referral" r JOIN "Member" m ON m.id = r."referrerId" ORDER BY r.id`,
  );
}

/** A new, empty PostgreSQL database on the server of `adminUrl`; `drop()` removes it. */
export async function createPostgresDatabase(adminUrl) {
  const name = `vouch_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** How many jobs of the work queue are in each state ({ pending, running, done, failed }). */
export async function jobStates(db) {
  const states = { pending: 0, running: 0, done: 0, failed: 0 };
  for (const row of await db.rows(`SELECT "state" AS s, COUNT(*) AS n FROM "Job" GROUP BY "state"`))
    states[row.s] = Number(row.n);
  return states;
}
