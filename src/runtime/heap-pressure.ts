import { getHeapStatistics } from 'node:v8';

/** What `createHeapPressure` reads: V8's own figures (`v8.getHeapStatistics()`). */
export interface HeapFigures {
  used_heap_size: number;
  heap_size_limit: number;
}

export interface HeapPressureOptions {
  /** Above this share of the heap's limit the heap turns tight (default 0.5). */
  share?: number;
  /** Below this share it eases again (default `share` − 0.1: no flapping at the edge). */
  easeShare?: number;
  /** Read again at most this often, ms (default 250: the figures are cheap, not free). */
  everyMs?: number;
  read?: () => HeapFigures;
  now?: () => number;
  /** Told once each time the heap turns tight, and once each time it eases. */
  onChange?: (tight: boolean, figures: HeapFigures) => void;
}

/**
 * Whether this thread's heap is close to its limit (`--max-old-space-size`). The work queue runs
 * fewer jobs at once while it is (`src/work/work-queue.ts`, `memoryTight`): the backlog then waits in
 * the jobs table instead of in memory, and a run of large pages fetched side by side cannot take the
 * process past its limit. Under figure 6's flood the drain of 64 jobs at a time grew the heap to
 * 256 MB of mostly garbage before V8 collected it (bench/findings.md, round 12).
 */
export function createHeapPressure(options: HeapPressureOptions = {}): () => boolean {
  const share = options.share ?? 0.5;
  const easeShare = options.easeShare ?? share - 0.1;
  const everyMs = options.everyMs ?? 250;
  const read = options.read ?? getHeapStatistics;
  const now = options.now ?? (() => performance.now());
  let readAt = Number.NEGATIVE_INFINITY;
  let tight = false;
  return () => {
    const at = now();
    if (at - readAt < everyMs) return tight;
    readAt = at;
    const figures = read();
    const next = tight
      ? figures.used_heap_size >= figures.heap_size_limit * easeShare
      : figures.used_heap_size > figures.heap_size_limit * share;
    if (next !== tight) {
      tight = next;
      options.onChange?.(tight, figures);
    }
    return tight;
  };
}
