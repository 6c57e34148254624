import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  employmentTypeFromText,
  normalizeEmploymentType,
} from '../../../src/postings/description/employment-type.js';
import { isNiceToHaveItem, splitRequirements } from '../../../src/postings/description/nice-to-have.js';
import { classifyHeading, itemsOf, splitSections } from '../../../src/postings/description/sections.js';
import { extractSeniority } from '../../../src/postings/description/seniority.js';
import { summarizeDraft } from '../../../src/postings/description/summarize.js';
import { extractVisaSponsorship } from '../../../src/postings/description/visa.js';
import { normalizeWorkplace, workplaceFromText } from '../../../src/postings/description/workplace.js';
import { extractMinYears, yearsIn } from '../../../src/postings/description/years.js';
import { extractPosting } from '../../../src/postings/extract-posting.js';
import { htmlToBlocks } from '../../../src/postings/html/blocks.js';
import type { PostingDraft } from '../../../src/postings/providers/types.js';
import { sharedRawDir } from './shared-set.js';

const fixtures = resolve(import.meta.dirname, '..', '..', 'fixtures', 'postings');

describe('section headings in German, French, Spanish, Portuguese, Dutch and Italian', () => {
  const cases: Array<[string, ReturnType<typeof classifyHeading>]> = [
    // de
    ['Deine Aufgaben', 'responsibilities'],
    ['Ihre Aufgaben:', 'responsibilities'],
    ['Was dich erwartet', 'responsibilities'],
    ['Ihr Profil', 'requirements'],
    ['Dein Profil', 'requirements'],
    ['Das bringst du mit', 'requirements'],
    ['Was Sie mitbringen', 'requirements'],
    ['Anforderungen', 'requirements'],
    ['Was wir bieten', 'benefits'],
    ['Das bieten wir', 'benefits'],
    ['Wir bieten', 'benefits'],
    ['Was dich bei uns erwartet', 'benefits'],
    ['Warum Personio', 'benefits'],
    ['Gut zu haben', 'niceToHave'],
    ['Von Vorteil', 'niceToHave'],
    ['Wünschenswert', 'niceToHave'],
    ['Über uns', 'about'],
    // fr
    ['Missions', 'responsibilities'],
    ['Vos missions', 'responsibilities'],
    ['🚀 Tes missions', 'responsibilities'],
    ['Profil recherché', 'requirements'],
    ['Votre profil', 'requirements'],
    ['Avantages', 'benefits'],
    ['Pourquoi nous rejoindre ?', 'benefits'],
    ['Atouts', 'niceToHave'],
    ['Un plus', 'niceToHave'],
    ['Compétences appréciées', 'niceToHave'],
    ['Qui sommes-nous ?', 'about'],
    // es
    ['Responsabilidades', 'responsibilities'],
    ['Funciones', 'responsibilities'],
    ['¿Qué harás?', 'responsibilities'],
    ['Requisitos', 'requirements'],
    ['Requisitos deseables', 'niceToHave'],
    ['Deseable', 'niceToHave'],
    ['Se valorará', 'niceToHave'],
    ['Qué ofrecemos', 'benefits'],
    ['Beneficios', 'benefits'],
    // pt
    ['Atribuições', 'responsibilities'],
    ['Responsabilidades e atribuições', 'responsibilities'],
    ['Requisitos e qualificações', 'requirements'],
    ['Diferenciais', 'niceToHave'],
    ['Valorável', 'niceToHave'],
    ['Benefícios', 'benefits'],
    // nl
    ['Wat ga je doen?', 'responsibilities'],
    ['Wat vragen wij?', 'requirements'],
    ['Wie ben jij?', 'requirements'],
    ['Wat bieden wij?', 'benefits'],
    ['Pluspunten', 'niceToHave'],
    ['Over ons', 'about'],
    // it
    ['Responsabilità', 'responsibilities'],
    ['Di cosa ti occuperai', 'responsibilities'],
    ['Requisiti', 'requirements'],
    ['Cosa offriamo', 'benefits'],
    ['Requisiti preferenziali', 'niceToHave'],
    ['Graditi', 'niceToHave'],
    ['Chi siamo', 'about'],
  ];
  for (const [heading, kind] of cases) {
    it(`"${heading}" → ${kind}`, () => expect(classifyHeading(heading)).toBe(kind));
  }

  it('needs the heading word at the start, as a whole word', () => {
    expect(classifyHeading('Profilbild')).toBeNull();
    expect(classifyHeading('Unser Team freut sich auf deine Aufgaben')).toBeNull();
    expect(classifyHeading('Dein Ansprechpartner')).toBeNull();
  });

  it('keeps English headings as they were', () => {
    expect(classifyHeading('Responsibilities')).toBe('responsibilities');
    expect(classifyHeading('Preferred Qualifications')).toBe('niceToHave');
    expect(classifyHeading('Our mission')).toBe('about');
    expect(classifyHeading('Benefits')).toBe('benefits');
  });

  it('splits a German posting whose headings are bold paragraphs, one ending in "?"', () => {
    const sections = splitSections(
      htmlToBlocks(
        '<p>Wir suchen dich (m/w/d) in Vollzeit.</p><p><strong>Deine Aufgaben</strong></p><ul><li>Kunden beraten</li><li>Angebote erstellen</li></ul>' +
          '<p><strong>Was bringst du mit?</strong></p><ul><li>Abgeschlossene Ausbildung</li><li>Erste Erfahrung im Vertrieb</li></ul>' +
          '<p><strong>Was wir bieten</strong></p><ul><li>30 Tage Urlaub</li></ul>',
      ),
    );
    expect(itemsOf(sections, 'responsibilities')).toEqual(['Kunden beraten', 'Angebote erstellen']);
    expect(itemsOf(sections, 'requirements')).toHaveLength(2);
    expect(itemsOf(sections, 'benefits')).toEqual(['30 Tage Urlaub']);
  });
});

