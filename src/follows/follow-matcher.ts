import { cardWorkplace } from '../postings/posting-search-keys.js';
import type { PostingSummary, WorkplaceType } from '../postings/posting-summary.js';
import { normalizeCompanyName } from '../referrals/company-names.js';
import { ANYWHERE_WORDS, matchWords, placeWords, stems } from '../text/match-words.js';

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

/** Words of text, read for matching (src/text/match-words.ts); re-exported for the follow code's callers. */
export { matchWords, placeWords };

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return true;
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    if (needle.every((word, i) => haystack[start + i] === word)) return true;
  }
  return false;
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
  if (workplace === 'remote' && locations.some((words) => words.some((word) => ANYWHERE_WORDS.has(word)))) {
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
  const workplace = cardWorkplace(card);
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
