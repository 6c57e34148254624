import { describe, expect, it } from 'vitest';
import { createHeapPressure, type HeapFigures } from '../../../src/runtime/heap-pressure.js';

const MB = 2 ** 20;

function heapOf(usedMb: number): HeapFigures {
  return { used_heap_size: usedMb * MB, heap_size_limit: 512 * MB };
}

describe('heap pressure', () => {
  it('turns tight above half the heap limit and eases only below 40 % of it', () => {
    let used = 100;
    let clock = 0;
    const changes: boolean[] = [];
    const tight = createHeapPressure({
      read: () => heapOf(used),
      now: () => clock,
      onChange: (isTight) => changes.push(isTight),
    });
    const at = (mb: number) => {
      used = mb;
      clock += 1_000;
      return tight();
    };
    expect(at(100)).toBe(false);
    expect(at(257)).toBe(true);
    expect(at(230)).toBe(true); // between 40 % and 50 %: still tight
    expect(at(200)).toBe(false);
    expect(at(250)).toBe(false); // below half again: stays eased
    expect(changes).toEqual([true, false]);
  });

  it('reads the heap at most once per interval', () => {
    let reads = 0;
    let clock = 0;
    const tight = createHeapPressure({
      everyMs: 250,
      read: () => {
        reads += 1;
        return heapOf(400);
      },
      now: () => clock,
    });
    expect(tight()).toBe(true);
    clock += 100;
    expect(tight()).toBe(true);
    clock += 200;
    tight();
    expect(reads).toBe(2);
  });

  it('reads V8 itself by default: a fresh test process is far from its limit', () => {
    expect(createHeapPressure()()).toBe(false);
  });
});
