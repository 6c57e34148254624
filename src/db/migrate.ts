import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { DatabaseError, describeCause } from './database-error.js';
import type { DatabaseProvider, DatabaseUrl } from './database-url.js';
import type { DbLogger } from './db-logger.js';

/*
 * Applies prisma/<provider>/migrations the way `prisma migrate deploy` does, so a real
 * `prisma migrate status` (or the schema engine's diagnoseMigrationHistory) agrees with us.
 *
 * Why it replaces `prisma migrate deploy`: every migrate command of Prisma 7 needs Prisma's native
 * schema engine, which the CLI downloads from Prisma's binary host at run time; a machine (or an
 * image) that reaches only the npm registry cannot run it, and Prisma 7 has no JS engine for
 * migrations. What would let it go: a Prisma release whose `migrate deploy` runs without a
 * downloaded engine on Node 20 (the 8.x candidates need Node 22.18), or an engine shipped in the npm
 * package. See prisma/README.md.
 * Source of truth, prisma-engines: schema-engine/core/src/commands/apply_migrations.rs,
 * sql-schema-connector/src/sql_migration_persistence.rs, schema-connector/src/checksum.rs.
 */

/** The key Prisma's engine passes to pg_advisory_lock, so we and a real `migrate deploy` exclude each other. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

/** How long SQLite waits for another writer before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Prisma's `_prisma_migrations` DDL, byte for byte per provider. */
export const MIGRATIONS_TABLE_DDL: Record<DatabaseProvider, string> = {
  sqlite: `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`,
  postgresql: `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`,
};

/** One `migrations/<name>/migration.sql` on disk. */
export interface MigrationFile {
  name: string;
  script: string;
  /** Hex SHA-256 of the script, as Prisma stores it. */
  checksum: string;
}

/** One row of `_prisma_migrations`, as far as the runner needs it. */
export interface MigrationRecord {
  id: string;
  name: string;
  checksum: string;
  startedAt: string;
  finished: boolean;
  rolledBack: boolean;
  logs: string | null;
}

/** What `applyMigrations` did. */
export interface MigrationOutcome {
  /** Names of the migrations applied by this call, in order (empty when up to date). */
  applied: string[];
}

/** The committed migrations folder of a provider: `prisma/sqlite/migrations` or `prisma/postgres/migrations`. */
export function defaultMigrationsDir(provider: DatabaseProvider): string {
  // Two levels up from src/db or dist/db is the project root, in a checkout and in the image.
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  return path.join(root, 'prisma', provider === 'sqlite' ? 'sqlite' : 'postgres', 'migrations');
}

/** Hex SHA-256 of a migration script: Prisma's `checksum` column. */
export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

/**
 * Whether a script matches a recorded checksum, line-ending agnostic as Prisma is (a checkout on
 * Windows must not look edited).
 */
export function checksumMatches(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\n', '\r\n')];
  return variants.some((variant) => migrationChecksum(variant) === checksum);
}

/**
 * Reads a migrations folder in name order. Checks `migration_lock.toml` names `provider` (Prisma
 * refuses migrations written for another database), and that every folder has a migration.sql.
 */
export async function readMigrations(dir: string, provider: DatabaseProvider): Promise<MigrationFile[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new DatabaseError(
      'migration_failed',
      `cannot read migrations folder ${dir}: ${describeCause(error)}`,
      {
        cause: error,
      },
    );
  }
  const lock = await readFile(path.join(dir, 'migration_lock.toml'), 'utf8').catch(() => undefined);
  const locked = lock === undefined ? undefined : /provider\s*=\s*"([^"]+)"/.exec(lock)?.[1];
  if (locked !== undefined && locked !== provider) {
    throw new DatabaseError(
      'migration_failed',
      `migrations in ${dir} were written for ${locked}, not ${provider} (migration_lock.toml)`,
    );
  }
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name, 'migration.sql');
    const script = await readFile(file, 'utf8').catch((error: unknown) => {
      throw new DatabaseError('migration_failed', `cannot read ${file}: ${describeCause(error)}`, {
        cause: error,
      });
    });
    files.push({ name, script, checksum: migrationChecksum(script) });
  }
  return files;
}

/** Options of {@link applyMigrations}. */
export interface ApplyMigrationsOptions {
  url: DatabaseUrl;
  logger: DbLogger;
  /** Defaults to {@link defaultMigrationsDir} of the URL's provider. */
  migrationsDir?: string;
}

