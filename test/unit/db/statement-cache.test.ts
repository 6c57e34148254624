import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheStatements } from '../../../src/db/statement-cache.js';

function database() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  return db;
}

describe('statement cache for the SQLite adapter', () => {
  it('binds one prepared statement again and again, as the adapter does on every query', () => {
    const db = database();
    cacheStatements(db as never, 8);
    for (const name of ['a', 'b', 'c']) db.prepare('INSERT INTO t (name) VALUES (?)').bind([name]).run();
    const select = () => db.prepare('SELECT id, name FROM t WHERE name = ?');
    expect(select()).toBe(select());
    expect(select().bind(['b']).raw().all()).toEqual([[2, 'b']]);
    expect(select().bind(['c']).raw().all()).toEqual([[3, 'c']]);
    expect(select().bind(['b']).columns()).toMatchObject([{ name: 'id' }, { name: 'name' }]);
    expect(select().reader).toBe(true);
  });

  it('runs statements without parameters directly (BEGIN, COMMIT)', () => {
    const db = database();
    cacheStatements(db as never, 8);
    db.prepare('BEGIN').run();
    db.prepare('INSERT INTO t (name) VALUES (?)').bind(['x']).run();
    db.prepare('COMMIT').run();
    expect(db.prepare('SELECT count(*) FROM t').bind([]).raw().all()).toEqual([[1]]);
  });

  it('keeps at most `max` statements, dropping the least recently used', () => {
    const db = database();
    cacheStatements(db as never, 2);
    const first = db.prepare('SELECT 1');
    db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(first); // used again: now the most recent
    db.prepare('SELECT 3'); // evicts SELECT 2
    expect(db.prepare('SELECT 1')).toBe(first);
    expect(db.prepare('SELECT 2').bind([]).raw().all()).toEqual([[2]]);
  });
});
