/**
 * Prisma CLI configuration (used by `prisma generate`, run from `postinstall`).
 *
 * Our machines cannot download Prisma's native schema engine, and Prisma 7 refuses to run
 * even `generate` without one. `generate` never executes it, so we point
 * PRISMA_SCHEMA_ENGINE_BINARY at a committed stub that refuses every real command with a
 * pointer to our own migration tooling. A machine with the real engine overrides it by
 * setting the variable itself. Migrations are applied by src/db/migrate.ts, not the CLI.
 * @see prisma/README.md
 */
import path from 'node:path';
import { defineConfig } from 'prisma/config';

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve('scripts/prisma-schema-engine-stub.sh');
// No update/telemetry check against Prisma's servers: our machines only reach the npm registry.
process.env.CHECKPOINT_DISABLE ??= '1';

export default defineConfig({
  // The hand-edited source; `--schema prisma/postgres/schema.prisma` selects the derived one.
  schema: 'prisma/sqlite/schema.prisma',
  // Only so that `prisma migrate …` gets as far as the stub, which points at our own commands.
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/vouch.db' },
});
