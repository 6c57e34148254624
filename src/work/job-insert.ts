import { randomUUID } from 'node:crypto';
import type { DatabaseProvider } from '../db/database-url.js';

/** What the insert runs on: Prisma's client, or the acceptor thread's own connection. */
export interface RawQueryRunner {
  $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T>;
}

/** A job row as the acknowledgement path writes it (see `insertJobRows`). */
export interface NewJobRow {
  kind: string;
  /** Already hashed (`storedJobKey`). */
  key: string;
  /** Serialised once by the caller: a delivery's raw body is a string, not an object to walk. */
  payloadJson: string;
  state: 'pending' | 'running';
  attempts: number;
  runAfter: Date;
  holder: string | null;
  leaseUntil: Date | null;
}

/** Bound parameters per row; SQLite allows 32,766 per statement, PostgreSQL 65,535. */
const COLUMNS = [
  'id',
  'kind',
  'key',
  'payload',
  'state',
  'attempts',
  'runAfter',
  'holder',
  'leaseUntil',
  'createdAt',
  'updatedAt',
] as const;
const MAX_ROWS_PER_STATEMENT = 1_000;

/**
 * Writes job rows with one multi-row `INSERT … ON CONFLICT ("key") DO NOTHING RETURNING`, and
 * returns the id of each row written by its key; a key missing from the map existed already (a
 * repeated delivery).
 *
 * Why raw SQL here and nowhere else: this is the statement every acknowledgement waits for. Through
 * Prisma's model API (`createManyAndReturn`) a row cost 320–780 µs of CPU, through this statement
 * 100–115 µs, on both databases (bench/findings.md, round 8); and `ON CONFLICT DO NOTHING` tells
 * repeats apart in the same statement, where the model API fails the whole batch on one repeat.
 * It still runs through Prisma (`$queryRawUnsafe`), so it takes its turn on the SQLite connection
 * like any query and never lands inside another caller's interactive transaction.
 *
 * The values are written as Prisma writes them, so the rows read back the same through the model
 * API: on SQLite dates as ISO 8601 text with `+00:00` and JSON as text; on PostgreSQL timestamps
 * and `jsonb`, the state cast to its enum.
 */
export async function insertJobRows(
  db: RawQueryRunner,
  provider: DatabaseProvider,
  rows: readonly NewJobRow[],
  now: Date,
): Promise<Map<string, string>> {
  const written = new Map<string, string>();
  for (let start = 0; start < rows.length; start += MAX_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + MAX_ROWS_PER_STATEMENT);
    const { sql, params } = insertStatement(provider === 'postgresql' ? POSTGRES : SQLITE, chunk, now);
    const returned = await db.$queryRawUnsafe<Array<{ id: string; key: string }>>(sql, ...params);
    for (const row of returned) written.set(row.key, row.id);
  }
  return written;
}

const columnList = COLUMNS.map((column) => `"${column}"`).join(', ');
const tail = 'ON CONFLICT ("key") DO NOTHING RETURNING "id", "key"';

/** How each database takes the values: dates, and the placeholder of the n-th value of a column. */
interface Dialect {
  date(date: Date): unknown;
  placeholder(n: number, column: (typeof COLUMNS)[number]): string;
}

const SQLITE: Dialect = {
  // The text format Prisma's SQLite adapter writes and compares (`…T16:50:46.372+00:00`).
  date: (date) => `${date.toISOString().slice(0, -1)}+00:00`,
  placeholder: () => '?',
};

/** PostgreSQL: timestamps as they are, the payload parsed by the server into `jsonb`, the state into its enum. */
const POSTGRES_CASTS: Partial<Record<(typeof COLUMNS)[number], string>> = {
  payload: '::jsonb',
  state: '::"JobState"',
};
const POSTGRES: Dialect = {
  date: (date) => date,
  placeholder: (n, column) => `$${n}${POSTGRES_CASTS[column] ?? ''}`,
};

function insertStatement(
  dialect: Dialect,
  rows: readonly NewJobRow[],
  now: Date,
): { sql: string; params: unknown[] } {
  const at = dialect.date(now);
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const first = params.length;
    params.push(
      randomUUID(),
      row.kind,
      row.key,
      row.payloadJson,
      row.state,
      row.attempts,
      dialect.date(row.runAfter),
      row.holder,
      row.leaseUntil === null ? null : dialect.date(row.leaseUntil),
      at,
      at,
    );
    tuples.push(`(${COLUMNS.map((column, i) => dialect.placeholder(first + i + 1, column)).join(', ')})`);
  }
  return { sql: `INSERT INTO "Job" (${columnList}) VALUES ${tuples.join(', ')} ${tail}`, params };
}