describe('nice-to-have items wherever they appear', () => {
  it('moves a bullet marked optional out of the requirements', () => {
    const nice = [
      'Experience with Kubernetes is a plus',
      'Familiarity with design sprints, scrum/agile and Lean UX is a plus',
      'Bonus points: experience with Rust',
      'A background in fintech would be an advantage',
      'Knowledge of SQL is an asset',
      'Ideally, you have led a small team',
      "Master's degree preferred",
      'Nice to have: GraphQL',
      'Erfahrung mit SAP ist von Vorteil',
      'Führerschein Klasse B wünschenswert',
      'Idealerweise hast du bereits im E-Commerce gearbeitet',
      'Une expérience en SaaS serait un plus',
      'La connaissance de Python est appréciée',
      'Se valorará experiencia con AWS',
      'Inglés avanzado (deseable)',
      'Experiencia en retail (no excluyente)',
      'Conhecimento em Power BI é um diferencial',
      'Inglês avançado será valorável',
      'Ervaring met Salesforce is een pré',
      'Kennis van Duits is een pluspunt',
      'La conoscenza del tedesco costituisce titolo preferenziale',
      'Gradita esperienza nel settore moda',
      // Lists the marker closes are one clause.
      'A passion for interiors, design, or collecting is a definite plus',
      'Prior experience in FinTech, Payments or Commerce is a plus.',
      'Experience with networking ASICs, mixed-signal PHY SOCs, high-performance computing, AI/ML accelerators preferred',
      'Experience with Kafka, a plus',
      'Preferably, previous experience in a customer service environment or a customer-related role.',
    ];
    for (const item of nice) expect({ item, nice: isNiceToHaveItem(item) }).toEqual({ item, nice: true });
  });

  it('keeps a bullet whose requirement clause comes first, or that says it is required', () => {
    const required = [
      'Fluency in English is required; Italian is a strong plus',
      'Fluent in design tools (e.g. Figma), bonus points for fluency in prototyping tools',
      'You have at least 1 year of experience in a customer facing role, preferably in eCommerce.',
      '3 years of experience, ideally in B2B SaaS',
      'Experience using CRM systems like HubSpot or similar is mandatory',
      'Sehr gute Deutschkenntnisse sind zwingend erforderlich, Englisch von Vorteil',
      'Inglés imprescindible',
      'Experience with asset management platforms',
      'Experience with our preferred stack: Go and Postgres',
      'Knowledge of bonus schemes and incentive plans',
      'Python experience is not a plus but a must',
      // A requirement stated first, then something else named as optional.
      '7+ years driving product initiatives in fast-scaling tech companies. Bonus points if you’ve previously worked as a Product Manager.',
      'Fluent in Polish and English, other languages are a big plus',
      'Fluency in English and German (additional languages are a plus).',
      'Strong SQL skills, Python a plus',
      '3+ years experience as a Product Manager ideally e-commerce focused.',
      'Sehr gute Deutschkenntnisse, Englisch von Vorteil',
    ];
    for (const item of required)
      expect({ item, nice: isNiceToHaveItem(item) }).toEqual({ item, nice: false });
  });

  it('reads a negated requirement as optional ("keine Voraussetzung", "not required")', () => {
    expect(isNiceToHaveItem('Erfahrung in der Gebäudereinigung von Vorteil (keine Voraussetzung)')).toBe(
      true,
    );
    expect(isNiceToHaveItem('A degree is not required, but a CS background is a plus')).toBe(true);
  });

  it('keeps the order of both lists', () => {
    expect(splitRequirements(['A', 'B is a plus', 'C', 'D von Vorteil'])).toEqual({
      required: ['A', 'C'],
      niceToHave: ['B is a plus', 'D von Vorteil'],
    });
  });
});

