/**
 * Prisma's schema engine, WASM build (@prisma/schema-engine-wasm, pinned to the engines hash of our
 * prisma release), driven through a driver adapter. Dev and test tooling only: it is an internal
 * Prisma API, never loaded by the app. Types: ./schema-engine.d.mts. See prisma/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';

/** @type {Promise<typeof bindings.SchemaEngine> | undefined} */
let loading;

/** Node 20 cannot `import` a .wasm module: instantiate it by hand, as the package's entry point would. */
function loadSchemaEngine() {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('@prisma/schema-engine-wasm');
    const bytes = readFileSync(path.join(path.dirname(entry), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
    bindings.__wbg_set_wasm(instance.exports);
    /** @type {any} */ (instance.exports).__wbindgen_start();
    return bindings.SchemaEngine;
  })();
  return loading;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * adapter-pg refuses PostgreSQL's internal `"char"` type (OID 18), which the engine reads from
 * pg_catalog (relkind, contype, …) when it describes a schema. Its value is one character of text:
 * report such columns as text. adapter-pg always calls `query(config)` and awaits it, on the pool or
 * on a pooled client inside a transaction; other call forms pass through untouched.
 * @param {any} pending what pg's own `query` returned
 * @param {number} argumentCount
 */
function charAsText(pending, argumentCount) {
  if (argumentCount !== 1 || !pending || typeof pending.then !== 'function') return pending;
  return pending.then((/** @type {any} */ result) => {
    for (const field of result?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return result;
  });
}

class CharAsTextClient extends pg.Client {
  /** @param {any[]} args */
  query(...args) {
    return charAsText(/** @type {any} */ (super.query)(...args), args.length);
  }
}

class CharAsTextPool extends pg.Pool {
  /** @param {any[]} args */
  query(...args) {
    return charAsText(/** @type {any} */ (super.query)(...args), args.length);
  }
}

/**
 * Starts an engine on one database; close it when done.
 * @param {import('./schema-engine.d.mts').EngineTarget} target
 * @param {{ schemaPath: string, schema: string }} datamodel the schema.prisma in use
 */
export async function openSchemaEngine(target, datamodel) {
  const SchemaEngine = await loadSchemaEngine();
  const pool =
    target.provider === 'postgresql'
      ? new CharAsTextPool({ connectionString: target.connectionString, Client: CharAsTextClient })
      : undefined;
  const factory = pool
    ? new PrismaPg(pool)
    : new PrismaBetterSqlite3({ url: /** @type {any} */ (target).filePath });
  const engine = await SchemaEngine.new(
    { datamodels: [[datamodel.schemaPath, datamodel.schema]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    async close() {
      engine.free();
      await pool?.end();
    },
  };
}

/**
 * Reads a migrations folder in the shape the engine takes (`MigrationList`), as Prisma's CLI does.
 * @param {string} migrationsDir absolute path of prisma/<provider>/migrations
 */
export function readMigrationList(migrationsDir) {
  let lockfile = null;
  try {
    lockfile = readFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'utf8');
  } catch {
    // no lockfile yet
  }
  const names = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lockfile },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: /** @type {const} */ ({
          tag: 'ok',
          value: readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8'),
        }),
      },
    })),
  };
}

/** No external tables or enums: the engine considers everything. */
export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * What `prisma migrate status` would say about a database: Prisma's own diagnoseMigrationHistory
 * (no shadow database), run by the schema engine against the live `_prisma_migrations` table.
 * @param {import('./schema-engine.d.mts').EngineTarget} target
 * @param {{ schemaPath: string, migrationsDir: string }} paths
 */
export async function diagnoseMigrationHistory(target, paths) {
  const { engine, close } = await openSchemaEngine(target, {
    schemaPath: paths.schemaPath,
    schema: readFileSync(paths.schemaPath, 'utf8'),
  });
  try {
    return await engine.diagnoseMigrationHistory({
      migrationsList: readMigrationList(paths.migrationsDir),
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
  } finally {
    await close();
  }
}
