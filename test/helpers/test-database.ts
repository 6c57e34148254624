import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { createDatabase, type Database } from '../../src/db/client.js';
import type { DbLogger } from '../../src/db/db-logger.js';

/** The databases the suite runs on. */
export type DatabaseKind = 'sqlite' | 'postgresql';

/** A fresh, migrated database of its own; `cleanup` closes it and deletes it. */
export interface TestDatabase {
  kind: DatabaseKind;
  url: string;
  db: Database;
  cleanup(): Promise<void>;
}

/** Set to run the PostgreSQL half of the suite (trust auth on a local server is enough). */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL;
const POSTGRES_HINT = 'set TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test';

/** A logger that keeps what it was told, for assertions on warnings. */
export interface RecordingLogger extends DbLogger {
  entries: Array<{ level: 'info' | 'warn' | 'error'; details: object; message: string | undefined }>;
}

export function createRecordingLogger(): RecordingLogger {
  const entries: RecordingLogger['entries'] = [];
  return {
    entries,
    info: (details, message) => entries.push({ level: 'info', details, message }),
    warn: (details, message) => entries.push({ level: 'warn', details, message }),
    error: (details, message) => entries.push({ level: 'error', details, message }),
  };
}

/**
 * An empty database of `kind` that nothing else uses: a SQLite file in a new temp folder, or a new
 * uniquely named DATABASE on TEST_POSTGRES_URL's server (so parallel test files never meet).
 * Not migrated: see {@link createTestDatabase}.
 */
export async function createEmptyTestDatabase(
  kind: DatabaseKind,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'vouch-test-db-'));
    return {
      url: `file:${path.join(dir, 'vouch.db')}`,
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  if (!TEST_POSTGRES_URL) throw new Error(`PostgreSQL test database requested: ${POSTGRES_HINT}`);
  const name = `vouch_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () =>
      withAdminClient(async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

async function withAdminClient<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** A fresh database of `kind`, migrated with the committed migrations. */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { logger?: DbLogger } = {},
): Promise<TestDatabase> {
  const empty = await createEmptyTestDatabase(kind);
  const db = await createDatabase({ url: empty.url, logger: options.logger ?? createRecordingLogger() });
  try {
    await db.migrate();
  } catch (error) {
    await db.close();
    await empty.drop();
    throw error;
  }
  let cleaned: Promise<void> | undefined;
  return {
    kind,
    url: empty.url,
    db,
    cleanup() {
      cleaned ??= db.close().then(empty.drop);
      return cleaned;
    },
  };
}

let warned = false;

/**
 * Describes `fn` once per database: always on SQLite; on PostgreSQL when TEST_POSTGRES_URL is set,
 * otherwise the PostgreSQL suite is registered as skipped and a warning says how to run it.
 */
export function describeEachDatabase(name: string, fn: (kind: DatabaseKind) => void): void {
  describe(`${name} [sqlite]`, () => fn('sqlite'));
  if (TEST_POSTGRES_URL) {
    describe(`${name} [postgresql]`, () => fn('postgresql'));
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(`PostgreSQL tests skipped: ${POSTGRES_HINT}`);
  }
  describe.skip(`${name} [postgresql]`, () => fn('postgresql'));
}
