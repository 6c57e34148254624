import { describe, expect, it } from 'vitest';
import { hoursFromText } from '../../../src/postings/description/employment-type.js';
import { isNiceToHaveItem } from '../../../src/postings/description/nice-to-have.js';
import { roleSummary } from '../../../src/postings/description/role-summary.js';
import {
  classifyHeading,
  type SectionKind,
  splitSections,
} from '../../../src/postings/description/sections.js';
import { workplaceFromText } from '../../../src/postings/description/workplace.js';
import { extractMinYears } from '../../../src/postings/description/years.js';
import { htmlToBlocks } from '../../../src/postings/html/blocks.js';

/** The bullets the sections of a description file under one kind. */
function itemsOf(html: string, kind: SectionKind): string[] {
  return splitSections(htmlToBlocks(html))
    .filter((s) => s.kind === kind)
    .flatMap((s) => s.items);
}

describe('sub-headings inside a list part', () => {
  it('keeps numbered groups of bullets in the responsibilities they split', () => {
    const html =
      '<p><span>Responsibilities include but are not limited to:</span></p><p>1. Reporting &amp; Consolidation</p>' +
      '<ul><li>Lead the monthly close.</li><li>Review trial balances.</li></ul>' +
      '<p><br>2. External Audit</p><ul><li>Coordinate audits.</li></ul>' +
      '<p>3. Leadership</p><ul><li>Mentor the team.</li></ul>' +
      '<p>Key Deliverables</p><ul><li>Timely monthly accounts.</li></ul>';
    expect(itemsOf(html, 'responsibilities')).toEqual([
      'Lead the monthly close.',
      'Review trial balances.',
      'Coordinate audits.',
      'Mentor the team.',
    ]);
  });

  it('keeps numbered sub-headings at the same rank as the section heading inside it', () => {
    const html =
      '<h3>Responsibilities</h3><h3>1. Delivery</h3><ul><li>Ship features.</li></ul><h3>2. Quality</h3><ul><li>Write tests.</li></ul>' +
      '<h3>Benefits</h3><ul><li>Lunch</li></ul>';
    expect(itemsOf(html, 'responsibilities')).toEqual(['Ship features.', 'Write tests.']);
    expect(itemsOf(html, 'benefits')).toEqual(['Lunch']);
  });

  it('does not take a numbered heading that names another part as a sub-heading', () => {
    const html =
      '<p>1. Your tasks</p><ul><li>Build things</li></ul><p>2. Your profile</p><ul><li>Python</li></ul>';
    expect(itemsOf(html, 'responsibilities')).toEqual(['Build things']);
    expect(itemsOf(html, 'requirements')).toEqual(['Python']);
  });

  it('reads a bold label right under a heading as part of that heading ("JOB REQUIREMENTS" / "Minimum:")', () => {
    const html =
      '<p><b>JOB REQUIREMENTS</b></p><p><b>Technical:</b></p><ul><li>Five years in radiation protection</li></ul>' +
      '<p><b>Preferred:</b></p><ul><li>NRRPT Certification</li></ul>';
    expect(itemsOf(html, 'requirements')).toEqual(['Five years in radiation protection']);
    expect(itemsOf(html, 'niceToHave')).toEqual(['NRRPT Certification']);
  });

  it('reads "Minimum:" beside "Preferred:" as the required list', () => {
    expect(classifyHeading('Minimum:')).toBe('requirements');
    expect(classifyHeading('Minimum qualifications')).toBe('requirements');
    expect(classifyHeading('Minimum salary')).toBe('compensation');
    expect(classifyHeading('Preferred:')).toBe('niceToHave');
  });
});

describe('French responsibilities headings', () => {
  it('reads stacked possessives and qualifiers before "missions"', () => {
    expect(classifyHeading('Vos principales missions seront :')).toBe('responsibilities');
    expect(classifyHeading('Les missions principales')).toBe('responsibilities');
  });

  it('reads "- " lines after a <br> label as that part\'s bullets', () => {
    const html =
      '<br/>Votre challenge<br/>Au sein de la DSI, vous contribuez au développement.<br/>Vos principales missions seront :<br/>' +
      '- Réaliser des applicatifs,<br/>- Assurer la maintenance…';
    expect(itemsOf(html, 'responsibilities')).toEqual([
      'Réaliser des applicatifs,',
      'Assurer la maintenance…',
    ]);
  });
});

