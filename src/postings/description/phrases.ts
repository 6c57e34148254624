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

/** Counts n-grams (2..3 words, no stopwords at either end, no digits-only words) across texts. */
export function ngramCounts(texts: readonly string[]): Map<string, { count: number; docs: Set<number> }> {
  const counts = new Map<string, { count: number; docs: Set<number> }>();
  texts.forEach((text, doc) => {
    for (const sentence of text.split(/[.,;:!?()\n•]+/).slice(0, 2000)) {
      const words = wordsOf(sentence, 200);
      for (let n = 2; n <= 3; n += 1) {
        for (let i = 0; i + n <= words.length; i += 1) {
          const gram = words.slice(i, i + n);
          if (STOPWORDS.has(gram[0]!) || STOPWORDS.has(gram[n - 1]!)) continue;
          if (gram.some((w) => STOPWORDS.has(w) && w !== 'of')) continue;
          const key = gram.join(' ');
          const entry = counts.get(key) ?? { count: 0, docs: new Set<number>() };
          entry.count += 1;
          entry.docs.add(doc);
          counts.set(key, entry);
        }
      }
    }
  });
  return counts;
}
