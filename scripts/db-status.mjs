#!/usr/bin/env node
/**
 * `prisma migrate status` for our setup: asks Prisma's schema engine (WASM) how the database at
 * DATABASE_URL (default file:./data/vouch.db) compares with the committed migrations.
 *
 *   npm run db:status
 *
 * Exit 0 when up to date, 1 otherwise. Dev tooling (needs devDependencies).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnoseMigrationHistory } from './lib/schema-engine.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @type {import('../src/db/database-url.ts')} */
const { parseDatabaseUrl } = await import(path.join(root, 'dist/db/database-url.js'));

try {
  const url = parseDatabaseUrl(process.env.DATABASE_URL ?? 'file:./data/vouch.db');
  const folder = path.join(root, url.provider === 'sqlite' ? 'prisma/sqlite' : 'prisma/postgres');
  const target =
    url.provider === 'sqlite'
      ? { provider: url.provider, filePath: url.filePath }
      : { provider: url.provider, connectionString: url.connectionString };
  const status = await diagnoseMigrationHistory(target, {
    schemaPath: path.join(folder, 'schema.prisma'),
    migrationsDir: path.join(folder, 'migrations'),
  });
  const problems = [];
  if (!status.hasMigrationsTable) problems.push('no migration history: run `npm run db:migrate`');
  for (const name of status.failedMigrationNames) problems.push(`failed migration: ${name}`);
  for (const name of status.editedMigrationNames) problems.push(`modified after it was applied: ${name}`);
  if (status.history?.diagnostic === 'databaseIsBehind') {
    problems.push(`not yet applied: ${status.history.unappliedMigrationNames.join(', ')}`);
  } else if (status.history) {
    problems.push(`history differs from the migrations folder: ${JSON.stringify(status.history)}`);
  }
  if (problems.length === 0) {
    console.log(`${url.display}: database schema is up to date.`);
  } else {
    for (const problem of problems) console.log(`${url.display}: ${problem}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message.split('\n')[0] : String(error));
  process.exitCode = 1;
}
