import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EVAL_FIELDS,
  type EvalField,
  evaluateCases,
  extractFixture,
  type FixtureCase,
  fieldMatches,
  loadFixtureCases,
  loadRepoFixtureCases,
  locationKey,
  misfiledNiceToHave,
} from '../../../src/cli/eval-postings.js';
import { sharedRoot } from './shared-set.js';

const repoDir = resolve(import.meta.dirname, '..', '..', 'fixtures', 'postings');
const sharedDir = resolve(sharedRoot, 'fixtures', 'postings');
const sharedAvailable = existsSync(resolve(sharedDir, 'truth'));
if (!sharedAvailable)
  console.warn(`skipping shared posting fixtures: ${sharedDir} is absent (CI has it at ../shared)`);
const shared: FixtureCase[] = sharedAvailable
  ? loadFixtureCases(sharedDir, resolve(repoDir, 'shared-prose.json'))
  : [];
const longTail = loadRepoFixtureCases(repoDir);

function wrongFields(c: FixtureCase, fields: readonly EvalField[] = EVAL_FIELDS) {
  const summary = extractFixture(c);
  return fields.filter((field) => fieldMatches(field, summary, c.truth) === false);
}

describe.skipIf(!sharedAvailable)('the shared real postings match their hand-checked truth', () => {
  it('has a raw file for every truth file', () => {
    expect(shared.length).toBeGreaterThanOrEqual(20);
  });

  for (const c of shared) {
    it(`${c.name}`, () => {
      expect(wrongFields(c)).toEqual([]);
    });
  }
});

describe('the long-tail real postings (test/fixtures/postings)', () => {
  const report = evaluateCases(longTail);

  it('come from many sources and never crash the extractor', () => {
    expect(longTail.length).toBeGreaterThanOrEqual(14);
    expect(report.sourceTypes).toBeGreaterThanOrEqual(12);
    expect(report.crashes).toEqual([]);
  });

  it('never show markup, JSON or site chrome as a title or company', () => {
    for (const c of longTail) expect(wrongFields(c, ['cleanTitleCompany']), c.name).toEqual([]);
  });

  it('get title, company and locations right on nearly every posting', () => {
    expect(report.coreRight / report.cases).toBeGreaterThanOrEqual(0.85);
  });

  it('get every field together right on at least nine in ten', () => {
    expect(report.hits / report.scored).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the comparison rules', () => {
  it('treats state names, codes and a trailing United States as the same place', () => {
    expect(locationKey('San Francisco, California, United States')).toBe(
      locationKey('San Francisco, CA, USA'),
    );
    expect(locationKey('Fremont, CA')).toBe(locationKey('Fremont, California, USA'));
    expect(locationKey('United States')).toBe('us');
    expect(locationKey('Lisbon, Portugal')).not.toBe(locationKey('Lisbon'));
  });

  it('calls a required item misfiled only when its own point is a plus', () => {
    expect(misfiledNiceToHave('Prior experience in FinTech, Payments or Commerce is a plus.')).toBe(true);
    expect(misfiledNiceToHave('Experience in e-commerce/marketplaces preferred.')).toBe(true);
    expect(misfiledNiceToHave('Kenntnisse in SAP sind von Vorteil')).toBe(true);
    expect(
      misfiledNiceToHave('Fluent in design tools (e.g. Figma), bonus points for prototyping tools'),
    ).toBe(false);
    expect(
      misfiledNiceToHave('Strong SRE background; previous engineering experience is highly preferred.'),
    ).toBe(false);
    expect(misfiledNiceToHave("Bachelor's degree (Master's degree preferred)")).toBe(false);
    expect(misfiledNiceToHave('Fluency in English is required; Italian is a strong plus')).toBe(false);
  });
});
