import { describe, expect, it } from 'vitest';
import { createRecentMap } from '../../../src/runtime/recent-map.js';

describe('recent map', () => {
  it('keeps at most `max` entries, dropping the least recently used', () => {
    const map = createRecentMap<string, number>({ max: 2 });
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // a is now the most recent
    map.set('c', 3); // drops b
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
    expect(map.size).toBe(2);
  });

  it('forgets an entry older than the time to live, counted from when it was set', () => {
    let clock = 0;
    const map = createRecentMap<string, string | null>({ max: 10, ttlMs: 100, now: () => clock });
    map.set('a', null);
    clock = 99;
    expect(map.get('a')).toBeNull(); // a stored null is a value, not a miss
    clock = 100;
    expect(map.get('a')).toBeUndefined();
    expect(map.size).toBe(0);
    map.set('a', 'again');
    clock = 150;
    expect(map.get('a')).toBe('again');
  });

  it('replaces a value and deletes on request', () => {
    const map = createRecentMap<string, number>({ max: 2 });
    map.set('a', 1);
    map.set('a', 2);
    expect(map.size).toBe(1);
    expect(map.get('a')).toBe(2);
    map.delete('a');
    expect(map.get('a')).toBeUndefined();
  });
});