describe('Norwegian, Swedish and Danish postings', () => {
  it.each([
    ['Arbeidsoppgaver', 'responsibilities'],
    ['Dina arbetsuppgifter', 'responsibilities'],
    ['Arbejdsopgaver:', 'responsibilities'],
    ['Ansvarsområder', 'responsibilities'],
    ['Hvem ser vi etter:', 'requirements'],
    ['Vem söker vi?', 'requirements'],
    ['Kvalifikasjoner', 'requirements'],
    ['Kvalifikationer', 'requirements'],
    ['Personlige egenskaper', 'requirements'],
    ['Personlige egenskaper vi setter pris på:', 'niceToHave'],
    ['Meriterande', 'niceToHave'],
    ['Det er en fordel om du har', 'niceToHave'],
    ['Vi tilbyr', 'benefits'],
    ['Vad vi erbjuder', 'benefits'],
    ['Om oss', 'about'],
    ['Om internshipet', 'about'],
  ] as const)('classifies "%s" as %s', (heading, kind) => {
    expect(classifyHeading(heading)).toBe(kind);
  });

  it('does not read "Om du…" ("if you…") as a heading about the company', () => {
    expect(classifyHeading('Om du vil vite mer')).not.toBe('about');
  });

  it('files bullets by their own markers, and a negated requirement as optional', () => {
    expect(isNiceToHaveItem('Erfaring med Databricks er en fordel.')).toBe(true);
    expect(isNiceToHaveItem('Erfarenhet av Azure är ett plus')).toBe(true);
    expect(isNiceToHaveItem('Meriterande om du har jobbat med React')).toBe(true);
    expect(isNiceToHaveItem('Ønskelig med erfaring fra bank')).toBe(true);
    expect(isNiceToHaveItem('Du har helst erfaring med SQL')).toBe(true);
    expect(isNiceToHaveItem('Tidligere arbeidserfaring er ikke et krav.')).toBe(true);
    expect(isNiceToHaveItem('Körkort krävs')).toBe(false);
    expect(isNiceToHaveItem('Du behersker SQL og Python.')).toBe(false);
    // The first sentence decides: a later "er en fordel" is about something else.
    expect(
      isNiceToHaveItem('Du har brukt kodeverktøy. Erfaring med Databricks er en fordel, men ikke et krav.'),
    ).toBe(false);
  });

  it('summarises from the part about the internship, not the company pitch or a "vi ser etter deg" line', () => {
    const html =
      '<p>Ferd er et familieeid norsk investeringsselskap med en visjon om å skape varige verdier og sette tydelige spor.</p>' +
      '<p><strong>Om internshipet</strong></p>' +
      '<p>Som intern i Ferd Digital blir du med fra starten i en nyopprettet enhet, og får være med på å forme retningen.</p>' +
      '<p>Vi ser etter deg som kan lede eget arbeid, og vi kikker deg ikke over skulderen i hverdagen.</p>' +
      '<p><strong>Arbeidsoppgaver</strong></p><ul><li>Bygge dashboards</li></ul>';
    const sections = splitSections(htmlToBlocks(html));
    expect(roleSummary(sections, null)).toMatch(/^Som intern i Ferd Digital blir du med fra starten/);
  });

  it('takes a Swedish role sentence over the pitch', () => {
    const html =
      '<p>Vi är ett snabbväxande bolag med kontor i Stockholm och Göteborg och kunder i hela Norden.</p>' +
      '<p>Som backendutvecklare hos oss kommer du att bygga tjänster som används av tusentals kunder varje dag.</p>';
    expect(roleSummary(splitSections(htmlToBlocks(html)), null)).toMatch(/^Som backendutvecklare hos oss/);
  });
});

