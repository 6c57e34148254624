/** Words that end or cannot start a key phrase. */
export const STOPWORDS = new Set(
  (
    'a an the and or but nor of in on at to for from by with without as is are was were be been being it its this that these those ' +
    'we you your our us they their them he she his her i me my who whom which what when where why how all any both each few more most ' +
    'other some such no not only own same so than too very can will just should would could may might must shall do does did doing ' +
    'have has had having into over under about above below up down out off again further then once here there also well etc e.g ' +
    'i.e via per including include includes like across within between through during before after while if unless until because ' +
    'able ability experience experienced role team teams work working company new one two three years year plus strong proven deep ' +
    'excellent solid great good related relevant various other others candidate candidates people someone anyone everyone things ' +
    'thing way ways help helps helping make makes making use using used day days part time times ensure ensuring across'
  ).split(' '),
);

const WORD = /[A-Za-z][A-Za-z0-9+#/'’-]*/g;

/** Lower-cased word tokens of a text (bounded). */
export function wordsOf(text: string, limit = 20_000): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  const t = text.slice(0, limit * 12);
  for (let m = WORD.exec(t); m && out.length < limit; m = WORD.exec(t)) out.push(m[0].toLowerCase());
  return out;
}

/**
 * The phrase starting at the given text: up to `maxWords` words, stopping at punctuation or a stopword.
 * Used after an emphasis marker ("strong ___", "large-scale ___").
 */
export function phraseAfter(text: string, maxWords: number): string {
  const words: string[] = [];
  const t = text.slice(0, 200);
  const re = /\s*([A-Za-z][A-Za-z0-9+#/-]*)/y;
  let index = 0;
  while (words.length < maxWords) {
    re.lastIndex = index;
    const m = re.exec(t);
    if (!m) break;
    const word = m[1]!;
    if (STOPWORDS.has(word.toLowerCase()) && !/-/.test(word)) break;
    words.push(word);
    index = re.lastIndex;
  }
  return words.join(' ');
}

/** Words that end a noun phrase in -ing or -ed but are nouns themselves ("machine learning"). */
const NOUN_ENDINGS = new Set(
  (
    'engineering marketing learning computing modeling modelling processing testing training pricing planning ' +
    'accounting manufacturing networking programming onboarding recruiting hiring staffing budgeting forecasting ' +
    'reporting monitoring tooling logging billing branding scheduling consulting sourcing financing lending ' +
    'banking publishing advertising writing design mentoring coaching storytelling debugging profiling ' +
    'benchmarking caching rendering routing messaging streaming housing'
  ).split(' '),
);

/**
 * Whether a phrase ends where a noun phrase can end: not on a participle ("strategic thinking
 * paired"), an adjective ("manage ambiguous") or a verb in -ing that is not itself a noun.
 */
export function endsWhole(phrase: string): boolean {
  const last = (phrase.split(/\s+/).at(-1) ?? '').toLowerCase();
  if (last.length === 0 || NOUN_ENDINGS.has(last)) return last.length > 0;
  if (/(?:ed|ous|ive|ful|able|ible|ic|al)$/.test(last) && !/(?:ics|ical)$/.test(last)) {
    // "proposal", "technical"-like adjectives: only nouns in -al that are common in postings pass.
    return /^(?:proposal|approval|portal|rental|referral|renewal|signal|journal|capital|hospital|terminal|goal|tool)s?$/.test(
      last,
    );
  }
  if (/ing$/.test(last)) return false;
  return true;
}

/**
 * The whole phrase starting at the given text, or null when it does not end within `maxWords`
 * words (a phrase cut in the middle is not what the posting said: "success leading Reliability").
 * A phrase ends at punctuation, at the end of the text, or before a stopword.
 */
export function wholePhraseAfter(text: string, maxWords: number): string | null {
  const words: string[] = [];
  const t = text.slice(0, 240);
  const re = /([ \t]*)([A-Za-z][A-Za-z0-9+#/'’-]*)/y;
  let index = 0;
  while (words.length <= maxWords) {
    re.lastIndex = index;
    const m = re.exec(t);
    if (!m || (words.length > 0 && m[1] === '')) break;
    const word = m[2]!;
    // Nouns such as "teams" or "experience" end a phrase by themselves; only function words stop it.
    if (FUNCTION_WORDS.has(word.toLowerCase())) break;
    words.push(word);
    index = re.lastIndex;
  }
  if (words.length === 0 || words.length > maxWords) return null;
  const phrase = words.join(' ');
  return endsWhole(phrase) ? phrase : null;
}

/** Words that can never be inside a noun phrase: a phrase ends before them. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor of in on at to for from by with without as is are was were be been being it its this that these those ' +
    'we you your our us they their them he she his her i me my who whom which what when where why how all any both each ' +
    'such no not only so than too very can will just should would could may might must shall do does did into over under about ' +
    'up down out off again then once here there also via per including like across within between through during before after ' +
    'while if unless until because e.g i.e etc'
  ).split(' '),
);

/** How often an n-gram occurs, and in how many of the given texts. */
export interface NgramCount {
  count: number;
  docs: number;
  lastDoc: number;
}

/**
 * Counts n-grams (2-3 words; no stopword at either end; the middle of a trigram may be "of")
 * across texts, sentence by sentence.
 */
export function ngramCounts(texts: readonly string[]): Map<string, NgramCount> {
  const counts = new Map<string, NgramCount>();
  const add = (key: string, doc: number): void => {
    const entry = counts.get(key);
    if (!entry) counts.set(key, { count: 1, docs: 1, lastDoc: doc });
    else {
      entry.count += 1;
      if (entry.lastDoc !== doc) {
        entry.docs += 1;
        entry.lastDoc = doc;
      }
    }
  };
  texts.forEach((text, doc) => {
    for (const sentence of text.split(/[.,;:!?()\n•]+/).slice(0, 2000)) {
      const words = wordsOf(sentence, 200);
      const stop = words.map((w) => STOPWORDS.has(w));
      for (let i = 0; i + 1 < words.length; i += 1) {
        if (stop[i]) continue;
        if (!stop[i + 1]) add(`${words[i]} ${words[i + 1]}`, doc);
        if (i + 2 < words.length && !stop[i + 2] && (!stop[i + 1] || words[i + 1] === 'of')) {
          add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`, doc);
        }
      }
    }
  });
  return counts;
}
