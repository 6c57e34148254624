// Types of ./schema-engine.mjs (plain Node script, so the TypeScript tests can import it).
import type {
  DiagnoseMigrationHistoryOutput,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
} from '@prisma/schema-engine-wasm';

export type EngineTarget =
  | { provider: 'sqlite'; filePath: string }
  | { provider: 'postgresql'; connectionString: string };

export function openSchemaEngine(
  target: EngineTarget,
  datamodel: { schemaPath: string; schema: string },
): Promise<{ engine: SchemaEngine; close(): Promise<void> }>;

export function readMigrationList(migrationsDir: string): MigrationList;

export const NO_FILTERS: SchemaFilter;

export function diagnoseMigrationHistory(
  target: EngineTarget,
  paths: { schemaPath: string; migrationsDir: string },
): Promise<DiagnoseMigrationHistoryOutput>;