describe('employment types', () => {
  it('normalises structured values in each language', () => {
    const cases: Array<[string, string | null]> = [
      ['Vollzeit', 'full-time'],
      ['Teilzeit', 'part-time'],
      ['Temps plein', 'full-time'],
      ['CDI - Temps partiel', 'part-time'],
      ['Jornada completa', 'full-time'],
      ['Media jornada', 'part-time'],
      ['Período integral', 'full-time'],
      ['Voltijd', 'full-time'],
      ['Deeltijd', 'part-time'],
      ['Tempo pieno', 'full-time'],
      ['Praktikum', 'internship'],
      ['Werkstudent', 'internship'],
      ['Stage', 'internship'],
      ['Alternance', 'internship'],
      ['Prácticas', 'internship'],
      ['Estágio', 'internship'],
      ['Tirocinio', 'internship'],
      ['CDD', 'contract'],
      ['befristet', 'contract'],
      ['PJ', 'contract'],
      ['Freelance', 'contract'],
      // Permanent contracts say nothing about hours.
      ['CDI', null],
      ['Festanstellung', null],
      ['unbefristet', null],
      ['CLT', null],
      ['Tempo indeterminato', null],
    ];
    for (const [value, type] of cases)
      expect({ value, type: normalizeEmploymentType(value) }).toEqual({ value, type });
  });

  it('reads hours and contracts from prose', () => {
    expect(employmentTypeFromText('Wir suchen dich ab sofort in Vollzeit (40 Std.).', null)).toBe(
      'full-time',
    );
    expect(employmentTypeFromText('Poste en CDI à temps plein, basé à Lyon.', null)).toBe('full-time');
    expect(employmentTypeFromText('Contrato indefinido, jornada completa.', null)).toBe('full-time');
    expect(employmentTypeFromText('Vaga em tempo parcial, 30 horas semanais.', null)).toBe('part-time');
    expect(employmentTypeFromText('Dit is een deeltijd functie (24-32 uur).', null)).toBe('part-time');
    expect(employmentTypeFromText('Contratto a tempo determinato di 12 mesi.', null)).toBe('contract');
    expect(employmentTypeFromText('Poste en CDD de 6 mois.', null)).toBe('contract');
    expect(employmentTypeFromText('Regime de contratação: PJ.', null)).toBe('contract');
  });

  it('does not read CDD (customer due diligence) or "Praktikum" as past experience into the type', () => {
    expect(employmentTypeFromText('You will run CDD and EDD reviews on new clients.', null)).toBeNull();
    expect(
      employmentTypeFromText('Erste Erfahrungen durch ein Praktikum sind von Vorteil.', null),
    ).toBeNull();
    expect(employmentTypeFromText('Befristet auf 12 Monate, mit Option auf Übernahme.', null)).toBe(
      'contract',
    );
    expect(employmentTypeFromText('Eine unbefristete Festanstellung.', null)).toBeNull();
  });

  it('reads an internship from the title in each language, but not "Early-Stage"', () => {
    for (const title of [
      'Werkstudent (m/w/d) Data Analytics',
      'Praktikum im Marketing (w/m/d)',
      'Ausbildung zum Fachinformatiker (m/w/d)',
      'Stage - Chargé de marketing (H/F)',
      'Alternance - Développeur Web (F/H)',
      'Prácticas en Finanzas',
      'Estágio em Engenharia',
      'Afstudeerstage Data Science',
      'Tirocinio Risorse Umane',
    ])
      expect({ title, type: employmentTypeFromText('', title) }).toEqual({ title, type: 'internship' });
    expect(employmentTypeFromText('', 'Early-Stage Venture Associate')).toBeNull();
    expect(employmentTypeFromText('', 'Stage Manager')).toBeNull();
  });

  it('is not confused by gender markers in titles', () => {
    for (const title of [
      'Backend Developer (m/w/d)',
      'Teamleiter (w/m/d) Vertrieb',
      'Data Engineer (f/m/x)',
      'Chef de projet (H/F)',
      'Comptable (F/H)',
      'Software Engineer (m/f/d)',
      'Product Owner (all genders)',
    ]) {
      expect(employmentTypeFromText('Vollzeit', title)).toBe('full-time');
      expect(classifyHeading(title)).toBeNull();
    }
  });
});

