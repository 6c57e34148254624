/** Longest sentence the experience patterns look at. */
const MAX_SENTENCE = 600;

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
};
const NUM =
  '(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)';
// "8+ years", "5–7 years", "8-10+ years", "five (5) years", "at least 3 yrs"
const YEARS = new RegExp(
  `\\b(?<n>${NUM})\\s?(?:\\(\\d{1,2}\\)\\s?)?(?:\\+|plus)?\\s?(?<range>(?:-|–|—|to)\\s?${NUM}\\s?\\+?\\s?)?(?:years?|yrs?)\\b`,
  'gi',
);
/** What follows a real requirement: "of experience", "leading ...", "in a similar role". */
const AFTER_OK =
  /^['’]?\s?(?:of\s)?(?:[\w/&-]+[\s,]{1,3}){0,6}?(?:experience|exp\b|expertise|background)|^['’]?\s?(?:of\s)?(?:(?:professional|relevant|proven|progressive|industry|hands-on|practical|working|post-?graduate|related|direct|full-time|commercial|combined)\s){0,3}(?:leading|managing|working|building|developing|designing|delivering|running|driving|owning|shipping|writing|programming|in\b|as\b|with\b|within\b|at\b|of\b|on\b|doing|coding)/i;
const BEFORE_BAD =
  /(?:anniversar\w*|founded|history|over the (?:past|last)|for (?:the )?(?:past|last|over)|since|ago|aged?|every|each|after|within|next|first|warranty|(?:\d|\s)(?:,|and)\s?)\s?$/i;
const SENTENCE_BAD =
  /anniversar|years? old|years? of (?:company|history|operation|business|age)|in business for|founded/i;
