/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (default file:./data/vouch.db),
 * prints what it applied and exits 0; on failure prints one line on stderr and exits 1.
 * The app also migrates at start-up; this is for operators who want to do it ahead of a deploy.
 */
import { createDatabase } from '../db/client.js';
import { DatabaseError } from '../db/database-error.js';
import type { DbLogger } from '../db/db-logger.js';

const DEFAULT_DATABASE_URL = 'file:./data/vouch.db';

/** Warnings (e.g. an edited migration) go to stderr as plain lines; progress stays quiet. */
const consoleLogger: DbLogger = {
  info: () => undefined,
  warn: (_details, message) => console.error(`warning: ${message ?? ''}`),
  error: () => undefined,
};

/** Runs the command; returns the process exit code. */
export async function runDbMigrate(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
  try {
    database = await createDatabase({ url: env.DATABASE_URL || DEFAULT_DATABASE_URL, logger: consoleLogger });
    const { applied } = await database.migrate();
    if (applied.length === 0) {
      console.log(`${database.display}: no pending migrations.`);
    } else {
      console.log(`${database.display}: applied ${applied.length} migration(s):`);
      for (const name of applied) console.log(`  ${name}`);
    }
    return 0;
  } catch (error) {
    const message = error instanceof DatabaseError ? error.message : `unexpected error: ${String(error)}`;
    console.error(`db:migrate failed: ${message}`);
    return 1;
  } finally {
    await database?.close().catch(() => undefined);
  }
}

process.exitCode = await runDbMigrate();
