import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPosting } from '../../../src/postings/extract-posting.js';
import { sharedRoot } from './shared-set.js';

const seedPath = resolve(sharedRoot, 'seeds', 'pinterest-ml-manager-posting.txt');
const seedAvailable = existsSync(seedPath);
if (!seedAvailable)
  console.warn(`skipping the seed posting test: ${seedPath} is absent (CI has it at ../shared)`);

const posting = [
  'Backend Engineer, Payments',
  '',
  'We move money for two million small shops.',
  '',
  "What you'll do",
  '- Own the ledger service end to end',
  '- Design idempotent payment APIs',
  '',
  'Required',
  '• 4+ years building backend services in Go or Java',
  '• Solid SQL',
  '',
  'Nice to have',
  '• Card network experience',
].join('\n');

describe('a posting copied out of a page as plain text', () => {
  it('reads the first line as the title and plain headings above lists as sections', () => {
    const s = extractPosting({ url: 'file:///tmp/posting.txt', body: posting });
    expect(s.title).toBe('Backend Engineer, Payments');
    expect(s.responsibilities).toEqual([
      'Own the ledger service end to end',
      'Design idempotent payment APIs',
    ]);
    expect(s.requirements).toEqual(['4+ years building backend services in Go or Java', 'Solid SQL']);
    expect(s.niceToHave).toEqual(['Card network experience']);
    expect(s.minYearsExperience).toBe(4);
  });

  it('is read as text when the server says text/plain, even with angle brackets inside', () => {
    const body = `${posting}\n• Knows when to use <p> and when <div>`;
    const s = extractPosting({
      url: 'https://example.com/job.txt',
      body,
      contentType: 'text/plain; charset=utf-8',
    });
    expect(s.title).toBe('Backend Engineer, Payments');
    expect(s.niceToHave).toHaveLength(2);
  });

  it('reads company and places from a facts line under the title, and nothing from other lines', () => {
    const withFacts = posting.replace(
      'Backend Engineer, Payments\n',
      'Backend Engineer, Payments\nLedgerly Ledgerly · Fintech · Lisbon, Portugal · Remote (EU) · Payments\n',
    );
    const s = extractPosting({ url: 'file:///tmp/posting.txt', body: withFacts });
    expect(s).toMatchObject({ company: 'Ledgerly', locations: ['Lisbon, Portugal', 'Remote (EU)'] });
    expect(s.responsibilities).toHaveLength(2);
    const notFacts = posting.replace(
      'Backend Engineer, Payments\n',
      'Backend Engineer, Payments\nFull-time, Permanent · Payments team\n',
    );
    expect(extractPosting({ url: 'file:///tmp/posting.txt', body: notFacts })).toMatchObject({
      company: null,
      locations: [],
    });
  });

  it('takes no title from a single line or from a sentence', () => {
    expect(extractPosting({ url: 'file:///tmp/a.txt', body: 'just some words' }).title).toBeNull();
    const sentence = extractPosting({ url: 'file:///tmp/b.txt', body: `We are hiring.\n${posting}` });
    expect(sentence.title).toBeNull();
    expect(sentence.requirements).toHaveLength(2);
  });

  it('keeps pages with markup on the HTML path, also when the server calls them text/plain', () => {
    const page =
      '<!DOCTYPE html><html><head><title>Data Engineer</title></head><body><p>Build pipelines.</p></body></html>';
    expect(extractPosting({ url: 'https://example.com/jobs/1', body: page }).title).toBe('Data Engineer');
    expect(
      extractPosting({ url: 'https://example.com/jobs/1', body: page, contentType: 'text/plain' }).title,
    ).toBe('Data Engineer');
  });
});

describe.skipIf(!seedAvailable)('the seed posting (../shared/seeds), the shape of our card', () => {
  it('gives back its own card: 5 things to do, 7 required, 4 nice to have', () => {
    const s = extractPosting({ url: 'file:///seed.txt', body: readFileSync(seedPath) });
    expect(s.title).toBe('Manager II, Machine Learning Engineering, Core Engineering');
    expect(s.responsibilities).toHaveLength(5);
    expect(s.requirements).toHaveLength(7);
    expect(s.niceToHave).toHaveLength(4);
    // The posting's own opening sentence, not a template made of the title and company.
    expect(s.summary).toMatch(
      /^Manager II, Machine Learning Engineering for Core Engineering at Pinterest, focusing on search/,
    );
    expect(s).toMatchObject({
      company: 'Pinterest',
      locations: ['San Francisco, CA'],
      // The team goes on the company line: "Pinterest · San Francisco, CA · Core Engineering".
      department: 'Core Engineering',
      seniority: 'manager',
      minYearsExperience: 8,
    });
  });
});
