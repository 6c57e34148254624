import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EVAL_FIELDS,
  extractFixture,
  type FixtureCase,
  fieldMatches,
  loadFixtureCases,
  locationKey,
} from '../../../src/cli/eval-postings.js';

const fixturesDir = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'postings');
const available = existsSync(resolve(fixturesDir, 'truth'));
if (!available)
  console.warn(`skipping shared posting fixtures: ${fixturesDir} is absent (CI has it at ../shared)`);
const cases: FixtureCase[] = available ? loadFixtureCases(fixturesDir) : [];

describe.skipIf(!available)('real postings match their hand-checked truth', () => {
  it('has a raw file for every truth file', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const c of cases) {
    it(`${c.name}`, () => {
      const summary = extractFixture(c);
      const wrong = EVAL_FIELDS.filter((field) => !fieldMatches(field, summary, c.truth)).map((field) => ({
        field,
        expected: field.endsWith('Count') ? c.truth[field] : c.truth[field as keyof typeof c.truth],
        actual:
          field === 'responsibilitiesCount'
            ? summary.responsibilities.length
            : field === 'requiredCount'
              ? summary.requirements.length
              : field === 'niceToHaveCount'
                ? summary.niceToHave.length
                : summary[field],
      }));
      expect(wrong).toEqual([]);
    });
  }
});

describe('location comparison rule', () => {
  it('treats state names, codes and a trailing United States as the same place', () => {
    expect(locationKey('San Francisco, California, United States')).toBe(
      locationKey('San Francisco, CA, USA'),
    );
    expect(locationKey('Fremont, CA')).toBe(locationKey('Fremont, California, USA'));
    expect(locationKey('United States')).toBe('us');
    expect(locationKey('Lisbon, Portugal')).not.toBe(locationKey('Lisbon'));
  });
});