/**
 * Brings the database up to date with the committed migrations, bookkeeping exactly like
 * `prisma migrate deploy`: `_prisma_migrations` with Prisma's DDL, a row inserted before and
 * finished after each script, each script executed whole (SQLite outside a transaction, because
 * Prisma's table rebuilds toggle `PRAGMA foreign_keys`), PostgreSQL under Prisma's advisory lock.
 *
 * Refuses to go on past a failed migration (finished_at and rolled_back_at both NULL), like Prisma.
 * An already-applied migration whose file changed is reported with a warning and not re-run (Prisma's
 * `migrate deploy` ignores it; `migrate status` reports it).
 *
 * @throws DatabaseError `unreachable` when the database cannot be opened, `migration_failed` otherwise.
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<MigrationOutcome> {
  const { url, logger } = options;
  const migrations = await readMigrations(
    options.migrationsDir ?? defaultMigrationsDir(url.provider),
    url.provider,
  );
  const connection = await openMigrationConnection(url);
  try {
    return await applyWith(connection, migrations, logger, url.display);
  } finally {
    await connection.close();
  }
}

async function applyWith(
  connection: MigrationConnection,
  migrations: MigrationFile[],
  logger: DbLogger,
  where: string,
): Promise<MigrationOutcome> {
  const tables = await connection.tableNames();
  if (!tables.includes('_prisma_migrations')) {
    // Prisma's P3005: never run the first migration over tables it did not create.
    const foreign = tables.filter((name) => !name.startsWith('sqlite_'));
    if (foreign.length > 0) {
      throw new DatabaseError(
        'migration_failed',
        `database ${where} is not empty and has no migration history (found ${foreign.slice(0, 3).join(', ')}); use an empty database`,
      );
    }
    await connection.createMigrationsTable();
  }

  const records = await connection.listRecords();
  const failed = records.filter((record) => !record.finished && !record.rolledBack);
  if (failed.length > 0) {
    const names = failed.map((record) => record.name).join(', ');
    throw new DatabaseError(
      'migration_failed',
      `migration ${names} failed earlier and blocks new migrations; fix the database by hand, then mark it rolled back (see prisma/README.md)`,
    );
  }

  const live = records.filter((record) => !record.rolledBack);
  const onDisk = new Set(migrations.map((migration) => migration.name));
  for (const record of live) {
    const file = migrations.find((migration) => migration.name === record.name);
    if (file && !checksumMatches(file.script, record.checksum)) {
      logger.warn(
        { migration: record.name },
        `migration ${record.name} was modified after it was applied; the change is NOT applied (write a new migration instead)`,
      );
    }
    if (!onDisk.has(record.name)) {
      logger.warn(
        { migration: record.name },
        `migration ${record.name} is applied but missing from the migrations folder`,
      );
    }
  }

  const appliedNames = new Set(live.map((record) => record.name));
  const pending = migrations.filter((migration) => !appliedNames.has(migration.name));
  const applied: string[] = [];
  for (const migration of pending) {
    logger.info({ migration: migration.name }, 'applying migration');
    const id = randomUUID();
    await connection.recordStarted(id, migration.name, migration.checksum);
    try {
      await connection.runScript(migration.script);
    } catch (error) {
      const cause = describeCause(error);
      await connection.recordFailed(id, cause);
      logger.error({ migration: migration.name, err: error }, 'migration failed');
      throw new DatabaseError('migration_failed', `migration ${migration.name} failed: ${cause}`, {
        cause: error,
      });
    }
    await connection.recordFinished(id);
    applied.push(migration.name);
  }
  return { applied };
}

/** The few operations the runner needs, on one connection of either database. */
interface MigrationConnection {
  tableNames(): Promise<string[]>;
  createMigrationsTable(): Promise<void>;
  listRecords(): Promise<MigrationRecord[]>;
  recordStarted(id: string, name: string, checksum: string): Promise<void>;
  /** applied_steps_count + 1 and finished_at = now, as Prisma's record_successful_step + record_migration_finished. */
  recordFinished(id: string): Promise<void>;
  recordFailed(id: string, logs: string): Promise<void>;
  runScript(script: string): Promise<void>;
  close(): Promise<void>;
}

async function openMigrationConnection(url: DatabaseUrl): Promise<MigrationConnection> {
  return url.provider === 'sqlite' ? openSqlite(url.filePath, url.display) : openPostgres(url);
}

