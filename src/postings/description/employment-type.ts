const MAX_TEXT = 200_000;

/** Letters only, lower-cased, accents dropped: "Período integral" → "periodointegral". */
function letters(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');
}

// Structured values that state hours, in the languages postings come in (letters only, see letters()).
const FULL_TIME =
  /^(?:fulltime|permanentfulltime)|vollzeit|tempsplein|tempscomplet|jornadacompleta|tiempocompleto|tempointegral|periodointegral|voltijd|tempopieno/;
const PART_TIME =
  /^parttime|teilzeit|tempspartiel|mediajornada|jornadaparcial|tiempoparcial|tempoparcial|meioperiodo|deeltijd|tempoparziale/;
const INTERNSHIP =
  /intern|^(?:werkstudent|apprenticeship|ausbildung|stage|stagiaire|alternance|apprentissage|practicas|pasantia|becario|estagio|estagiario|jovemaprendiz|aprendiz|tirocinio|stagista|apprendistato|stagiair|praktikum|praktikant|dualesstudium)/;
// Fixed-term work is a contract, as "fixed-term contract" is in English text.
const CONTRACT =
  /contract|^(?:freelance|freelancer|contractor|freiberuflich|cdd|befristet|pj|tempodeterminato|autonomo|zzp)/;
const TEMPORARY =
  /temporary|^(?:temp|seasonal|interim|zeitarbeit|aushilfe|temporal|temporaire|tijdelijk|temporaneo|saisonnier)$/;

/**
 * Normalises a structured employment type ("FULL_TIME", "Full time /", "FullTime", "Part-time",
 * "Contract", "Intern", "Vollzeit", "Temps plein", "Jornada completa", "Deeltijd", "Stage",
 * "CDD", "PJ") to the summary's vocabulary; null for values that say nothing about hours or contract
 * ("Regular"), and for permanent contracts that do not state hours ("CDI", "Festanstellung",
 * "unbefristet", "CLT", "tempo indeterminato"): they say the job is permanent, not that it is full-time.
 */
export function normalizeEmploymentType(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const n = normalizeEmploymentType(v);
      if (n) return n;
    }
    return null;
  }
  if (typeof value !== 'string') return null;
  const v = letters(value).slice(0, 80);
  if (FULL_TIME.test(v)) return 'full-time';
  if (PART_TIME.test(v)) return 'part-time';
  if (INTERNSHIP.test(v)) return 'internship';
  if (CONTRACT.test(v) && !v.startsWith('unbefristet')) return 'contract';
  if (TEMPORARY.test(v)) return 'temporary';
  return null;
}

/**
 * Titles that name an internship, apprenticeship or working-student job, in English, German,
 * French, Spanish, Portuguese, Dutch and Italian. "Stage" counts only as a French/Dutch title word
 * ("Stage - Chargé de marketing", "Stage Marketing (6 mois)"), not the English "Early-Stage".
 */
