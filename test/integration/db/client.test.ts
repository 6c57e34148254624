import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../../src/db/client.js';
import { DatabaseError } from '../../../src/db/database-error.js';
import {
  createRecordingLogger,
  createTestDatabase,
  describeEachDatabase,
} from '../../helpers/test-database.js';

const root = path.resolve(import.meta.dirname, '../../..');
/** Nothing listens on port 1 of the loopback interface: connections are refused at once. */
const CLOSED_PORT_URL = 'postgresql://postgres:not-a-real-password@127.0.0.1:1/vouch';

describeEachDatabase('createDatabase', (kind) => {
  it('reports the provider and answers ping on a live database', async () => {
    const test = await createTestDatabase(kind);
    try {
      expect(test.db.provider).toBe(kind);
      expect(await test.db.ping()).toBe(true);
    } finally {
      await test.cleanup();
    }
    expect(await test.db.close()).toBeUndefined();
  });
});

describe('createDatabase on an unreachable or mistyped database', () => {
  const opened: Database[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
  });

  it('ping() is false when PostgreSQL cannot be reached', async () => {
    const db = await createDatabase({ url: CLOSED_PORT_URL, logger: createRecordingLogger() });
    opened.push(db);

    expect(await db.ping()).toBe(false);
  });

  it('migrate() fails with one clear "unreachable" line that does not leak the password', async () => {
    const db = await createDatabase({ url: CLOSED_PORT_URL, logger: createRecordingLogger() });
    opened.push(db);

    const error = await db.migrate().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DatabaseError);
    expect(error).toMatchObject({
      code: 'unreachable',
      message: expect.stringContaining('127.0.0.1:1/vouch'),
    });
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message).not.toContain('not-a-real-password');
  });

  it('rejects a URL of another database with an "invalid_url" error', async () => {
    await expect(
      createDatabase({ url: 'mysql://root:pw@localhost/vouch', logger: createRecordingLogger() }),
    ).rejects.toEqual(expect.objectContaining({ name: 'DatabaseError', code: 'invalid_url' }));
  });
});

describe('createDatabase on SQLite', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('creates the folder of the database file on first start, relative to the working directory', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vouch-sqlite-'));
    const db = await createDatabase({
      url: 'file:./data/nested/vouch.db',
      cwd: dir,
      logger: createRecordingLogger(),
    });
    try {
      expect(db.display).toBe(path.join(dir, 'data/nested/vouch.db'));
      expect(await db.migrate()).toEqual({ applied: expect.any(Array) });
      expect(existsSync(path.join(dir, 'data/nested/vouch.db'))).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('switches the file to WAL so readers and a writer do not block each other', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vouch-sqlite-'));
    const db = await createDatabase({ url: `file:${dir}/vouch.db`, logger: createRecordingLogger() });
    await db.close();

    const raw = new BetterSqlite3(path.join(dir, 'vouch.db'));
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('fails with "unreachable" when the file cannot be created', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vouch-sqlite-'));
    const blocker = path.join(dir, 'not-a-folder');
    await (await import('node:fs/promises')).writeFile(blocker, '');

    await expect(
      createDatabase({ url: `file:${blocker}/vouch.db`, logger: createRecordingLogger() }),
    ).rejects.toMatchObject({ code: 'unreachable' });
  });
});

describe('the Prisma schemas', () => {
  it('prisma/postgres/schema.prisma is derived from the SQLite source and up to date', async () => {
    const run = promisify(execFile);
    const result = await run(
      process.execPath,
      [path.join(root, 'scripts/sync-postgres-schema.mjs'), '--check'],
      {
        cwd: root,
      },
    ).catch((error: { stderr?: string; code?: number }) => error);
    expect(result).toMatchObject({ stdout: expect.stringContaining('in sync') });
  });
});