describe('workplace words', () => {
  it('reads remote, hybrid and on-site in each language', () => {
    const cases: Array<[string, ReturnType<typeof workplaceFromText>]> = [
      ['Die Stelle ist zu 100 % im Homeoffice möglich.', 'remote'],
      ['Du arbeitest komplett remote aus ganz Deutschland.', 'remote'],
      ['Wir sind ein Remote-first Unternehmen.', 'remote'],
      ['Zwei Tage Homeoffice pro Woche.', 'hybrid'],
      ['Mobiles Arbeiten ist nach Absprache möglich.', 'hybrid'],
      ['Poste en full remote depuis la France.', 'remote'],
      ['Deux jours de télétravail par semaine.', 'hybrid'],
      ['Un modèle hybride entre Paris et la maison.', 'hybrid'],
      ['Trabajo remoto desde cualquier lugar de España.', 'remote'],
      ['Modalidad híbrida: 3 días en la oficina.', 'hybrid'],
      ['Posición presencial en Madrid.', 'onsite'],
      ['Modelo de trabalho: remoto.', 'remote'],
      ['Modelo híbrido em São Paulo.', 'hybrid'],
      ['Je werkt deels op kantoor en deels thuiswerken.', 'hybrid'],
      ['Je werkt op kantoor in Utrecht.', 'onsite'],
      ['Lavoro da remoto con incontri mensili.', 'remote'],
      ['Modalità ibrida, tre giorni in sede.', 'hybrid'],
      ['Il ruolo è in sede a Milano.', 'onsite'],
    ];
    for (const [sentence, type] of cases)
      expect({ sentence, type: workplaceFromText([sentence]) }).toEqual({ sentence, type });
  });

  it('does not take negations, remote support or hybrid clouds for the workplace', () => {
    expect(workplaceFromText(['Leider ist kein Homeoffice möglich.'])).toBe('onsite');
    expect(workplaceFromText(['Poste sans télétravail.'])).toBe('onsite');
    expect(workplaceFromText(['Soporte remoto a usuarios finales.'])).toBeNull();
    expect(workplaceFromText(['Du betreust unsere hybride Cloud-Infrastruktur.'])).toBeNull();
    expect(workplaceFromText(['Diseñas arquitecturas de nube híbrida.'])).toBeNull();
  });

  it('maps structured workplace values in other languages', () => {
    expect(normalizeWorkplace('Remoto')).toBe('remote');
    expect(normalizeWorkplace('Híbrido')).toBe('hybrid');
    expect(normalizeWorkplace('Presencial')).toBe('onsite');
    expect(normalizeWorkplace('Télétravail complet')).toBe('remote');
  });
});

