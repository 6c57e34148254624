import path from 'node:path';
import { DatabaseError } from './database-error.js';

/** The two databases Vouch runs on. */
export type DatabaseProvider = 'sqlite' | 'postgresql';

/** A DATABASE_URL understood: which database, and how to reach it. */
export type DatabaseUrl =
  | {
      provider: 'sqlite';
      /** Absolute path of the database file (`file:` paths are relative to the working directory). */
      filePath: string;
      /** Safe to log. */
      display: string;
    }
  | {
      provider: 'postgresql';
      /** The URL as given, for the driver. May hold a password: never log it, log `display`. */
      connectionString: string;
      /** The PostgreSQL schema the tables live in (`?schema=`, Prisma's convention; default `public`). */
      schema: string;
      /** host:port/database, safe to log. */
      display: string;
    };

const EXPECTED = 'expected file:./path/to/vouch.db or postgresql://user:password@host:5432/dbname';

/**
 * Parses DATABASE_URL. `file:` → SQLite (path relative to `cwd`, query string ignored);
 * `postgres://` / `postgresql://` → PostgreSQL. Anything else throws `DatabaseError('invalid_url')`.
 */
export function parseDatabaseUrl(raw: string, cwd: string = process.cwd()): DatabaseUrl {
  const url = raw.trim();
  if (url.startsWith('file:')) {
    const location = url.slice('file:'.length).split('?')[0] ?? '';
    if (location === '' || location === ':memory:') {
      throw new DatabaseError('invalid_url', `DATABASE_URL "${url}" names no database file: ${EXPECTED}`);
    }
    const filePath = path.resolve(cwd, location.startsWith('//') ? location.slice(2) : location);
    return { provider: 'sqlite', filePath, display: filePath };
  }

  if (/^postgres(ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseError('invalid_url', `DATABASE_URL is not a valid PostgreSQL URL: ${EXPECTED}`);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (parsed.hostname === '' || database === '') {
      throw new DatabaseError('invalid_url', `DATABASE_URL must name a host and a database: ${EXPECTED}`);
    }
    const schema = parsed.searchParams.get('schema') || 'public';
    const display = `${parsed.hostname}:${parsed.port || '5432'}/${database}`;
    return { provider: 'postgresql', connectionString: url, schema, display };
  }

  // Never echo the value: it may be a URL with a password in an unexpected scheme.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  const what = scheme ? `a "${scheme}:" URL` : url === '' ? 'empty' : 'not a URL';
  throw new DatabaseError('invalid_url', `DATABASE_URL is ${what}: ${EXPECTED}`);
}
