import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  diagnoseMigrationHistory,
  NO_FILTERS,
  openSchemaEngine,
} from '../../../scripts/lib/schema-engine.mjs';
import { createDatabase, type Database } from '../../../src/db/client.js';
import { DatabaseError } from '../../../src/db/database-error.js';
import { parseDatabaseUrl } from '../../../src/db/database-url.js';
import { defaultMigrationsDir } from '../../../src/db/migrate.js';
import {
  createEmptyTestDatabase,
  createRecordingLogger,
  type DatabaseKind,
  describeEachDatabase,
} from '../../helpers/test-database.js';

const root = path.resolve(import.meta.dirname, '../../..');
const folderOf = (kind: DatabaseKind) => path.join(root, 'prisma', kind === 'sqlite' ? 'sqlite' : 'postgres');

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: unknown;
  migration_name: string;
  logs: string | null;
  rolled_back_at: unknown;
  started_at: unknown;
  applied_steps_count: number | bigint;
}

function engineTarget(url: string) {
  const parsed = parseDatabaseUrl(url);
  return parsed.provider === 'sqlite'
    ? ({ provider: 'sqlite', filePath: parsed.filePath } as const)
    : ({ provider: 'postgresql', connectionString: parsed.connectionString } as const);
}

describeEachDatabase('migrations', (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** An empty database, opened on `migrationsDir` (default: the committed folder). */
  async function openEmpty(migrationsDir?: string) {
    const empty = await createEmptyTestDatabase(kind);
    const logger = createRecordingLogger();
    const db = await createDatabase({ url: empty.url, logger, ...(migrationsDir ? { migrationsDir } : {}) });
    cleanups.push(empty.drop, () => db.close());
    return { url: empty.url, db, logger };
  }

  /** A copy of the committed migrations folder that a test may change. */
  async function copyOfMigrations(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'vouch-migrations-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(defaultMigrationsDir(kind), dir, { recursive: true });
    return dir;
  }

  const rows = (db: Database) =>
    db.prisma.$queryRawUnsafe<MigrationRow[]>('SELECT * FROM _prisma_migrations ORDER BY migration_name');

  const statusOf = (url: string, migrationsDir = defaultMigrationsDir(kind)) =>
    diagnoseMigrationHistory(engineTarget(url), {
      schemaPath: path.join(folderOf(kind), 'schema.prisma'),
      migrationsDir,
    });

  it('applies every committed migration to an empty database and records each like prisma migrate deploy', async () => {
    const { db } = await openEmpty();
    const committed = (await readdir(defaultMigrationsDir(kind), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(committed.length).toBeGreaterThan(0);

    const { applied } = await db.migrate();

    expect(applied).toEqual(committed);
    const recorded = await rows(db);
    expect(recorded.map((row) => row.migration_name)).toEqual(committed);
    for (const row of recorded) {
      const bytes = await readFile(
        path.join(defaultMigrationsDir(kind), row.migration_name, 'migration.sql'),
      );
      expect(row.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
  });

  it('applies nothing the second time', async () => {
    const { db } = await openEmpty();
    await db.migrate();
    const before = await rows(db);

    expect(await db.migrate()).toEqual({ applied: [] });
    expect(await rows(db)).toEqual(before);
  });

  it("is seen as up to date by Prisma's own schema engine (what `prisma migrate status` reports)", async () => {
    const { url, db } = await openEmpty();
    await db.migrate();

    expect(await statusOf(url)).toEqual({
      hasMigrationsTable: true,
      history: null,
      failedMigrationNames: [],
      editedMigrationNames: [],
    });
  });

  it("and Prisma's engine and the runner agree on which migration is still pending", async () => {
    const migrationsDir = await copyOfMigrations();
    const { url, db } = await openEmpty(migrationsDir);
    await db.migrate();
    const next = '29990101000000_add_note';
    await mkdir(path.join(migrationsDir, next));
    await writeFile(path.join(migrationsDir, next, 'migration.sql'), 'CREATE TABLE "Note" ("id" INTEGER);\n');

    expect((await statusOf(url, migrationsDir)).history).toEqual({
      diagnostic: 'databaseIsBehind',
      unappliedMigrationNames: [next],
    });
    expect(await db.migrate()).toEqual({ applied: [next] });
    expect((await statusOf(url, migrationsDir)).history).toBeNull();
  });

  it('produces exactly the schema in schema.prisma (no migration is missing)', async () => {
    const { url, db } = await openEmpty();
    await db.migrate();
    const schemaPath = path.join(folderOf(kind), 'schema.prisma');
    const schema = await readFile(schemaPath, 'utf8');
    const { engine, close } = await openSchemaEngine(engineTarget(url), { schemaPath, schema });
    try {
      const diff = await engine.diff({
        from: { tag: 'schemaDatasource', files: [{ path: schemaPath, content: schema }], configDir: root },
        to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      expect(diff.stdout?.trim()).toBe('-- This is an empty migration.');
    } finally {
      await close();
    }
  });

  it('warns about an applied migration whose file was edited, and does not re-run it', async () => {
    const migrationsDir = await copyOfMigrations();
    const { url, db, logger } = await openEmpty(migrationsDir);
    const { applied } = await db.migrate();
    const first = applied[0]!;
    await appendFile(path.join(migrationsDir, first, 'migration.sql'), '\n-- edited after the fact\n');

    expect(await db.migrate()).toEqual({ applied: [] });

    const warnings = logger.entries.filter((entry) => entry.level === 'warn');
    expect(warnings).toEqual([
      expect.objectContaining({
        details: { migration: first },
        message: expect.stringContaining('was modified'),
      }),
    ]);
    expect((await statusOf(url, migrationsDir)).editedMigrationNames).toEqual([first]);
  });

  it('does not count a checkout with CRLF line endings as edited, like Prisma', async () => {
    const migrationsDir = await copyOfMigrations();
    const { db, logger } = await openEmpty(migrationsDir);
    const [first] = (await db.migrate()).applied;
    const file = path.join(migrationsDir, first!, 'migration.sql');
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('\n', '\r\n'));

    expect(await db.migrate()).toEqual({ applied: [] });
    expect(logger.entries.filter((entry) => entry.level === 'warn')).toEqual([]);
  });

  it('records a failing migration as failed and refuses to migrate past it until it is rolled back', async () => {
    const migrationsDir = await copyOfMigrations();
    const broken = '29990101000000_broken';
    await mkdir(path.join(migrationsDir, broken));
    await writeFile(path.join(migrationsDir, broken, 'migration.sql'), 'SELECT * FROM "NoSuchTable";\n');
    const { url, db } = await openEmpty(migrationsDir);

    const failure = await db.migrate().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseError);
    expect(failure).toMatchObject({ code: 'migration_failed', message: expect.stringContaining(broken) });
    expect((failure as Error).message).not.toContain('\n');

    const row = (await rows(db)).find((candidate) => candidate.migration_name === broken)!;
    expect(row.finished_at).toBeNull();
    expect(row.logs).toMatch(/NoSuchTable/);
    expect((await statusOf(url, migrationsDir)).failedMigrationNames).toEqual([broken]);

    // Fixing the file is not enough: the failed row blocks every later run, as in Prisma.
    await writeFile(
      path.join(migrationsDir, broken, 'migration.sql'),
      'CREATE TABLE "Fixed" ("id" INTEGER);\n',
    );
    await expect(db.migrate()).rejects.toMatchObject({
      code: 'migration_failed',
      message: expect.stringContaining('failed earlier'),
    });

    // What `prisma migrate resolve --rolled-back` does; then the fixed migration applies.
    await db.prisma.$executeRawUnsafe(
      `UPDATE _prisma_migrations SET rolled_back_at = ${kind === 'sqlite' ? Date.now() : 'now()'} WHERE migration_name = '${broken}'`,
    );
    expect(await db.migrate()).toEqual({ applied: [broken] });
    expect((await statusOf(url, migrationsDir)).history).toBeNull();
  });

  it('refuses to migrate a non-empty database that has no migration history', async () => {
    const { db } = await openEmpty();
    await db.prisma.$executeRawUnsafe('CREATE TABLE "SomethingElse" ("id" INTEGER)');

    await expect(db.migrate()).rejects.toMatchObject({
      code: 'migration_failed',
      message: expect.stringContaining('not empty'),
    });
  });
});

describe('committed migrations', () => {
  it('are generated for both databases under the same names', async () => {
    const names = async (kind: DatabaseKind) =>
      (await readdir(defaultMigrationsDir(kind), { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
    expect(await names('postgresql')).toEqual(await names('sqlite'));
  });

  it('are locked to their provider', async () => {
    const lock = (kind: DatabaseKind) =>
      readFile(path.join(defaultMigrationsDir(kind), 'migration_lock.toml'), 'utf8');
    expect(await lock('sqlite')).toContain('provider = "sqlite"');
    expect(await lock('postgresql')).toContain('provider = "postgresql"');
  });
});