describe('years of experience', () => {
  it('reads floors and ranges in each language', () => {
    const cases: Array<[string, number]> = [
      ['Du hast mindestens 3 Jahre Berufserfahrung im Vertrieb.', 3],
      ['3+ Jahre Erfahrung mit TypeScript', 3],
      ['2–3 Jahre Berufserfahrung in der Pflege', 2],
      ['Erfahrung von mindestens drei Jahren', 3],
      ["Vous avez au moins 5 ans d'expérience en gestion de projet.", 5],
      ["5 ans d'expérience minimum sur un poste similaire", 5],
      ["De 3 à 5 ans d'expérience", 3],
      ['Experiencia mínima de 3 años en puestos similares', 3],
      ['3 años de experiencia en desarrollo backend', 3],
      ['Pelo menos 2 anos de experiência com vendas', 2],
      ['Minimaal 3 jaar ervaring als developer', 3],
      ['Almeno 3 anni di esperienza nel ruolo', 3],
    ];
    for (const [sentence, years] of cases)
      expect({ sentence, years: extractMinYears([sentence]) }).toEqual({ sentence, years });
  });

  it('ignores ceilings, company history, anniversaries and contract lengths', () => {
    for (const sentence of [
      'bis zu 2 Jahre Berufserfahrung',
      "jusqu'à 2 ans d'expérience",
      'hasta 2 años de experiencia',
      'até 2 anos de experiência',
      'maximaal 2 jaar ervaring',
      'fino a 2 anni di esperienza',
      'Seit über 10 Jahren Erfahrung in der Branche sind wir Marktführer.',
      'Depuis 20 ans, nous accompagnons nos clients.',
      'Con más de 30 años de historia.',
      'Al 25 jaar zijn wij marktleider.',
      'Da oltre 30 anni siamo leader nel settore.',
      'Wir feiern 50 Jahre Jubiläum.',
      'Befristet auf 2 Jahre.',
    ])
      expect({ sentence, years: yearsIn(sentence) }).toEqual({ sentence, years: [] });
  });
});

describe('seniority and visa', () => {
  it('reads titles in other languages', () => {
    expect(extractSeniority('Geschäftsführer (m/w/d)', null)).toBe('executive');
    expect(extractSeniority('Leiter Vertrieb (m/w/d)', null)).toBe('director');
    expect(extractSeniority('Teamleiter Kundenservice (w/m/d)', null)).toBe('lead');
    expect(extractSeniority('Stagiaire Marketing (H/F)', null)).toBe('intern');
    expect(extractSeniority('Desenvolvedor Sênior', null)).toBe('senior');
    expect(extractSeniority('Analista de Dados Pleno', null)).toBe('mid');
    expect(extractSeniority('Desenvolvedor Júnior', null)).toBe('junior');
  });

  it('reads visa support and its refusal in German and French', () => {
    expect(extractVisaSponsorship('Wir bieten Unterstützung beim Visum.')).toBe(true);
    expect(extractVisaSponsorship('Leider können wir kein Visa-Sponsoring anbieten.')).toBe(false);
    expect(extractVisaSponsorship('Nous ne pouvons pas proposer de parrainage de visa.')).toBe(false);
  });
});