const INTERNSHIP_TITLE =
  /\b(?:intern|internship|stagiaire|stagiair|praktikum|praktikant(?:in)?|werkstudent(?:in)?|ausbildung|auszubildende[rn]?|azubi|duales? studium|alternan(?:ce|t|te)|apprenti(?:e|ssage)?|pr[áa]cticas|practicante|pasant[ei]a?|becari[oa]|est[áa]gio|estagi[áa]ri[oa]|jovem aprendiz|tirocinio|tirocinante|stagista|apprendistato|(?:afstudeer|meewerk|snuffel)stage)(?![\p{L}])|^stage\b(?!\s(?:manager|technician|hand|crew|designer|director))|\bstage\s?[-–—:|(]|\(stage\)|\bstage (?:de|d['’]|en|in|bij|marketing|sales|finance|data)\b/iu;

// Hours words in prose, per language. "Vollzeit" and "voltijd" also begin compounds (Vollzeitstelle).
const FULL_TIME_TEXT =
  /\bfull[- ]?time\b|\bvollzeit|\b(?:[àa] )?temps (?:plein|complet)\b|\bjornada (?:completa|integral)\b|\btiempo completo\b|\btempo integral\b|\bper[íi]odo integral\b|\bvoltijd|\btempo pieno\b/iu;
const PART_TIME_TEXT =
  /\bpart[- ]?time\b|\bteilzeit|\b(?:[àa] )?temps partiel\b|\b(?:media jornada|jornada parcial|tiempo parcial)\b|\b(?:meio per[íi]odo|tempo parcial)\b|\bdeeltijd|\btempo parziale\b/iu;
// Fixed-term and freelance work, written the way each language does.
const CONTRACT_TEXT =
  /\b(?:fixed[- ]term contract|contract (?:role|position)|contractor role|freelance)\b|(?<!un)befristet(?:e[nrs]?)? (?:auf|f[üu]r|bis|vertrag|anstellung|stelle)|\bcontrat [àa] dur[ée]e d[ée]termin[ée]e\b|\bcontrato (?:de duraci[óo]n determinada|temporal|por obra)|\b(?:a )?tempo determinato\b|\bfreiberuflich|\bpartita iva\b|\bzzp\b/iu;
// Upper-case abbreviations, in their own context: "en CDD", "CDD de 6 mois" (in English compliance
// postings CDD is customer due diligence) and Brazil's "regime PJ" (a contractor's company).
const CONTRACT_ABBREVIATION =
  /\b(?:[Ee]n |[Uu]n |[Tt]ype de contrat\s?:\s?|[Cc]ontrat\s?:\s?)CDD\b|\bCDD (?:de )?\d|\b(?:[Rr]egime|[Mm]odelo|[Cc]ontrata[çc][ãa]o|[Cc]ontrato)\b[^.\n]{0,15}\bPJ\b/u;

/**
 * Employment type stated in prose ("full-time", "part-time", "fixed-term contract", and the same in
 * German, French, Spanish, Portuguese, Dutch and Italian), or an internship named in the title.
 * Internships are read from the title only: prose mentions "Praktikum" or "stage" as past experience
 * ("erste Erfahrungen durch ein Praktikum").
 */
export function employmentTypeFromText(text: string, title: string | null): string | null {
  if (title && INTERNSHIP_TITLE.test(title.slice(0, 300))) return 'internship';
  const t = text.slice(0, MAX_TEXT);
  // The patterns are long and multilingual; a plain substring test first spares most texts them.
  const lower = t.toLowerCase();
  const has = (hints: readonly string[]): boolean => hints.some((hint) => lower.includes(hint));
  if (has(FULL_TIME_HINTS) && FULL_TIME_TEXT.test(t)) return 'full-time';
  if (has(PART_TIME_HINTS) && PART_TIME_TEXT.test(t)) return 'part-time';
  if (has(CONTRACT_HINTS) && (CONTRACT_TEXT.test(t) || CONTRACT_ABBREVIATION.test(t))) return 'contract';
  if (lower.includes('temporary') && /\b(?:temporary (?:role|position|contract))\b/i.test(t))
    return 'temporary';
  return null;
}

/** Fragments each prose pattern above needs (lower case). */
const FULL_TIME_HINTS = [
  'full-time',
  'full time',
  'fulltime',
  'vollzeit',
  'temps plein',
  'temps complet',
  'jornada completa',
  'jornada integral',
  'tiempo completo',
  'tempo integral',
  'período integral',
  'periodo integral',
  'voltijd',
  'tempo pieno',
];
const PART_TIME_HINTS = [
  'part-time',
  'part time',
  'parttime',
  'teilzeit',
  'temps partiel',
  'media jornada',
  'jornada parcial',
  'tiempo parcial',
  'meio per',
  'tempo parcial',
  'deeltijd',
  'tempo parziale',
];
const CONTRACT_HINTS = [
  'fixed-term',
  'fixed term',
  'contract role',
  'contract position',
  'contractor role',
  'freelance',
  'befristet',
  'contrat ',
  'contrato ',
  'determinato',
  'freiberuflich',
  'partita iva',
  'zzp',
  'cdd',
  'pj',
];

/**
 * The hours a short text states, when it states one kind only: "Office Manager (m/w) in Teilzeit"
 * is part-time; "Vollzeit oder Teilzeit" states none.
 */
export function hoursFromText(text: string): 'full-time' | 'part-time' | null {
  const t = text.slice(0, 2000);
  const full = FULL_TIME_TEXT.test(t);
  const part = PART_TIME_TEXT.test(t);
  if (full === part) return null;
  return full ? 'full-time' : 'part-time';
}
