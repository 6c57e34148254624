import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type * as PostgresModels from '../generated/postgres/client.js';
import { PrismaClient as PostgresPrismaClient } from '../generated/postgres/client.js';
import type * as SqliteModels from '../generated/sqlite/client.js';
import { PrismaClient as SqlitePrismaClient } from '../generated/sqlite/client.js';
import { DatabaseError, describeCause } from './database-error.js';
import { type DatabaseProvider, type DatabaseUrl, parseDatabaseUrl } from './database-url.js';
import type { DbLogger } from './db-logger.js';
import { applyMigrations, type MigrationOutcome, openSqliteFile, SQLITE_BUSY_TIMEOUT_MS } from './migrate.js';
import { sqlitePragmasFactory } from './sqlite-pragmas.js';
import { statementCachingFactory } from './statement-cache.js';
import { type WaitForTurn, yieldingAdapterFactory } from './yielding-adapter.js';

/**
 * The one Prisma client type application code is written against. Both generated clients come from
 * the same models, so the PostgreSQL client is used through this type too.
 */
export type Db = SqlitePrismaClient;

/*
 * Why the PostgreSQL client is cast to `Db`: both clients are generated from the same models, and the
 * PostgreSQL one only accepts MORE (case-insensitive `mode`, JSON paths as arrays, `skipDuplicates`),
 * but TypeScript cannot relate the deferred conditional types of two separately generated namespaces,
 * so plain assignment fails. What we can check at compile time is that every model's row type and every
 * enum is identical; the integration suite then runs the same code through `Db` on both databases.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AssertTrue<T extends true> = T;
type RowTypes<M extends typeof SqliteModels | typeof PostgresModels> = M extends typeof SqliteModels
  ? [
      SqliteModels.Workspace,
      SqliteModels.Member,
      SqliteModels.Company,
      SqliteModels.CompanyReferrer,
      SqliteModels.Posting,
      SqliteModels.PostingReferrer,
      SqliteModels.Share,
      SqliteModels.Referral,
      SqliteModels.ReferralEvent,
      SqliteModels.ProcessedEvent,
      SqliteModels.Reminder,
      SqliteModels.JobLease,
      SqliteModels.Tag,
      SqliteModels.Prisma.ModelName,
      SqliteModels.PostingStatus,
      SqliteModels.ShareSource,
      SqliteModels.ReferralStatus,
      SqliteModels.TagRole,
    ]
  : [
      PostgresModels.Workspace,
      PostgresModels.Member,
      PostgresModels.Company,
      PostgresModels.CompanyReferrer,
      PostgresModels.Posting,
      PostgresModels.PostingReferrer,
      PostgresModels.Share,
      PostgresModels.Referral,
      PostgresModels.ReferralEvent,
      PostgresModels.ProcessedEvent,
      PostgresModels.Reminder,
      PostgresModels.JobLease,
      PostgresModels.Tag,
      PostgresModels.Prisma.ModelName,
      PostgresModels.PostingStatus,
      PostgresModels.ShareSource,
      PostgresModels.ReferralStatus,
      PostgresModels.TagRole,
    ];
/** Fails to compile when the two schemas drift apart (run `npm run db:sync-schema`). */
export type ClientsShareModels = AssertTrue<
  Same<RowTypes<typeof SqliteModels>, RowTypes<typeof PostgresModels>>
>;

/** A connected database: the Prisma client plus the operations start-up and health checks need. */
export interface Database {
  prisma: Db;
  provider: DatabaseProvider;
  /** host:port/db or the SQLite file path; safe to log. */
  display: string;
  /** Applies pending migrations (see src/db/migrate.ts). @throws DatabaseError */
  migrate(): Promise<MigrationOutcome>;
  /** true when a trivial query succeeds; never throws. */
  ping(): Promise<boolean>;
  /** Disconnects. Safe to call twice. */
  close(): Promise<void>;
}

/** Options of {@link createDatabase}. */
export interface CreateDatabaseOptions {
  /** DATABASE_URL: `file:./data/vouch.db` or `postgresql://…`. */
  url: string;
  logger: DbLogger;
  /** Overrides the committed migrations folder (tests). */
  migrationsDir?: string;
  /** Working directory that `file:` paths are relative to; defaults to process.cwd(). */
  cwd?: string;
  /** SQLite: what each statement waits for first (the app's turn queue); the next event-loop turn by default. */
  waitForTurn?: WaitForTurn;
}

/**
 * How long a query may wait for a pooled PostgreSQL connection (pg counts queueing for a free
 * connection in this too). Long enough that a burst of clicks queues instead of failing; readiness
 * checks use their own short limit, and an unreachable server at start fails in the migration step.
 */
const PG_POOL_WAIT_MS = 30_000;
const PG_POOL_SIZE = 20;
/** Readiness must answer fast even when the database does not. */
const PING_TIMEOUT_MS = 3_000;

/**
 * Builds the database for DATABASE_URL. Nothing is migrated here (call `migrate()`); PostgreSQL
 * connects lazily, so an unreachable server surfaces from `migrate()` or `ping()`.
 *
 * SQLite: the file's folder is created, the file switched to WAL and every connection given a busy
 * timeout, so concurrent writers wait instead of failing with SQLITE_BUSY.
 *
 * @throws DatabaseError `invalid_url` for a URL that is neither `file:` nor `postgres(ql)://`,
 *   `unreachable` when the SQLite file cannot be opened.
 */
export async function createDatabase(options: CreateDatabaseOptions): Promise<Database> {
  const url = parseDatabaseUrl(options.url, options.cwd);
  const prisma = createPrismaClient(url, options.waitForTurn);
  let closed: Promise<void> | undefined;
  return {
    prisma,
    provider: url.provider,
    display: url.display,
    migrate: () =>
      applyMigrations({
        url,
        logger: options.logger,
        ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}),
      }),
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('ping timed out')), PING_TIMEOUT_MS);
        });
        const query = prisma.$queryRawUnsafe('SELECT 1');
        query.catch(() => undefined); // a late failure after the timeout is not worth a warning
        await Promise.race([query, timeout]);
        return true;
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      closed ??= prisma.$disconnect();
      return closed;
    },
  };
}

function createPrismaClient(url: DatabaseUrl, waitForTurn: WaitForTurn | undefined): Db {
  if (url.provider === 'sqlite') {
    try {
      openSqliteFile(url.filePath).close();
    } catch (error) {
      throw new DatabaseError(
        'unreachable',
        `cannot open SQLite database ${url.display}: ${describeCause(error)}`,
        {
          cause: error,
        },
      );
    }
    return new SqlitePrismaClient({
      adapter: yieldingAdapterFactory(
        statementCachingFactory(
          sqlitePragmasFactory(
            new PrismaBetterSqlite3({ url: url.filePath, timeout: SQLITE_BUSY_TIMEOUT_MS }),
          ),
        ),
        waitForTurn,
      ),
    });
  }
  const adapter = new PrismaPg(
    { connectionString: url.connectionString, connectionTimeoutMillis: PG_POOL_WAIT_MS, max: PG_POOL_SIZE },
    { schema: url.schema },
  );
  return new PostgresPrismaClient({ adapter }) as unknown as Db;
}
