import type { WorkplaceType } from '../posting-summary.js';

const MAX_SENTENCE = 500;
const REMOTE = /\bremote(?:ly)?\b|\bwork from (?:home|anywhere)\b|\btelecommut/i;
const REMOTE_NOT_WORKPLACE =
  /\bremote(?:ly)? (?:teams?|colleagues|stakeholders|collaboration|sensing|control|monitoring|access|servers?|desktop|support|patients?|operations|assistance|sites?|areas|locations|devices?|work program|employees|workers|friendly culture|culture)\b|\bremote-friendly culture\b/i;
const REMOTE_NEGATED =
  /\b(?:not|no|non|isn['’]t|cannot|can['’]t|won['’]t|unable|neither)\b[^.]{0,30}\bremote|\bremote\b[^.]{0,25}\b(?:not (?:available|possible|an option|offered|supported)|is not)\b/i;
const CONDITIONAL = /\b(?:if|unless|whether|some roles|exceptions?|depending on the role)\b/i;
const HYBRID = /\bhybrid\b/i;
const HYBRID_NOT_WORKPLACE =
  /\bhybrid (?:cloud|vehicles?|cars?|apps?|architecture|infrastructure|database|search|integration|engine|energy|powertrain|mobile|event|events)\b/i;
const ONSITE =
  /\b(?:on[- ]?site|in[- ]office|office[- ]based|in the office|fully in[- ]person|in[- ]person (?:role|position)|\d days? (?:a|per) week in)\b/i;
/** "On-site health and wellness centers", "on-site gym", "on-site interviews": a perk or an event, not where the job is done. */
const ONSITE_NOT_WORKPLACE =
  /\b(?:on[- ]?site|in[- ]office) (?:(?:health|wellness|fitness|medical|child ?care|day ?care|dining|employee|free|subsidi[sz]ed)\s(?:and\s|&\s)?){0,3}(?:health|wellness|fitness|gyms?|cafeterias?|canteens?|caf[eé]s?|restaurants?|dining|meals?|lunch(?:es)?|food|snacks|child ?care|day ?care|clinics?|medical|amenities|parking|laundry|massages?|events?|training|interviews?|visits?|meetings?|centers|centres|facilities)\b/gi;
/** "50% remote", "roughly 60 % remote": a share of the week, which is hybrid; 100% remote is remote. */
const PARTIAL_REMOTE =
  /\b[1-9]\d?\s?%\s?(?:of (?:the|your) time\s)?(?:remote(?:ly)?|from home|work from home|home[- ]?office)\b/i;

/**
 * "Clinicians will provide services both remotely and from a range of office settings", "a mix of
 * remote and in-office work", "a combination of on-site and remote work": both at once is hybrid.
 */
const MIXED_REMOTE =
  /\bboth remote(?:ly)? and (?:(?:from|in|at|on)\s)?(?:(?:an?|the|our|a range of|various|different)\s){0,2}(?:[\w-]+\s)?(?:office|on-?site|in[- ]person|clinic|site)|\bboth (?:in[- ]office|on-?site|in[- ]person|in (?:the|an?) office) and remote(?:ly)?\b|\b(?:mix|combination|blend) of (?:remote|on-?site|in[- ]office|in[- ]person|office)(?: work)? and (?:remote|on-?site|in[- ]office|in[- ]person|office)\b/i;
/**
 * "This position works in a garage environment 100% of the time", "The role is performed in a
 * warehouse setting": a place where the work can only be done in person. Offices are left out:
 * "works in an office environment" is physical-demands boilerplate that remote postings carry too.
 */
const PHYSICAL_WORKPLACE =
  /\b(?:this|the) (?:position|role|job|employee|team member)(?: [\w-]+){0,2}? (?:works?|is performed|is based|operates|will work) (?:in|at|on) (?:an?|the) (?:[\w-]+ )?(?:garage|warehouse|store|restaurant|kitchen|factory|plant|shop floor|workshop|hospital|clinic|laborator(?:y|ies)|lab|construction site|distribution (?:center|centre)|fulfil?lment (?:center|centre)|manufacturing|production)(?: (?:environment|setting|facility|floor))?\b/i;

/*
 * What the posting says about this job in so many words: "This position is hybrid based in Dublin",
 * "This is a fully remote role", "Work model: hybrid", "Arbeitsort: München (hybrid)", "Ce poste est
 * en télétravail", "El puesto es presencial". It outranks mentions elsewhere (a perk's "remote-friendly",
 * a company's "remote teams").
 */
const EXPLICIT_KIND = `(remote|hybrid|on[- ]?site|in[- ]office|office[- ]based|in[- ]person)`;
const EXPLICIT_EN = new RegExp(
  String.raw`\b(?:this|the) (?:position|role|job|opportunity|vacancy)(?: [\w-]+){0,3}? (?:is|will be)(?: an?)?(?: fully| 100%| entirely| primarily| predominantly)? ${EXPLICIT_KIND}\b|\bthis is an?(?: fully| 100%| entirely)? ${EXPLICIT_KIND}(?: [\w-]+)? (?:position|role|job|opportunity)\b`,
  'i',
);
const EXPLICIT_FOREIGN =
  /\b(?:(?:diese|die) (?:stelle|position|rolle) ist|(?:ce|le) poste est|(?:este|el) (?:puesto|rol|trabajo|empleo) es|(?:deze|de) (?:functie|rol|baan) is|(?:questa|la) posizione [èe]|(?:esta|a) (?:vaga|posi[çc][ãa]o) [ée])\s(?:[\p{L}-]+\s){0,2}?(hybrid|remote|vor ort|hybride|en t[ée]l[ée]travail|[àa] distance|en pr[ée]sentiel|sur site|h[íi]brid[oa]|remot[oa]|presencial|ibrid[oa]|in sede|in presenza|op kantoor|op locatie)(?![\p{L}])/iu;
const SOME_DAYS = /\b(?:[1-4]|one|two|three|four) days? (?:a|per|each|every) week\b/i;
/** "Workplace type: Hybrid", "Arbeitsort: Berlin, hybrid", "Modalidad: Remoto": a label the posting fills in. */
const WORKPLACE_LABEL =
  /^(?:workplace(?: type)?|work(?:ing)? (?:model|arrangement|set-?up|mode|style|location)|location type|arbeitsort|arbeitsmodell|arbeitsweise|modalit[ée] de travail|mode de travail|modalidad(?: de trabajo)?|modelo de trabalho|modalidade|werkplek|werkvorm|modalit[àa] di lavoro)\s?:\s?(.{1,80})/iu;

/*
 * The same in German, French, Spanish, Portuguese, Dutch and Italian. Words for working from home
 * part of the week ("Homeoffice", "mobiles Arbeiten", "télétravail", "teletrabajo", "thuiswerken",
 * "smart working") are hybrid: in these markets they name a share of home days, and a posting that
 * is fully remote says so ("100 % Homeoffice", "full remote", "télétravail complet", "remoto").
 */
const FOREIGN_REMOTE =
  /\bremot[oa]s?\b|\bfull[- ]remote\b|\bremote[- ]first\b|\b100\s?%\s?(?:(?:im|en|em|in|da|de)\s)?(?:home[- ]?office|mobil|remot|t[ée]l[ée]travail|teletrabajo|teletrabalho|thuis|smart working)|\b(?:komplett|vollst[äa]ndig|ausschlie(?:ß|ss)lich|voll) (?:im |aus dem |von zu hause )?(?:home[- ]?office|remote|mobil)|\bt[ée]l[ée]travail (?:complet|total|int[ée]gral|à 100)|\bteletrabajo (?:total|completo|100)|\b(?:volledig|helemaal) (?:thuis|op afstand|remote)|\bop afstand werken\b|\b(?:in|da) remoto\b/iu;
const FOREIGN_REMOTE_NOT_WORKPLACE =
  /\b(?:acceso|soporte|asistencia|monitoreo|monitoramento|suporte|acesso|controllo|assistenza|accesso|supporto) remot[oa]/iu;
const FOREIGN_HYBRID =
  /\bhybrid(?:e|es|en|er)\b|\bh[íi]brid[oa]s?\b|\bibrid[oa]\b|\bhomeoffice|\bhome-office|\b(?:im|ins|em|de|in|vom) home office\b|\bhome office[- ](?:m[öo]glich|m[öo]glichkeit|tage?|anteil|regelung)|\bmobile[sn]? arbeit|\bmobil (?:zu )?arbeiten|\bt[ée]l[ée]travail|\bteletrabajo|\bteletrabalho|\bthuiswerk|\bthuis werken|\bsmart working\b|\blavoro agile\b/iu;
const FOREIGN_HYBRID_NOT_WORKPLACE =
  /\b(?:cloud|nube|nuvem|architektur|architecture|arquitectura|arquitetura|infrastruktur|infrastructure|infraestructura|infraestrutura|fahrzeug|v[ée]hicule|veh[íi]culo|auto|motor)\w{0,4} (?:h[íi]brid|hybrid|ibrid)|\b(?:hybrid|h[íi]brid|ibrid)\w{0,3} (?:cloud|nube|nuvem|fahrzeug|v[ée]hicule|veh[íi]culo|antrieb)/iu;
const FOREIGN_ONSITE =
  /\bpresencial\b|\bpr[ée]sentiel\b|\bsur site\b|\bin sede\b|\bin presenza\b|\bop kantoor\b|\bop locatie\b|\bin pr[äa]senz\b|\b(?:no|en el) escrit[óo]rio\b|\ben (?:la )?oficina\b/iu;
const FOREIGN_NEGATED =
  /\b(?:kein(?:e|en)?|nicht|pas de|sans|sin|no es|n[ãa]o (?:[ée] |h[áa] )?|geen|niet|non (?:[èe] )?)\s?(?:\p{L}+\s)?(?:home[- ]?office|homeoffice|remote|remot[oa]|t[ée]l[ée]travail|teletrabajo|teletrabalho|thuiswerk\p{L}*|smart working)/iu;
const FOREIGN_CONDITIONAL = /\b(?:falls|sofern|indien|tenzij|sauf|salvo|a menos que|a meno che)\b/iu;

/** Splits prose into sentences (bounded). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function explicitKind(word: string): WorkplaceType | null {
  const w = word.toLowerCase();
  if (/^(?:remote|remot[oa]|en t[ée]l[ée]travail|[àa] distance)$/u.test(w)) return 'remote';
  if (/^(?:hybrid|hybride|h[íi]brid[oa]|ibrid[oa])$/u.test(w)) return 'hybrid';
  return 'onsite';
}

/** What one sentence states about this job's workplace in so many words; null when it states nothing. */
function explicitWorkplace(s: string): WorkplaceType | null {
  const en = EXPLICIT_EN.exec(s);
  const word = en?.[1] ?? en?.[2] ?? EXPLICIT_FOREIGN.exec(s)?.[1];
  if (word) {
    const kind = explicitKind(word);
    // "This role is in-office 3 days a week": on-site for part of the week is hybrid.
    if (kind === 'onsite' && SOME_DAYS.test(s)) return 'hybrid';
    return kind;
  }
  const label = WORKPLACE_LABEL.exec(s)?.[1];
  return label ? mentionedWorkplace([label]) : null;
}

/**
 * Workplace type from prose, sentence by sentence. A sentence that states this job's workplace in
 * so many words ("This position is hybrid", "Work model: remote") decides; otherwise affirmative
 * remote mentions win ("the most flexible option the posting offers"), then hybrid, then on-site.
 * Conditional boilerplate ("if the job description states that the position is fully remote...")
 * and negations ("this is not a remote role") are ignored; a negated remote counts as on-site, and
 * a share of remote days ("50% remote") is hybrid.
 */
export function workplaceFromText(all: readonly string[]): WorkplaceType | null {
  const sentences = all.filter(mayNameWorkplace);
  for (const raw of sentences) {
    const s = raw.slice(0, MAX_SENTENCE);
    if (CONDITIONAL.test(s) || FOREIGN_CONDITIONAL.test(s)) continue;
    const stated = explicitWorkplace(s);
    if (stated) return stated;
  }
  return mentionedWorkplace(sentences);
}

/**
 * Every workplace pattern here needs one of these fragments (lower case): a cheap test that lets
 * the long multilingual patterns run only on the few sentences that could match. Measured: the
 * workplace patterns took about a quarter of extraction time when run on every sentence. A new
 * pattern needs its fragment here, or it never runs.
 */
const WORKPLACE_HINT =
  /remot|brid|on.?site|in.?office|office.based|in the office|in.?person|telecommut|home|anywhere|days? (?:a|per|each|every) week|mobil|travail|teletrab|thuis|smart work|lavoro|presencial|présentiel|presentiel|presenza|präsenz|prasenz|sur site|in sede|kantoor|locatie|escrit|oficina|afstand|distanc|vor ort|hjemme|kontor|ufficio|büro|buro|works? (?:in|at|on) |performed (?:in|at|on) |based (?:in|at|on) |operates (?:in|at|on) |100 ?%/;

function mayNameWorkplace(sentence: string): boolean {
  return WORKPLACE_HINT.test(sentence.slice(0, MAX_SENTENCE).toLowerCase());
}

/** Fragments the non-English patterns below need (lower case): English sentences mostly have none. */
const FOREIGN_HINT =
  /brid|home.?office|mobil|travail|teletrab|thuis|smart work|lavoro|remot[oa]|remote.first|full.remote|100|komplett|vollst|ausschlie|voll |volledig|helemaal|afstand|presencial|présentiel|presentiel|sur site|in sede|presenza|kantoor|locatie|präsenz|prasenz|escrit|oficina|distan|vor ort|hjemme|kontor|distans/;

/** The most flexible workplace the sentences mention (remote, then hybrid, then on-site). */
function mentionedWorkplace(sentences: readonly string[]): WorkplaceType | null {
  let remote = false;
  let hybrid = false;
  let onsite = false;
  for (const raw of sentences) {
    const s = raw.slice(0, MAX_SENTENCE);
    if (CONDITIONAL.test(s) || FOREIGN_CONDITIONAL.test(s)) continue;
    if (REMOTE.test(s) && !REMOTE_NOT_WORKPLACE.test(s)) {
      if (REMOTE_NEGATED.test(s) || FOREIGN_NEGATED.test(s)) onsite = true;
      else if (MIXED_REMOTE.test(s)) hybrid = true;
      else if (PARTIAL_REMOTE.test(s)) hybrid = true;
      else remote = true;
    }
    if (HYBRID.test(s) && !HYBRID_NOT_WORKPLACE.test(s)) hybrid = true;
    if (ONSITE.test(s.replace(ONSITE_NOT_WORKPLACE, ' ')) || PHYSICAL_WORKPLACE.test(s)) onsite = true;
    const foreign = foreignWorkplace(s);
    if (foreign === 'remote') remote = true;
    else if (foreign === 'hybrid') hybrid = true;
    else if (foreign === 'onsite') onsite = true;
  }
  if (remote) return 'remote';
  if (hybrid) return 'hybrid';
  if (onsite) return 'onsite';
  return null;
}

/** What one non-English sentence says about the workplace; null when it says nothing. */
function foreignWorkplace(s: string): WorkplaceType | null {
  if (!FOREIGN_HINT.test(s.toLowerCase())) return null;
  const negated = FOREIGN_NEGATED.test(s);
  if (FOREIGN_REMOTE.test(s) && !FOREIGN_REMOTE_NOT_WORKPLACE.test(s)) return negated ? 'onsite' : 'remote';
  if (FOREIGN_HYBRID.test(s) && !FOREIGN_HYBRID_NOT_WORKPLACE.test(s)) return negated ? 'onsite' : 'hybrid';
  if (FOREIGN_ONSITE.test(s)) return 'onsite';
  return null;
}

/**
 * Whether prose offers a hybrid set-up ("Flexible hybrid working environment, with 3 days in the
 * office"). Used on the benefits list, where "hybrid" still describes the job but "remote" mostly
 * names a perk ("work from anywhere 4 weeks a year", "remote working allowance").
 */
export function statesHybrid(sentences: readonly string[]): boolean {
  return sentences.filter(mayNameWorkplace).some((raw) => {
    const s = raw.slice(0, MAX_SENTENCE);
    if (CONDITIONAL.test(s) || FOREIGN_CONDITIONAL.test(s)) return false;
    return (HYBRID.test(s) && !HYBRID_NOT_WORKPLACE.test(s)) || foreignWorkplace(s) === 'hybrid';
  });
}

// Structured values (letters only, accents dropped), in English and the other supported languages.
const REMOTE_VALUES = new Set([
  'remote',
  'telecommute',
  'fullyremote',
  'remoteonly',
  'fullremote',
  'remoto',
  'remota',
  'daremoto',
  'teletrabajo',
  'trabajoremoto',
  'trabalhoremoto',
  'teletravailcomplet',
  'teletravailtotal',
]);
const HYBRID_VALUES = new Set(['hybrid', 'hybride', 'hibrido', 'hibrida', 'ibrido', 'teletravailpartiel']);
const ONSITE_VALUES = new Set([
  'onsite',
  'inoffice',
  'office',
  'inperson',
  'onpremise',
  'presencial',
  'presentiel',
  'surplace',
  'sursite',
  'insede',
  'inpresenza',
  'opkantoor',
  'vorort',
]);

/**
 * Maps structured workplace values from any provider ("OnSite", "TELECOMMUTE", "hybrid", "remote: true",
 * "Remoto", "Híbrido", "Presencial", "Télétravail complet").
 */
export function normalizeWorkplace(value: unknown): WorkplaceType | null {
  if (typeof value !== 'string') return null;
  const v = value
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');
  if (REMOTE_VALUES.has(v)) return 'remote';
  if (HYBRID_VALUES.has(v)) return 'hybrid';
  if (ONSITE_VALUES.has(v)) return 'onsite';
  return null;
}
