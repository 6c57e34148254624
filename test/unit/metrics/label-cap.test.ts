import { describe, expect, it } from 'vitest';
import { createLabelCap } from '../../../src/metrics/label-cap.js';

describe('label cap', () => {
  it('keeps the first values and counts every later one as other', () => {
    const cap = createLabelCap(2);
    expect(cap('boards.greenhouse.io')).toBe('boards.greenhouse.io');
    expect(cap('jobs.lever.co')).toBe('jobs.lever.co');
    expect(cap('careers.example.com')).toBe('other');
    // A value seen before keeps its own label.
    expect(cap('boards.greenhouse.io')).toBe('boards.greenhouse.io');
  });

  it('lower-cases values, replaces what Prometheus labels should not carry, and trims them', () => {
    const cap = createLabelCap(10);
    expect(cap('Jobs.Example.COM')).toBe('jobs.example.com');
    expect(cap('a"b\\c\nd')).toBe('a_b_c_d');
    expect(cap('x'.repeat(100))).toHaveLength(64);
    expect(cap('')).toBe('unknown');
  });
});