describe('workplace: what the posting says about this position outranks mentions elsewhere', () => {
  it('takes "This position is hybrid" over a remote-friendly perk', () => {
    expect(
      workplaceFromText([
        'This position is hybrid based in either Dublin or Munich locations',
        'Find your best way to work with our office-led, remote-friendly PersonioFlex!',
      ]),
    ).toBe('hybrid');
    expect(workplaceFromText(['We have remote teams.', 'This is a fully remote role.'])).toBe('remote');
    expect(workplaceFromText(['Work from anywhere 2 weeks a year.', 'The role is on-site in Munich.'])).toBe(
      'onsite',
    );
    expect(workplaceFromText(['Work model: Hybrid', 'Remote working allowance for everyone'])).toBe('hybrid');
    expect(workplaceFromText(['Arbeitsort: München, hybrid', 'Remote-Zuschuss'])).toBe('hybrid');
    expect(workplaceFromText(['Ce poste est en télétravail complet.', 'Bureaux à Paris.'])).toBe('remote');
  });

  it('reads on-site for part of the week as hybrid, and a negated statement by the usual rules', () => {
    expect(workplaceFromText(['This role is in-office 3 days a week.'])).toBe('hybrid');
    expect(workplaceFromText(['This role is not remote.'])).toBe('onsite');
  });

  it('reads a share of remote days ("50% remote") as hybrid', () => {
    expect(
      workplaceFromText(['Most teams offer a roughly 50% remote, 50% in-office working framework']),
    ).toBe('hybrid');
    expect(workplaceFromText(['You can work 100% remote from anywhere in Europe.'])).toBe('remote');
  });

  it('does not take an on-site perk or event for the workplace', () => {
    expect(
      workplaceFromText([
        'These benefits include comprehensive health care coverage, on-site health and wellness centers, a retirement savings plan.',
      ]),
    ).toBeNull();
    expect(
      workplaceFromText(['Free on-site gym and parking.', 'Final round: on-site interviews.']),
    ).toBeNull();
    expect(workplaceFromText(['This is an on-site role with an on-site gym.'])).toBe('onsite');
  });

  it("keeps a bold statement under a heading as the section's text", () => {
    const sections = splitSections(
      htmlToBlocks(
        '<h3>The Role</h3><p><strong>This position is hybrid based in either Dublin or Munich locations</strong></p><p>At Personio, your work matters.</p>',
      ),
    );
    expect(sections[0]?.paragraphs[0]).toBe(
      'This position is hybrid based in either Dublin or Munich locations',
    );
  });

  it('reads "Why <company>" as the benefits pitch', () => {
    expect(classifyHeading('Why Personio')).toBe('benefits');
    expect(classifyHeading('Why Us?')).toBe('benefits');
  });
});

describe('minimum years: a range from zero', () => {
  it.each([
    ['0 to 5 years of experience performing the essential duties listed above.', 0],
    ['0-2 years of experience in a similar role', 0],
    ['0–2 Jahre Berufserfahrung', 0],
    ["0 à 2 ans d'expérience", 0],
    ['3+ years of experience; 0-2 years in management', 3],
  ])('reads %s as minimum %s', (sentence, expected) => {
    expect(extractMinYears([sentence])).toBe(expected);
  });

  it('keeps ceilings, anniversaries and a bare "0 years" out', () => {
    expect(extractMinYears(['Up to 0-2 years of experience'])).toBeNull();
    expect(extractMinYears(['We celebrate 0 to 5 years anniversaries'])).toBeNull();
    expect(extractMinYears(['0 years of experience'])).toBeNull();
  });
});

describe('hours stated in a short text', () => {
  it('names one kind of hours, or none when both or neither are said', () => {
    expect(hoursFromText('Office Manager (m/w) in Teilzeit')).toBe('part-time');
    expect(hoursFromText('Backend Engineer (full-time)')).toBe('full-time');
    expect(hoursFromText('in Vollzeit oder Teilzeit')).toBeNull();
    expect(hoursFromText('Office Manager')).toBeNull();
  });
});
