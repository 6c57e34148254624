import type { PostingSummary, WorkplaceType } from '../postings/posting-summary.js';
import { normalizeCompanyName } from '../referrals/company-names.js';

/** What a follow asks for, normalised (`followCriteria`). */
export interface FollowCriteria {
  /** Normalised words, space-separated; "" when the follow names only a workplace type or a place. */
  words: string;
  workplaceType: WorkplaceType | null;
  /** Normalised place words, space-separated; null for anywhere. */
  place: string | null;
}

/** The parts of a card a follow is matched against: never the raw page. */
export type CardFacts = Pick<
  PostingSummary,
  'title' | 'company' | 'seniority' | 'workplaceType' | 'locations'
>;

/** Abbreviations people type in titles and follows, read as the word they stand for. */
const WORD_ALIASES: Record<string, string[]> = {
  sr: ['senior'],
  snr: ['senior'],
  jr: ['junior'],
  jnr: ['junior'],
  mgr: ['manager'],
};

/** Places written more than one way, read one way (applied to follows and card locations alike). */
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

/** Remote postings open to everyone, wherever they live, fit any place. */
const ANYWHERE = new Set(['anywhere', 'worldwide', 'global', 'globally']);

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
function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Words of a place, with its other spellings read one way. */
export function placeWords(text: string): string[] {
  return matchWords(text).flatMap((word) => PLACE_ALIASES[word] ?? [word]);
}

const stems = (words: readonly string[]) => words.map(stem);

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return true;
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    if (needle.every((word, i) => haystack[start + i] === word)) return true;
  }
  return false;
}

/** The card's workplace type, or "remote" when it says none and a location says "Remote". */
function workplaceOf(card: CardFacts): WorkplaceType | null {
  if (card.workplaceType !== null) return card.workplaceType;
  return card.locations.some((location) => matchWords(location).includes('remote')) ? 'remote' : null;
}

function wordsMatch(words: readonly string[], card: CardFacts): boolean {
  if (words.length === 0) return true;
  const company = card.company ?? '';
  // The whole follow names the company ("Stripe", "Stripe, Inc."), legal forms aside.
  if (company !== '' && normalizeCompanyName(words.join(' ')) === normalizeCompanyName(company)) return true;
  // Or every word is a whole word of the title, the seniority or the company ("staff backend", "stripe backend").
  const known = new Set(
    stems([...matchWords(card.title ?? ''), ...matchWords(card.seniority ?? ''), ...matchWords(company)]),
  );
  return stems(words).every((word) => known.has(word));
}

function placeMatches(place: readonly string[], card: CardFacts, workplace: WorkplaceType | null): boolean {
  const locations = card.locations.map((location) => stems(placeWords(location)));
  if (workplace === 'remote' && locations.some((words) => words.some((word) => ANYWHERE.has(word)))) {
    return true;
  }
  // A remote posting too: it fits "in Berlin" only where its locations say Berlin (or its country).
  const wanted = stems(place);
  return locations.some((words) => containsRun(words, wanted));
}

/**
 * Whether a card is what a follow asks for: its words are the company's name, or all whole words of
 * the title, seniority and company; its workplace type (when given) is the card's; its place (when
 * given) is within one of the card's locations. Pure.
 */
export function followMatches(follow: FollowCriteria, card: CardFacts): boolean {
  const words = follow.words === '' ? [] : follow.words.split(' ');
  if (!wordsMatch(words, card)) return false;
  const workplace = workplaceOf(card);
  if (follow.workplaceType !== null && workplace !== follow.workplaceType) return false;
  if (follow.place !== null && !placeMatches(follow.place.split(' '), card, workplace)) return false;
  return true;
}

/** What a member typed for a follow, before normalising. */
export interface FollowInput {
  words: string;
  workplaceType: WorkplaceType | null;
  place: string | null;
}

/** The most characters of a follow's words or place that are kept. */
const MAX_TEXT = 120;

/**
 * A follow as stored: normalised criteria, a label for lists ("staff backend · remote · in Berlin")
 * and the key that makes the same follow twice one row. null when it asks for nothing.
 */
export function followCriteria(
  input: FollowInput,
): { criteria: FollowCriteria; label: string; dedupeKey: string } | null {
  const typed = input.words.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  const typedPlace = input.place?.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT) ?? '';
  const words = matchWords(typed).join(' ');
  const place = placeWords(typedPlace).join(' ');
  if (words === '' && input.workplaceType === null && place === '') return null;
  const criteria: FollowCriteria = {
    words,
    workplaceType: input.workplaceType,
    place: place === '' ? null : place,
  };
  const label = [
    words === '' ? 'any role' : typed,
    ...(input.workplaceType !== null ? [input.workplaceType] : []),
    ...(place !== '' ? [`in ${typedPlace}`] : []),
  ].join(' · ');
  return {
    criteria,
    label,
    dedupeKey: [
      stems(matchWords(typed)).join(' '),
      criteria.workplaceType ?? '',
      stems(placeWords(typedPlace)).join(' '),
    ].join('|'),
  };
}
