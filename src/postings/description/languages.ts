import type { SectionKind } from './sections.js';

/**
 * Section headings of job postings in German, French, Spanish, Portuguese, Dutch, Italian and the
 * Scandinavian languages (Norwegian, Swedish, Danish), one
 * list of heading openings per part of a posting. A heading is matched from its start (after any
 * leading emoji, numbering or bullet): these languages put the telling word first ("Deine Aufgaben",
 * "Profil recherché", "Requisitos deseables"), and anchoring keeps a long sentence that merely
 * contains "Profil" or "Aufgaben" from passing for a heading.
 *
 * Order matters as in English: nice-to-have first ("Requisitos deseables" is not "Requisitos"), then
 * benefits ("Was dich bei uns erwartet" before "Was dich erwartet"), compensation, about,
 * requirements, responsibilities.
 */
const HEADINGS: ReadonlyArray<readonly [SectionKind, readonly string[]]> = [
  [
    'niceToHave',
    [
      // de
      'gut zu haben',
      'von vorteil',
      'w[üu]nschenswert',
      'pluspunkte?',
      'idealerweise',
      'das (?:w[äa]re|ist) (?:ein )?plus',
      'ein plus',
      'optional',
      '(?:\\p{L}+ )?(?:anforderungen|qualifikationen|kenntnisse),? (?:die )?(?:von vorteil|w[üu]nschenswert)',
      'was (?:w[üu]nschenswert|von vorteil) (?:ist|w[äa]re)',
      // fr
      'atouts?',
      'les plus',
      '(?:un |serait un |est un )plus',
      'comp[ée]tences (?:appr[ée]ci[ée]es|souhait[ée]es|bonus)',
      'ce qui (?:serait|est) un plus',
      'souhait[ée]e?s?',
      'appr[ée]ci[ée]e?s?',
      // es
      'deseables?',
      '(?:requisitos|conocimientos|habilidades) deseables',
      'se valorar[áa]',
      'valoramos',
      'valorables?',
      'ser[áa] un plus',
      // pt
      'diferenciais',
      'diferencial',
      'desej[áa]ve(?:l|is)',
      '(?:requisitos|conhecimentos) desej[áa]veis',
      'valor[áa]ve(?:l|is)',
      'ser[áa] um (?:diferencial|plus)',
      // nl
      'pluspunten',
      'pluspunt',
      'een pluspunt',
      'mooi meegenomen',
      'wenselijk',
      '(?:is )?een pr[ée]',
      // it
      'gradit[oaie]',
      '(?:requisiti|competenze) (?:preferenziali|graditi|gradite)',
      'costituisce (?:titolo )?(?:preferenziale|un plus)',
      'titoli? preferenziali?',
      'preferibil(?:e|mente)',
      'sar[àa] (?:considerato )?un plus',
      // nb · sv · da
      '(?:det er |det [äa]r )?(?:en|ett|et) (?:fordel|f[öo]rdel|plus)',
      'meriterande',
      'meriterende',
      'meritterende',
      '[øö]nskelig',
      '[öø]nskv[äa]rd(?:a|e|t)?',
      '[øö]nskv[æa]rdig(?:e|t)?',
      'fint om',
      '(?:det )?vi (?:setter|s[æa]tter) pris p[åa]',
      'vi uppskattar',
    ],
  ],
  [
    'benefits',
    [
      // de
      '(?:was|das) (?:wir (?:dir |ihnen )?bieten|bieten wir(?: dir| ihnen)?)',
      'wir bieten',
      'unser angebot',
      '(?:deine|ihre|unsere) (?:vorteile|benefits)',
      'vorteile',
      '(?:was|das) (?:dich|sie) bei uns erwartet',
      '(?:darum|warum) (?:wir|du|sie|zu uns)',
      // "Warum Personio", "Pourquoi Qonto", "Waarom Bol": why the company, a pitch of its perks.
      '(?:warum|pourquoi|por qu[ée]|por que|waarom|perch[ée]) \\p{L}+$',
      'was du von uns (?:bekommst|erwarten kannst)',
      // fr
      'avantages',
      'nos avantages',
      "ce que nous (?:offrons|proposons|t['’]offrons|vous offrons)",
      "ce qu['’]on (?:t['’]|vous )?(?:offre|propose)",
      'nous (?:vous |te )?(?:offrons|proposons)',
      'pourquoi (?:nous rejoindre|rejoindre|nous)',
      // es
      '(?:qu[ée]|lo que) (?:te )?ofrecemos',
      '(?:te )?ofrecemos',
      'beneficios',
      'por qu[ée] (?:unirte|trabajar)',
      // pt
      'benef[íi]cios',
      '(?:o que )?oferecemos',
      'vantagens',
      // nl
      'wat (?:bieden wij|bieden we|wij (?:jou )?bieden|we (?:jou )?bieden|krijg je)',
      '(?:wij|dit) bieden(?: wij| we)?',
      'arbeidsvoorwaarden',
      'wat mag je (?:van ons )?verwachten',
      // it
      'cosa (?:ti )?offriamo',
      '(?:ti )?offriamo',
      'vantaggi',
      'perch[ée] (?:unirti|lavorare)',
      // nb · sv · da
      '(?:hva|vad|hvad|det) (?:vi )?(?:tilbyr|erbjuder|tilbyder)(?: vi)?',
      'vi (?:tilbyr|erbjuder|tilbyder)',
      '(?:v[åa]re |v[åa]ra )?(?:fordeler|f[öo]rm[åa]ner|goder|personalgoder|medarbejdergoder)',
      '(?:hvorfor|varf[öo]r) (?:jobbe|arbeta|jobba|arbejde|velge|v[äa]lja|v[æa]lge|bli|bliv)',
    ],
  ],
  [
    'compensation',
    [
      'gehalt',
      'verg[üu]tung',
      'r[ée]mun[ée]ration',
      'salaire',
      'salario',
      'sal[áa]rio',
      'remunera(?:ci[óo]n|[çc][ãa]o)',
      'retribu(?:ci[óo]n|zione)',
      'salaris',
      'stipendio',
      'l[øöo]nn?(?![\\p{L}])',
      'avl[øo]nning',
    ],
  ],
  [
    'about',
    [
      '[üu]ber (?:uns|die (?:stelle|rolle|position)|das unternehmen)',
      'wer wir sind',
      'das sind wir',
      'qui sommes[- ]nous',
      '[àa] propos',
      "l['’]entreprise",
      'notre (?:entreprise|soci[ée]t[ée]|mission)',
      'sobre (?:nosotros|n[óo]s|la empresa|a empresa|el puesto|a vaga)',
      'qui[ée]nes somos',
      'quem somos',
      'acerca de',
      'over (?:ons|het bedrijf|de functie)',
      'wie (?:zijn wij|zijn we|we zijn)',
      'chi siamo',
      'su di noi',
      "l['’]azienda",
      // nb · sv · da: "Om oss", "Om Ferd", "Om stillingen" ("Om du…" is "if you…")
      'om (?!du |dig |deg |dere |ni |vi |man |det )\\p{L}+',
      'hvem (?:er vi|vi er)',
      'vem [äa]r vi',
      'vilka vi [äa]r',
    ],
  ],
  [
    // A list of the tools the team uses, not of what a candidate must bring (see sections.ts).
    'other',
    [
      '(?:unser |unsere )?(?:tech-?stack|technologien(?: (?:und|&) (?:skills|tools))?)$',
      '(?:notre )?stack technique$',
      'technologies (?:utilis[ée]es|et comp[ée]tences)$',
      'tecnolog[íi]as(?: y (?:habilidades|herramientas))?$',
    ],
  ],
  [
    'requirements',
    [
      // de
      '(?:dein|ihr|unser) ?(?:wunsch-?)?profil',
      'profil',
      'anforderungen',
      '(?:deine|ihre) (?:qualifikation(?:en)?|skills|kompetenzen|kenntnisse|erfahrung(?:en)?)',
      'qualifikation(?:en)?',
      'voraussetzungen',
      'was (?:du|sie) mitbring(?:st|en)',
      'was (?:bringst du|bringen sie) mit',
      'das (?:bringst du|bringen sie) mit',
      'was wir (?:von (?:dir|ihnen) )?erwarten',
      '(?:das|was) (?:zeichnet )?(?:dich|sie) aus',
      'was (?:dich|sie) auszeichnet',
      'wen wir suchen',
      'wer (?:du bist|sie sind)',
      'damit [üu]berzeugst du',
      // fr
      'profil recherch[ée]',
      '(?:votre|ton) profil',
      'comp[ée]tences',
      'pr[ée]requis',
      'qualifications',
      'ce que nous (?:recherchons|cherchons|attendons)',
      "ce qu['’]on (?:recherche|attend)",
      'qui (?:[êe]tes[- ]vous|es[- ]tu)',
      'vous [êe]tes',
      'tu es',
      'exp[ée]riences?',
      // es
      'requisitos',
      'requerimientos',
      '(?:tu )?perfil',
      '(?:qu[ée]|lo que) (?:buscamos|necesitas|pedimos)',
      'buscamos',
      'experiencia',
      '(?:cualificaciones|calificaciones)',
      'conocimientos',
      // pt
      'requisitos e qualifica[çc][õo]es',
      'qualifica[çc][õo]es',
      'o que (?:buscamos|esperamos|procuramos)',
      'experi[êe]ncia',
      'conhecimentos',
      'pr[ée]-requisitos',
      // nl
      'wat (?:vragen wij|vragen we|wij vragen|we vragen)',
      '(?:wie|wat) (?:ben jij|ben je|zoeken wij|zoeken we)',
      'wat (?:breng je|neem je) mee',
      'dit (?:breng je|neem je) mee',
      '(?:wat|dit) heb je (?:nodig|in huis)',
      'functie-?eisen',
      '(?:jouw )?profiel',
      'vereisten',
      'kwalificaties',
      // it
      'requisiti',
      '(?:il tuo )?profilo',
      'cosa (?:cerchiamo|ti chiediamo)',
      'competenze',
      'esperienza',
      'qualifiche',
      // nb · sv · da
      '(?:dine |dina |dine |v[åa]re |v[åa]ra )?(?:kvalifikasjoner|kvalifikationer|kvalifikationer)',
      '(?:[øö]nsket |[öø]nskad )?(?:kompetanse|kompetens|kompetencer)',
      'krav(?:profil| til deg| til dig)?',
      '(?:hvem|vem) (?:ser vi etter|s[øo]ker vi|s[öo]ker vi|leter vi etter|letar vi efter|leder vi efter|s[øo]ger vi|er du|[äa]r du|du er|du [äa]r)',
      'vi (?:ser etter|leter etter|s[øo]ker deg|s[öo]ker dig|letar efter|leder efter|s[øo]ger)',
      '(?:din |dit )?(?:profil|bakgrunn|bakgrund|baggrund|erfaring|erfarenhet)',
      'personlige? (?:egenskaper|egenskaber)',
      'personliga egenskaper',
      '(?:vi forventer|vi f[öo]rv[äa]ntar oss)',
    ],
  ],
  [
    'responsibilities',
    [
      // de
      '(?:deine|ihre|die) (?:aufgaben|rolle|verantwortung|mission|t[äa]tigkeiten)',
      'aufgaben',
      't[äa]tigkeit(?:en)?',
      'aufgabengebiete?',
      '(?:was|das) (?:dich|sie) erwartet',
      'was (?:du|sie) (?:tun|tust|machst|bewegst|bewegen)',
      'das (?:machst|bewegst) du',
      'dein job',
      'ihr job',
      // "Das sind Ihre Aufgaben", "Das sind deine Aufgaben"
      '(?:das|dies) sind (?:deine|ihre|eure|unsere|die) (?:aufgaben|t[äa]tigkeiten)',
      // fr
      // "Vos principales missions seront", "Les missions principales": possessive and qualifier words stack.
      '(?:(?:vos|tes|ta|votre|les|nos|principales|futures) ){0,3}missions?',
      '(?:vos |tes |les )?responsabilit[ée]s',
      'ce que (?:vous ferez|tu feras|tu vas faire|vous allez faire)',
      'le poste',
      'ton r[ôo]le',
      'votre r[ôo]le',
      // es
      'responsabilidades',
      '(?:tus |principales )?funciones',
      '(?:qu[ée]|lo que) har[áa]s',
      'tareas',
      'tu (?:rol|misi[óo]n|d[íi]a a d[íi]a)',
      // pt
      '(?:suas |principais )?atribui[çc][õo]es',
      '(?:suas |principais )?(?:atividades|responsabilidades)',
      'o que voc[êe] (?:vai fazer|far[áa])',
      'seu dia a dia',
      'desafios',
      // nl
      'wat (?:ga je|ga jij|je gaat|jij gaat) doen',
      'dit ga je doen',
      '(?:jouw )?(?:taken|verantwoordelijkheden)',
      'jouw (?:rol|functie)',
      'de functie',
      'functieomschrijving',
      // it
      'responsabilit[àa]',
      '(?:principali )?(?:mansioni|attivit[àa]|compiti)',
      '(?:cosa|di cosa ti) (?:farai|occuperai)',
      'il tuo ruolo',
      'il ruolo',
      // nb · sv · da
      '(?:dine |dina |dine )?(?:arbeidsoppgaver|arbetsuppgifter|arbejdsopgaver|oppgaver|uppgifter|opgaver)',
      '(?:ditt |dit |dine |dina )?(?:ansvar|ansvarsomr[åa]der?|ansvarsomr[åa]den)',
      '(?:hva|vad|hvad) (?:du skal|du kommer att|du vil|skal du|kommer du att) (?:gj[øo]re|g[öo]ra|lave|jobbe med|arbeta med|arbejde med)',
      'rollen|stillingen|tjänsten|jobbet',
    ],
  ],
];

