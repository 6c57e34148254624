import { describe, expect, it } from 'vitest';
import { extractPosting } from '../../../src/postings/extract-posting.js';

function card(location: string, pay: string) {
  const body = JSON.stringify({
    id: 3,
    title: 'Backend Developer',
    absolute_url: 'https://job-boards.greenhouse.io/acme/jobs/3',
    location: { name: location },
    content: `<h3>Compensation</h3><p>The base salary for this role is ${pay}.</p>`,
  });
  return extractPosting({ url: 'https://job-boards.greenhouse.io/acme/jobs/3', body });
}

describe('the currency of a salary comes from the posting’s own context', () => {
  it('reads dollars in a Canadian posting as CAD, unless it says USD', () => {
    expect(card('Toronto, ON, Canada', '$120,000 - $150,000 per year').salary).toEqual({
      min: 120000,
      max: 150000,
      currency: 'CAD',
      period: 'year',
    });
    expect(card('Toronto, ON, Canada', 'USD 120,000 - 150,000 per year').salary?.currency).toBe('USD');
  });

  it('reads dollars in an Australian posting as AUD and in a US one as USD', () => {
    expect(card('Sydney, Australia', '$120,000 - $150,000 per year').salary?.currency).toBe('AUD');
    expect(card('Austin, TX', '$120,000 - $150,000 per year').salary?.currency).toBe('USD');
  });

  it('keeps hourly pay hourly', () => {
    expect(card('Vancouver, BC, Canada', '$28 - $32 per hour').salary).toEqual({
      min: 28,
      max: 32,
      currency: 'CAD',
      period: 'hour',
    });
  });
});
