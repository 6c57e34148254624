/**
 * A map that keeps at most `max` entries, dropping the least recently used first; with `ttlMs`, an
 * entry older than that (counted from its `set`) is gone. For the in-process caches that save a
 * query or an API call per click: recent postings, known members, display names, prepared statements.
 * Why: every click re-read the same postings and members (bench/findings.md, round 3), and five
 * hand-written caches each re-wrote this eviction. What would let it go: reads cheap enough not to cache.
 */
export interface RecentMap<K, V> {
  /** The value, or undefined when absent or expired; a hit becomes the most recently used. */
  get(key: K): V | undefined;
  /** Stores (or replaces) the value, fresh and most recently used. */
  set(key: K, value: V): void;
  delete(key: K): void;
  clear(): void;
  readonly size: number;
}

export interface RecentMapOptions {
  max: number;
  ttlMs?: number;
  /** Clock in ms; Date.now by default. */
  now?: () => number;
}

export function createRecentMap<K, V>(options: RecentMapOptions): RecentMap<K, V> {
  const { max, ttlMs } = options;
  const now = options.now ?? Date.now;
  const entries = new Map<K, { value: V; at: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      if (ttlMs !== undefined && now() - entry.at >= ttlMs) return undefined;
      entries.set(key, entry); // re-inserted: most recently used last
      return entry.value;
    },
    set(key, value) {
      entries.delete(key);
      if (entries.size >= max) entries.delete(entries.keys().next().value as K);
      entries.set(key, { value, at: ttlMs === undefined ? 0 : now() });
    },
    delete(key) {
      entries.delete(key);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * Puts the rows for `ids` into `found`: those `recent` holds, then the rest from one `load`, which
 * also refreshes `recent`. (Taken at once, so nothing expires between the look-up and the use.)
 */
export async function fillFromRecent<Row extends { id: string }>(
  found: Map<string, Row>,
  ids: readonly string[],
  recent: RecentMap<string, Row>,
  load: (missing: string[]) => Promise<Row[]>,
): Promise<void> {
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const row = recent.get(id);
    if (row === undefined) missing.push(id);
    else found.set(id, row);
  }
  if (missing.length === 0) return;
  for (const row of await load(missing)) {
    recent.set(row.id, row);
    found.set(row.id, row);
  }
}