/** Leading emoji, bullets, numbering and punctuation before a heading's first word. */
const LEADING_NOISE = /^[^\p{L}]{1,12}/u;

/**
 * A qualifier after the noun makes a heading nice-to-have in these languages ("Qualifications
 * souhaitées", "Conocimientos deseables", "Kenntnisse von Vorteil", "Personlige egenskaper vi setter
 * pris på", "Meriterande erfarenhet"), so it is looked for anywhere.
 */
const NICE_QUALIFIER =
  /(?:^|[^\p{L}])(?:souhait[ée]e?s?|appr[ée]ci[ée]e?s?|deseables?|desej[áa]ve(?:l|is)|preferenziali|gradit[oaie]|w[üu]nschenswert|von vorteil|diferenciais|pluspunten|wenselijk|un plus|ein plus|(?:setter|s[æa]tter) pris p[åa]|uppskattar|meriterande|merit?terende|[øö]nskelig|[öø]nskv[äa]rd(?:a|e|t)?|[øö]nskv[æa]rdig(?:e|t)?|(?:en|ett|et) f[öo]rdel)(?![\p{L}])/iu;

/** Fragments every qualifier above contains: most texts tried as headings have none. */
const NICE_QUALIFIER_HINTS = [
  'souhait',
  'appr',
  'deseab',
  'desej',
  'preferenz',
  'gradit',
  'nschenswert',
  'vorteil',
  'diferenc',
  'pluspunt',
  'wensel',
  'plus',
  'pris p',
  'uppskatt',
  'merit',
  'nskel',
  'nskv',
  'fördel',
  'fordel',
];

const FOREIGN_RULES = new Map<SectionKind, RegExp>(
  HEADINGS.map(([kind, openings]) => [
    kind,
    // After the opening: end of heading, or a non-letter (so "Profil" does not match "Profilbild").
    new RegExp(`^(?:${openings.join('|')})(?![\\p{L}])`, 'iu'),
  ]),
);

/**
 * Whether a heading names the given part in one of the supported non-English languages. The
 * caller asks kind by kind in its own order, so English and foreign rules of a kind sit together.
 */
export function foreignHeadingIs(kind: SectionKind, text: string): boolean {
  const clean = text.replace(LEADING_NOISE, '').replace(/[\s?？!.:：]+$/u, '');
  if (kind === 'niceToHave') {
    const lower = clean.toLowerCase();
    if (NICE_QUALIFIER_HINTS.some((hint) => lower.includes(hint)) && NICE_QUALIFIER.test(clean)) return true;
  }
  return FOREIGN_RULES.get(kind)?.test(clean) ?? false;
}
