#!/usr/bin/env node
/**
 * Derives prisma/postgres/schema.prisma from the hand-edited prisma/sqlite/schema.prisma:
 * same models, provider "postgresql", client generated to src/generated/postgres.
 *
 *   node scripts/sync-postgres-schema.mjs           write the derived schema
 *   node scripts/sync-postgres-schema.mjs --check   exit 1 when it is out of date
 *
 * Plain Node (no TypeScript runner is installed). See prisma/README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourcePath = path.join(root, 'prisma/sqlite/schema.prisma');
const targetPath = path.join(root, 'prisma/postgres/schema.prisma');

const HEADER =
  '// GENERATED from prisma/sqlite/schema.prisma by `npm run db:sync-schema`. Do not edit by hand.\n';

/**
 * @param {string} source the SQLite schema text
 * @returns {string} the PostgreSQL schema text
 */
export function derivePostgresSchema(source) {
  const swaps = [
    [/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"'],
    [/(output\s*=\s*)"\.\.\/\.\.\/src\/generated\/sqlite"/, '$1"../../src/generated/postgres"'],
  ];
  let derived = source;
  for (const [pattern, replacement] of swaps) {
    if (!pattern.test(derived)) {
      throw new Error(`prisma/sqlite/schema.prisma no longer matches ${pattern}: update this script`);
    }
    derived = derived.replace(pattern, replacement);
  }
  return HEADER + derived;
}

/**
 * Writes (or, with `check`, verifies) prisma/postgres/schema.prisma.
 * @param {{ check?: boolean }} [options]
 * @returns {boolean} whether the derived schema was already in sync
 */
export function syncPostgresSchema(options = {}) {
  const expected = derivePostgresSchema(readFileSync(sourcePath, 'utf8'));
  let current = '';
  try {
    current = readFileSync(targetPath, 'utf8');
  } catch {
    // missing: out of date
  }
  if (current === expected) return true;
  if (!options.check) writeFileSync(targetPath, expected);
  return false;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const check = process.argv.includes('--check');
  const inSync = syncPostgresSchema({ check });
  if (inSync) {
    console.log('prisma/postgres/schema.prisma is in sync with prisma/sqlite/schema.prisma.');
  } else if (check) {
    console.error('prisma/postgres/schema.prisma is out of date: run `npm run db:sync-schema`.');
    process.exit(1);
  } else {
    console.log('Wrote prisma/postgres/schema.prisma.');
  }
}
