import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { onEachConnection } from './each-connection.js';

/**
 * Per-connection SQLite settings for the app's connection. The file is already in WAL mode (set by
 * the migration runner; it persists in the file). `synchronous = NORMAL` is SQLite's recommended
 * setting for WAL: commits no longer wait for an fsync of the log (the log is synced at checkpoints),
 * which took a click's write from ≈ 270 µs to ≈ 30 µs on the benchmark machine. A crash of Vouch
 * loses nothing; a power loss or kernel crash can lose the last moments of commits, never consistency
 * (https://www.sqlite.org/pragma.html#pragma_synchronous).
 * `secure_delete = ON` overwrites deleted content with zeros, so an erased member's notes cannot be
 * read back from the file (src/privacy/member-data.ts also checkpoints the WAL after an erasure)
 * (https://www.sqlite.org/pragma.html#pragma_secure_delete).
 */
export const APP_SQLITE_PRAGMAS = ['synchronous = NORMAL', 'secure_delete = ON'] as const;

interface PragmaClient {
  pragma(source: string): unknown;
}

export function sqlitePragmasFactory(
  factory: SqlDriverAdapterFactory,
  pragmas: readonly string[] = APP_SQLITE_PRAGMAS,
): SqlDriverAdapterFactory {
  return onEachConnection(factory, (adapter) => {
    const client = (adapter as SqlDriverAdapter & { client?: PragmaClient }).client;
    if (client === undefined || typeof client.pragma !== 'function')
      throw new Error('SQLite adapter without a better-sqlite3 client: cannot apply pragmas');
    for (const pragma of pragmas) client.pragma(pragma);
    return adapter;
  });
}
