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
  `\\b(?<n>${NUM})\\s?(?:\\(\\d{1,2}\\)\\s?)?(?:\\+|plus)?\\s?(?:(?:-|–|—|to)\\s?${NUM}\\s?\\+?\\s?)?(?:years?|yrs?)\\b`,
  'gi',
);
/** What follows a real requirement: "of experience", "leading ...", "in a similar role". */
const AFTER_OK =
  /^['’]?\s?(?:of\s)?(?:[\w/&-]+[\s,]{1,3}){0,6}?(?:experience|exp\b|expertise|background)|^['’]?\s?(?:of\s)?(?:(?:professional|relevant|proven|progressive|industry|hands-on|practical|working|post-?graduate|related|direct|full-time|commercial|combined)\s){0,3}(?:leading|managing|working|building|developing|designing|delivering|running|driving|owning|shipping|writing|programming|in\b|as\b|with\b|within\b|at\b|of\b|on\b|doing|coding)/i;
const BEFORE_BAD =
  /(?:anniversar\w*|founded|history|over the (?:past|last)|for (?:the )?(?:past|last|over)|since|ago|aged?|every|each|after|within|next|first|warranty|(?:\d|\s)(?:,|and)\s?)\s?$/i;
const SENTENCE_BAD =
  /anniversar|years? old|years? of (?:company|history|operation|business|age)|in business for|founded/i;
const LEAD_OK = /\b(?:minimum|min\.|at least|over|more than|no less than)\s?(?:of\s)?$/i;
/**
 * A ceiling, not a floor: "up to two years", "no more than 3 years", "less than 2 years",
 * "a maximum of 4 years", "under 2 years". ("no less than 3 years" is a floor: see LEAD_OK.)
 */
const LEAD_MAX =
  /\b(?:up\s?to|(?:no|not) more than|(?<!\bno |\bnot )(?:less|fewer) than|(?:a\s)?max(?:imum)?\.?(?:\sof)?|at most|under)\s?$/i;
/** "2 years or less", "3 years at most", "4 years maximum". */
const AFTER_MAX =
  /^['’]?\s?(?:of\s(?:\w+\s)?experience\s)?(?:or (?:less|fewer)|at (?:the )?most|max(?:imum)?)\b/i;

function toNumber(token: string): number {
  const n = NUMBER_WORDS[token.toLowerCase()];
  return n ?? Number(token);
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
    const n = toNumber(m.groups?.n ?? '');
    if (Number.isFinite(n) && n > 0 && n <= 30) found.push(n);
  }
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
