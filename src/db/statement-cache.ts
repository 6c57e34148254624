import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { createRecentMap } from '../runtime/recent-map.js';
import { onEachConnection } from './each-connection.js';

/** The parts of a better-sqlite3 statement that Prisma's adapter uses. */
interface SqliteStatement {
  readonly reader: boolean;
  run(...params: unknown[]): unknown;
  columns(): unknown[];
  raw(toggle?: boolean): { all(...params: unknown[]): unknown[] };
}
interface SqliteClient {
  prepare(sql: string): SqliteStatement;
}

/**
 * Prisma's better-sqlite3 adapter prepares every statement anew (`db.prepare(sql).bind(args)`), and
 * a better-sqlite3 statement can be bound only once. Preparing was ≈ 6 % of the app's time under click
 * load (bench/findings.md). This keeps the last `max` prepared statements by SQL text and hands the
 * adapter a light view that passes the arguments at execution instead of binding them.
 *
 * Safe because better-sqlite3 runs each statement to completion synchronously: two uses of one cached
 * statement can never interleave.
 *
 * What would let it go: Prisma's adapter reusing prepared statements itself (see README.md).
 */
export function statementCachingFactory(
  factory: SqlDriverAdapterFactory,
  max = 256,
): SqlDriverAdapterFactory {
  return onEachConnection(factory, (adapter) => {
    const client = (adapter as SqlDriverAdapter & { client?: SqliteClient }).client;
    if (client !== undefined && typeof client.prepare === 'function') cacheStatements(client, max);
    return adapter;
  });
}

export function cacheStatements(client: SqliteClient, max: number): void {
  const prepare = client.prepare.bind(client);
  const cache = createRecentMap<string, Reusable>({ max });
  client.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = reusable(prepare(sql));
      cache.set(sql, statement);
    }
    return statement;
  };
}

type Reusable = SqliteStatement & { bind(...params: unknown[]): SqliteStatement };

function reusable(statement: SqliteStatement): Reusable {
  // A prepared statement's result columns are fixed (SQLite re-prepares it if the schema changes,
  // and the cache is per connection), so they are read once, not on every execution.
  let columns: unknown[] | undefined;
  const columnsOf = () => {
    columns ??= statement.columns();
    return columns;
  };
  const withParams = (params: unknown[]): SqliteStatement => ({
    reader: statement.reader,
    run: () => statement.run(...params),
    columns: columnsOf,
    raw: () => ({ all: () => statement.raw(true).all(...params) }),
  });
  return {
    reader: statement.reader,
    run: (...params) => statement.run(...params),
    columns: columnsOf,
    raw: (toggle) => statement.raw(toggle),
    bind: (...params) => withParams(params),
  };
}
