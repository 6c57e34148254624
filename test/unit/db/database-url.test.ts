import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseError } from '../../../src/db/database-error.js';
import { parseDatabaseUrl } from '../../../src/db/database-url.js';

describe('parseDatabaseUrl', () => {
  it('reads file: URLs as SQLite files relative to the working directory', () => {
    expect(parseDatabaseUrl('file:./data/vouch.db', '/srv/vouch')).toEqual({
      provider: 'sqlite',
      filePath: path.resolve('/srv/vouch/data/vouch.db'),
      display: path.resolve('/srv/vouch/data/vouch.db'),
    });
    expect(parseDatabaseUrl('file:/var/lib/vouch.db?connection_limit=1', '/srv')).toMatchObject({
      filePath: '/var/lib/vouch.db',
    });
    expect(parseDatabaseUrl('file:///var/lib/vouch.db', '/srv')).toMatchObject({
      filePath: '/var/lib/vouch.db',
    });
  });

  it('reads postgres:// and postgresql:// URLs, keeping the password out of the display form', () => {
    expect(parseDatabaseUrl('postgresql://vouch:s3cret@db.internal:6543/vouch?schema=app')).toEqual({
      provider: 'postgresql',
      connectionString: 'postgresql://vouch:s3cret@db.internal:6543/vouch?schema=app',
      schema: 'app',
      display: 'db.internal:6543/vouch',
    });
    expect(parseDatabaseUrl('postgres://db/vouch')).toMatchObject({
      schema: 'public',
      display: 'db:5432/vouch',
    });
  });

  it.each([
    ['mysql://root:hunter2@localhost/vouch', 'a "mysql:" URL'],
    ['./data/vouch.db', 'not a URL'],
    ['', 'empty'],
    ['file:', 'names no database file'],
    ['postgresql://db.internal', 'must name a host and a database'],
  ])('refuses %j with one clear line', (url, reason) => {
    let caught: unknown;
    try {
      parseDatabaseUrl(url);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseError);
    expect(caught).toMatchObject({ code: 'invalid_url', message: expect.stringContaining(reason) });
    expect((caught as Error).message).not.toContain('hunter2');
    expect((caught as Error).message).not.toContain('\n');
  });
});