/** The description blocks of Personio's documented feed example, read the way a feed reader would. */
function personioDraft(xml: string): PostingDraft {
  const blocks = [...xml.matchAll(/<name>([^<]*)<\/name>\s*<value>\s*<!\[CDATA\[([\s\S]*?)\]\]>/g)];
  return {
    source: 'html',
    url: null,
    title: /<position>[\s\S]*?<name>([^<]+)<\/name>/.exec(xml)?.[1] ?? null,
    company: null,
    companySlug: 'personio',
    locations: [/<office>([^<]+)<\/office>/.exec(xml)?.[1] ?? ''],
    workplaceType: null,
    employmentType: null,
    department: /<department>([^<]+)<\/department>/.exec(xml)?.[1] ?? null,
    statedLevel: null,
    statedMinYears: null,
    salary: null,
    thirdParty: { salary: null, workplaceType: null, employmentType: null },
    descriptionHtml: blocks.map(([, name, value]) => `<h3>${name}</h3>${value}`),
    descriptionElements: [],
    descriptionText: null,
    metaDescription: null,
    limitation: null,
    unlisted: false,
  };
}

describe('a real German posting: Personio’s documented feed example', () => {
  const xml = readFileSync(
    resolve(fixtures, 'personio', 'personio-docs-example-office-feelgood-manager.xml'),
    'utf8',
  );
  const truth = JSON.parse(
    readFileSync(
      resolve(fixtures, 'personio', 'personio-docs-example-office-feelgood-manager.truth.json'),
      'utf8',
    ),
  ) as Record<string, unknown>;
  const s = summarizeDraft(personioDraft(xml), { url: String(truth.url), canonicalUrl: String(truth.url) });

  it('finds the tasks under the bold "Deine Aufgaben:" label and the profile under "Dein Profil"', () => {
    expect(s.responsibilities).toHaveLength(Number(truth.responsibilitiesCount));
    expect(s.responsibilities[0]).toMatch(/^Ansprechpartner in Sachen Büro/);
    expect(s.requirements).toHaveLength(Number(truth.requiredCount));
    expect(s.niceToHave).toEqual([]);
  });

  it('reads "Warum Personio" as the perks and "in Teilzeit" as part-time', () => {
    expect(s.benefits).toHaveLength(6);
    expect(s.employmentType).toBe(truth.employmentType);
    expect(s.workplaceType).toBeNull();
    expect(s.minYearsExperience).toBeNull();
    expect(s.department).toBe('Management');
  });
});

describe.skipIf(!existsSync(sharedRawDir))(
  'pluses inside an English requirements list (shared Catawiki set)',
  () => {
    const read = (name: string) =>
      extractPosting({
        url: `https://job-boards.greenhouse.io/catawiki/jobs/${name.split(':')[1]}`,
        body: readFileSync(resolve(sharedRawDir, `${name.split(':')[0]}.json`)),
      });

    it('moves "… is a definite plus" and keeps "English is required; Italian is a strong plus"', () => {
      const s = read('greenhouse-api-catawiki-key-account-manager-interiors:7064402');
      expect(s.niceToHave).toEqual(['A passion for interiors, design, or collecting is a definite plus']);
      expect(s.requirements).toContain('Fluency in English is required; Italian is a strong plus');
    });

    it('moves "… is a plus" but keeps "Fluent in design tools, bonus points for …"', () => {
      const s = read('greenhouse-api-catawiki-senior-product-designer-amsterdam:7144904');
      expect(s.niceToHave).toEqual(['Familiarity with design sprints, scrum/agile and Lean UX is a plus']);
      expect(s.requirements.some((r) => r.startsWith('Fluent in design tools'))).toBe(true);
    });
  },
);
