import { describe, expect, it } from 'vitest';
import { extractGreenhouseJob } from '../../helpers/greenhouse-jobs.js';

/** The salary on the card of a Greenhouse job at `location` whose description says `pay`. */
function salaryOf(location: string, pay: string) {
  return extractGreenhouseJob({
    id: 3,
    title: 'Backend Developer',
    location,
    content: `<h3>Compensation</h3><p>The base salary for this role is ${pay}.</p>`,
  }).salary;
}

describe('the currency of a salary comes from the posting’s own context', () => {
  it.each([
    { location: 'Toronto, ON, Canada', pay: '$120,000 - $150,000 per year', currency: 'CAD' },
    { location: 'Toronto, ON, Canada', pay: 'USD 120,000 - 150,000 per year', currency: 'USD' },
    { location: 'Sydney, Australia', pay: '$120,000 - $150,000 per year', currency: 'AUD' },
    { location: 'Austin, TX', pay: '$120,000 - $150,000 per year', currency: 'USD' },
  ])('reads "$pay" in a posting in $location as $currency', ({ location, pay, currency }) => {
    expect(salaryOf(location, pay)).toEqual({ min: 120000, max: 150000, currency, period: 'year' });
  });

  it('keeps hourly pay hourly', () => {
    expect(salaryOf('Vancouver, BC, Canada', '$28 - $32 per hour')).toEqual({
      min: 28,
      max: 32,
      currency: 'CAD',
      period: 'hour',
    });
  });
});
