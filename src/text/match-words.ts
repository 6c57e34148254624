/**
 * Words of a card or of what a member typed, for matching one against the other (follows, browsing):
 * accents folded, case ignored, abbreviations and other spellings read one way, a plural "s"
 * dropped. Pure.
 */

/** Abbreviations people type in titles and follows, read as the word they stand for. */
const WORD_ALIASES: Record<string, string[]> = {
  sr: ['senior'],
  snr: ['senior'],
  jr: ['junior'],
  jnr: ['junior'],
  mgr: ['manager'],
};

/** Places written more than one way, read one way (applied to what is typed and to card locations alike). */
const PLACE_ALIASES: Record<string, string[]> = {
  nyc: ['new', 'york'],
  sf: ['san', 'francisco'],
  uk: ['united', 'kingdom'],
  gb: ['united', 'kingdom'],
  us: ['united', 'states'],
  usa: ['united', 'states'],
  deutschland: ['germany'],
  munchen: ['munich'],
  koln: ['cologne'],
  wien: ['vienna'],
};

/** Words of a location that say a remote posting is open to everyone, wherever they live. */
export const ANYWHERE_WORDS: ReadonlySet<string> = new Set(['anywhere', 'worldwide', 'global', 'globally']);

/**
 * Words of a text for matching: accents folded, case ignored, split on anything that is not a
 * letter or a digit (of any script), abbreviations spelt out. `c++`, `c#` and `.net` keep their
 * meaning. Comparisons also drop a plural "s" (`stem`), on both sides.
 */
export function matchWords(text: string): string[] {
  const prepared = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/c\+\+/g, ' cplusplus ')
    .replace(/c#/g, ' csharp ')
    .replace(/\.net\b/g, ' dotnet ')
    .replace(/&/g, ' and ');
  return prepared
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .flatMap((word) => WORD_ALIASES[word] ?? [word]);
}

/** A word as comparisons see it: "engineers" is "engineer" ("ss" stays: "business"). */
export function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** `stem` of each word. */
export const stems = (words: readonly string[]): string[] => words.map(stem);

/** Words of a place, with its other spellings read one way. */
export function placeWords(text: string): string[] {
  return matchWords(text).flatMap((word) => PLACE_ALIASES[word] ?? [word]);
}
