import { describe, expect, it } from 'vitest';
import { storedSummary } from '../../../src/postings/posting-summary.js';

describe('a posting’s stored summary is read through its schema', () => {
  it('reads a row written before newer fields existed as "not said"', () => {
    const old = {
      url: 'https://jobs.lever.co/acme/1',
      canonicalUrl: 'https://jobs.lever.co/acme/1',
      source: 'lever',
      title: 'Engineer',
      company: 'Acme',
      locations: ['Berlin'],
      summary: 'Build the ledger.',
      responsibilities: ['Ship code'],
    };
    expect(storedSummary(old)).toMatchObject({
      title: 'Engineer',
      company: 'Acme',
      seniority: null,
      visaSponsorship: null,
      salary: null,
      requirements: [],
      niceToHave: [],
      signals: [],
    });
  });

  it('reads an unknown source as the generic html and a wrong-typed field as not said', () => {
    const s = storedSummary({
      url: 'u',
      canonicalUrl: 'c',
      source: 'gone-board',
      title: 42,
      locations: 'Berlin',
    });
    expect(s).toMatchObject({ source: 'html', title: null, locations: [] });
  });

  it('holds no summary for an empty column or a value without its URLs', () => {
    expect(storedSummary(null)).toBeNull();
    expect(storedSummary('text')).toBeNull();
    expect(storedSummary({ title: 'Engineer' })).toBeNull();
  });

  it('checks each stored object once', () => {
    const row = { url: 'u', canonicalUrl: 'c', source: 'html' };
    expect(storedSummary(row)).toBe(storedSummary(row));
  });
});