interface RawRecord {
  id: string;
  migration_name: string;
  checksum: string;
  started_at: unknown;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: string | null;
}

function toRecord(row: RawRecord): MigrationRecord {
  const started = row.started_at;
  return {
    id: row.id,
    name: row.migration_name,
    checksum: row.checksum,
    startedAt:
      started instanceof Date
        ? started.toISOString()
        : typeof started === 'number'
          ? new Date(started).toISOString()
          : String(started),
    finished: row.finished_at !== null,
    rolledBack: row.rolled_back_at !== null,
    logs: row.logs,
  };
}

const SELECT_RECORDS =
  'SELECT id, migration_name, checksum, started_at, finished_at, rolled_back_at, logs FROM _prisma_migrations ORDER BY started_at ASC';

/**
 * Opens the SQLite file (creating its folder) with WAL and a busy timeout. WAL is a property of the
 * file, so setting it here once also serves the application's connection.
 */
export function openSqliteFile(filePath: string): BetterSqlite3.Database {
  mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new BetterSqlite3(filePath, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  db.pragma('journal_mode = WAL');
  return db;
}

function openSqlite(filePath: string, display: string): MigrationConnection {
  let db: BetterSqlite3.Database;
  try {
    db = openSqliteFile(filePath);
  } catch (error) {
    throw new DatabaseError(
      'unreachable',
      `cannot open SQLite database ${display}: ${describeCause(error)}`,
      {
        cause: error,
      },
    );
  }
  // Prisma stores SQLite timestamps as integer milliseconds since the epoch.
  return {
    async tableNames() {
      const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[];
      return rows.map((row) => row.name);
    },
    async createMigrationsTable() {
      db.exec(MIGRATIONS_TABLE_DDL.sqlite);
    },
    async listRecords() {
      return (db.prepare(SELECT_RECORDS).all() as RawRecord[]).map(toRecord);
    },
    async recordStarted(id, name, checksum) {
      db.prepare(
        'INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES (?, ?, ?, ?)',
      ).run(id, checksum, Date.now(), name);
    },
    async recordFinished(id) {
      db.prepare(
        'UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1 WHERE id = ?',
      ).run(id);
      db.prepare('UPDATE _prisma_migrations SET finished_at = ? WHERE id = ?').run(Date.now(), id);
    },
    async recordFailed(id, logs) {
      db.prepare('UPDATE _prisma_migrations SET logs = ? WHERE id = ?').run(logs, id);
    },
    async runScript(script) {
      db.exec(script);
    },
    async close() {
      db.close();
    },
  };
}

async function openPostgres(
  url: Extract<DatabaseUrl, { provider: 'postgresql' }>,
): Promise<MigrationConnection> {
  const client = new pg.Client({ connectionString: url.connectionString, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server emits 'error'; without a listener that would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new DatabaseError(
      'unreachable',
      `cannot reach PostgreSQL at ${url.display}: ${describeCause(error)}`,
      {
        cause: error,
      },
    );
  }
  const schema = `"${url.schema.replaceAll('"', '""')}"`;
  try {
    // A session lock on this one connection: a second replica waits here until we are done.
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new DatabaseError(
      'migration_failed',
      `cannot prepare PostgreSQL ${url.display} for migrations: ${describeCause(error)}`,
      {
        cause: error,
      },
    );
  }
  return {
    async tableNames() {
      const result = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'",
        [url.schema],
      );
      return result.rows.map((row) => row.table_name);
    },
    async createMigrationsTable() {
      await client.query(MIGRATIONS_TABLE_DDL.postgresql);
    },
    async listRecords() {
      return (await client.query<RawRecord>(SELECT_RECORDS)).rows.map(toRecord);
    },
    async recordStarted(id, name, checksum) {
      await client.query(
        'INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES ($1, $2, $3, $4)',
        [id, checksum, new Date(), name],
      );
    },
    async recordFinished(id) {
      await client.query(
        'UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1 WHERE id = $1',
        [id],
      );
      await client.query('UPDATE _prisma_migrations SET finished_at = $1 WHERE id = $2', [new Date(), id]);
    },
    async recordFailed(id, logs) {
      await client.query('UPDATE _prisma_migrations SET logs = $1 WHERE id = $2', [logs, id]);
    },
    async runScript(script) {
      // No parameters: pg uses the simple query protocol, which runs a multi-statement script whole
      // (and, like Prisma's raw_cmd, in one implicit transaction).
      await client.query(script);
    },
    async close() {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
