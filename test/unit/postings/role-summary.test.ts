import { describe, expect, it } from 'vitest';
import { extractGreenhouseJob } from '../../helpers/greenhouse-jobs.js';

const COMPANY_PITCH =
  '<p>Acme builds the rails that move freight across Europe, trusted by 4,000 shippers since 1998 and growing fast.</p>';

function summaryOf(descriptionHtml: string, title = 'Backend Engineer'): string | null {
  return extractGreenhouseJob({ id: 1, title, location: 'Berlin', content: descriptionHtml }).summary;
}

describe('the card summary is the posting’s own words about the role', () => {
  it('opens with the first paragraph under "About the role", not a sentence made of the title and company', () => {
    const summary = summaryOf(
      `${COMPANY_PITCH}<h3>About the role</h3><p>You will own the pricing engine that quotes every shipment, working with data science and sales on how we price risk.</p><h3>What you'll do</h3><ul><li>Ship code</li></ul>`,
    );
    expect(summary).toBe(
      'You will own the pricing engine that quotes every shipment, working with data science and sales on how we price risk.',
    );
    expect(summary).not.toMatch(/Backend Engineer at Acme/);
  });

  it('starts at the sentence that talks about the role when the company pitch comes first in the paragraph', () => {
    const summary = summaryOf(
      "<p>Acme is Europe's freight marketplace. We're looking for a Backend Engineer to build our pricing engine. You'll work in Go and Postgres.</p>",
    );
    expect(summary).toBe(
      "We're looking for a Backend Engineer to build our pricing engine. You'll work in Go and Postgres.",
    );
  });

  it('reads the role sentence in German, French and Spanish postings', () => {
    expect(
      summaryOf(
        '<p>Die Acme GmbH ist ein Logistikunternehmen. Wir suchen eine Backend-Entwicklerin, die unsere Preisberechnung in Go weiterentwickelt.</p>',
      ),
    ).toMatch(/^Wir suchen eine Backend-Entwicklerin/);
    expect(
      summaryOf(
        '<p>Acme est une place de marché du fret. Nous recherchons un développeur backend pour construire notre moteur de prix.</p>',
      ),
    ).toMatch(/^Nous recherchons un développeur backend/);
    expect(
      summaryOf(
        '<p>Acme es un mercado de transporte. Buscamos una persona desarrolladora backend para construir nuestro motor de precios.</p>',
      ),
    ).toMatch(/^Buscamos una persona desarrolladora backend/);
  });

  it('skips testimonials and "apply anyway" boilerplate', () => {
    const summary = summaryOf(
      `<h3>About the role and the team</h3><p>“Our team is made up of talented people from around the world who love what they do.” – Simona, Head of Design</p><p>If you're excited about this role but your experience doesn't align perfectly with every qualification, we encourage you to apply anyway.</p><h3>How you'll make an impact</h3><p>As a Senior Product Designer, you will work on delighting our buyers across the whole journey.</p>`,
    );
    expect(summary).toBe(
      'As a Senior Product Designer, you will work on delighting our buyers across the whole journey.',
    );
  });

  it('is empty rather than the company pitch when only the lists describe the role', () => {
    expect(
      summaryOf(
        `${COMPANY_PITCH}<h3>What you'll do</h3><ul><li>Own the pricing engine</li><li>Mentor engineers</li></ul>`,
      ),
    ).toBeNull();
  });

  it('keeps whole sentences and stops near 320 characters', () => {
    const sentence =
      'You will design the quoting service that prices every shipment in real time for our customers.';
    const summary = summaryOf(
      `<h3>The role</h3><p>${Array.from({ length: 8 }, () => sentence).join(' ')}</p>`,
    );
    expect(summary).not.toBeNull();
    expect(summary!.length).toBeLessThanOrEqual(320);
    expect(summary!.endsWith('customers.')).toBe(true);
  });
});

describe('the team a posting names', () => {
  it('goes on the company line when the prose names it and no department field does', () => {
    const s = extractGreenhouseJob({
      id: 2,
      title: 'Software Engineer',
      location: 'Dublin',
      companyName: 'Acme',
      content:
        "<h3>About the role</h3><p>You'll join our Data Platform team to build the event pipeline every Acme product writes to.</p>",
    });
    expect(s.department).toBe('Data Platform');
  });

  it('drops the company’s own name in front and ignores uncapitalised teams', async () => {
    const { teamFromProse } = await import('../../../src/postings/description/role-summary.js');
    expect(
      teamFromProse(
        ['The Catawiki Interiors Sales Team is seeking an experienced Key Account Manager.'],
        'Catawiki',
      ),
    ).toBe('Interiors Sales');
    expect(teamFromProse(['You will join our growing team of 40 engineers in Lisbon.'], 'Acme')).toBeNull();
  });
});