const LEAD_OK =
  /\b(?:minimum|min\.|at least|over|more than|no less than)\s?(?:of\s)?$|\bexperience\s?\((?:(?:typically|usually|generally|normally|at least|minimum|min\.)\s)?$/i;
/**
 * Schooling is not experience: "12 years of education where English was the main medium of
 * instruction", "16 years of formal schooling".
 */
const AFTER_SCHOOLING =
  /^['’]?\s?(?:of\s)?(?:(?:formal|full-time|compulsory|primary|secondary|tertiary|higher|university|college|school|english)\s){0,2}(?:education|schooling|school(?:ing)?\b|stud(?:y|ies)|coursework)/i;
/**
 * A ceiling, not a floor: "up to two years", "no more than 3 years", "less than 2 years",
 * "a maximum of 4 years", "under 2 years". ("no less than 3 years" is a floor: see LEAD_OK.)
 */
const LEAD_MAX =
  /\b(?:up\s?to|(?:no|not) more than|(?<!\bno |\bnot )(?:less|fewer) than|(?:a\s)?max(?:imum)?\.?(?:\sof)?|at most|under)\s?$/i;
/** "2 years or less", "3 years at most", "4 years maximum". */
const AFTER_MAX =
  /^['’]?\s?(?:of\s(?:\w+\s)?experience\s)?(?:or (?:less|fewer)|at (?:the )?most|max(?:imum)?)\b/i;

/**
 * Zero is a floor only as the start of a range: "0 to 5 years of experience", "0–2 Jahre" say that
 * no experience is needed. A bare "0 years" is rarely a requirement.
 */
function statesFloor(n: number, range: string | undefined): boolean {
  return n > 0 || (n === 0 && range !== undefined);
}

function toNumber(token: string): number {
  const key = token.toLowerCase();
  const n = NUMBER_WORDS[key] ?? FOREIGN_NUMBER_WORDS[key];
  return n ?? Number(token);
}

/*
 * The same reading in German, French, Spanish, Portuguese, Dutch and Italian: "mindestens 3 Jahre
 * Berufserfahrung", "au moins 5 ans d'expérience", "5 ans d'expérience minimum", "experiencia mínima
 * de 3 años", "pelo menos 2 anos de experiência", "minimaal 3 jaar ervaring", "almeno 3 anni di
 * esperienza"; ranges ("2–3 Jahre", "3 à 5 ans", "de 2 a 4 años", "3 tot 5 jaar") give their floor;
 * ceilings ("bis zu 2 Jahre", "jusqu'à 2 ans", "hasta 2 años", "até 2 anos", "maximaal 2 jaar",
 * "fino a 2 anni") and company history ("seit über 25 Jahren", "depuis 20 ans", "desde hace 30
 * años", "al 25 jaar", "da oltre 30 anni", anniversaries) state no minimum.
 */
const FOREIGN_NUMBER_WORDS: Record<string, number> = {
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  zehn: 10,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  dix: 10,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  diez: 10,
  dois: 2,
  duas: 2,
  três: 3,
  sete: 7,
  oito: 8,
  dez: 10,
  twee: 2,
  drie: 3,
  vijf: 5,
  zes: 6,
  tien: 10,
  due: 2,
  tre: 3,
  quattro: 4,
  cinque: 5,
  sette: 7,
  otto: 8,
  dieci: 10,
};
const FOREIGN_NUM = `(?:\\d{1,2}|${Object.keys(FOREIGN_NUMBER_WORDS).join('|')})`;
const FOREIGN_UNIT = '(?:jahren?|jahr|ans?|ann[ée]es?|a[ñn]os?|anos?|jaar|jaren|anni|anno)';
const FOREIGN_YEARS = new RegExp(
  `(?<![\\p{L}\\d])(?<n>${FOREIGN_NUM})\\s?\\+?\\s?(?<range>(?:-|–|—|bis|à|a|y|e|tot|al|o|ou|of|oder|to)\\s?${FOREIGN_NUM}\\s?\\+?\\s?)?${FOREIGN_UNIT}(?![\\p{L}])`,
  'giu',
);
const EXPERIENCE_WORD =
  '(?:\\p{L}*erfahrung|berufspraxis|praxis|exp[ée]riences?|experiencias?|experi[êe]ncias?|\\p{L}*ervaring|esperienz[ae])';
/** After the number: "Berufserfahrung", "d'expérience", "de experiencia", "ervaring", "di esperienza", or a role ("im Vertrieb", "als …", "en tant que"). */
const FOREIGN_AFTER_OK = new RegExp(
  `^\\s?(?:(?:[\\p{L}'’/-]+)[\\s,]{1,3}){0,5}?(?:[dl]['’])?${EXPERIENCE_WORD}(?![\\p{L}])|^\\s?(?:im|in der|in einer|in einem|als|en tant que|dans (?:le|la|les|un|une)|como|em|na|no|bij|als|nel|nella|nei|in un|in una|come)\\s`,
  'iu',
);
/** Before the number: a floor ("mindestens", "au moins", "al menos", "pelo menos", "minimaal", "almeno") or "experiencia mínima de". */
const FOREIGN_LEAD_OK = new RegExp(
  `(?<![\\p{L}])(?:mindestens|wenigstens|min\\.|[üu]ber|mehr als|au moins|minimum(?: de)?|plus de|al menos|m[íi]nimo(?: de)?|m[áa]s de|pelo menos|no m[íi]nimo|mais de|minimaal|minstens|ten minste|meer dan|almeno|minimo(?: di)?|pi[uù] di|oltre|${EXPERIENCE_WORD}\\s(?:\\p{L}+\\s){0,3})\\s?$`,
  'iu',
);
const FOREIGN_LEAD_MAX =
  /(?<![\p{L}])(?:bis zu|h[öo]chstens|maximal|max\.?|jusqu['’][àa]|au plus|maximum(?: de)?|hasta|como m[áa]ximo|m[áa]ximo(?: de)?|at[ée]|no m[áa]ximo|tot|maximaal|hooguit|fino a|al massimo|massimo(?: di)?|menos de|weniger als|moins de|minder dan|meno di)\s?$/iu;
const FOREIGN_AFTER_MAX =
  /^\s?(?:(?:d['’]|de |di |van |an )?(?:exp[ée]rience|experiencia|experi[êe]ncia|ervaring|esperienza|\p{L}*erfahrung)\s)?(?:maximum|max\.?|m[áa]ximo|massimo|maximaal|h[öo]chstens|au plus|no m[áa]ximo|al massimo)(?![\p{L}])/iu;
/** Company history and ages: "seit über 25 Jahren", "depuis 20 ans", "desde hace", "há 20 anos", "al 25 jaar", "da oltre 30 anni". */
const FOREIGN_BEFORE_BAD =
  /(?<![\p{L}])(?:seit|vor|alle|jede[snm]?|in den letzten|depuis|il y a|tous les|chaque|desde(?: hace)?|hace|cada|h[áa]|todos os|sinds|al|elke|ruim|da (?:oltre|pi[uù] di|ben|quasi)|ogni|negli ultimi|nei prossimi|(?:\d|\s)(?:,|und|et|y|e|en)\s?)\s(?:(?:über|mehr als|plus de|m[áa]s de|mais de|meer dan|oltre|pi[uù] di|bereits|schon|d[ée]j[àa]|ya|j[áa]|al|gi[àa])\s)?$/iu;
const FOREIGN_SENTENCE_BAD =
  /jubil|anniversa|d['’]existence|d['’]histoire|de historia|de hist[óo]ria|jaar bestaan|jarig|anni di storia|gegr[üu]ndet|fond[ée]e? en|fundad[ao]|opgericht|fondat[ao]|jahre alt|ans? d['’][âa]ge|a[ñn]os de edad|anos de idade|jaar oud|anni di et[àa]|lebensjahr|geleden|\bfa\b/iu;
/** A company's own "30 years of experience" is no requirement; no posting asks for more than 20. */
const FOREIGN_MAX_YEARS = 20;

function foreignYearsIn(s: string): number[] {
  if (FOREIGN_SENTENCE_BAD.test(s)) return [];
  const found: number[] = [];
  FOREIGN_YEARS.lastIndex = 0;
  for (let m = FOREIGN_YEARS.exec(s); m; m = FOREIGN_YEARS.exec(s)) {
    const before = s.slice(Math.max(0, m.index - 40), m.index);
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 80);
    if (FOREIGN_LEAD_MAX.test(before) || FOREIGN_AFTER_MAX.test(after)) continue;
    // Unlike in English, history is checked first: "seit über 10 Jahren" also ends in a floor word.
    if (FOREIGN_BEFORE_BAD.test(before)) continue;
    if (!FOREIGN_AFTER_OK.test(after) && !FOREIGN_LEAD_OK.test(before)) continue;
    const n = toNumber(m.groups?.n ?? '');
    if (Number.isFinite(n) && statesFloor(n, m.groups?.range) && n <= FOREIGN_MAX_YEARS) found.push(n);
  }
  return found;
}

/** Candidate minimum years of experience stated in one sentence (may be several). */
export function yearsIn(sentence: string): number[] {
  const s = sentence.slice(0, MAX_SENTENCE);
  if (SENTENCE_BAD.test(s)) return [];
  const found: number[] = [];
  YEARS.lastIndex = 0;
  for (let m = YEARS.exec(s); m; m = YEARS.exec(s)) {
    const before = s.slice(Math.max(0, m.index - 30), m.index);
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 80);
    if (LEAD_MAX.test(before) || AFTER_MAX.test(after)) continue;
    if (BEFORE_BAD.test(before) && !LEAD_OK.test(before)) continue;
    if (!AFTER_OK.test(after) && !LEAD_OK.test(before)) continue;
    if (AFTER_SCHOOLING.test(after)) continue;
    const n = toNumber(m.groups?.n ?? '');
    if (Number.isFinite(n) && statesFloor(n, m.groups?.range) && n <= 30) found.push(n);
  }
  found.push(...foreignYearsIn(s));
  return found;
}

/**
 * Minimum years of experience: the largest requirement stated ("8+ years", "at least five years",
 * "minimum of 3 years"); the largest because a posting's headline requirement is its strictest
 * ("8+ years in software" beats "1 year managing"). A ceiling ("up to two years' experience",
 * "less than 3 years") states no minimum. Null when nothing reads as a requirement.
 */
export function extractMinYears(sentences: readonly string[]): number | null {
  let best: number | null = null;
  for (const sentence of sentences) {
    for (const n of yearsIn(sentence)) if (best === null || n > best) best = n;
  }
  return best;
}
