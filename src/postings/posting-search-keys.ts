import { ANYWHERE_WORDS, matchWords, placeWords, stems } from '../text/match-words.js';
import type { PostingSummary, WorkplaceType } from './posting-summary.js';

/**
 * What a posting is found by when members browse (`Posting.workplaceType`, `Posting.places`),
 * derived from its card on every write, so the filters run in SQL. Pure.
 */
export interface PostingSearchKeys {
  /** The card's workplace type, or "remote" when it names none and a location says so; null when unknown. */
  workplaceType: WorkplaceType | null;
  /**
   * The card's locations as normalised place words (`placeWords`, stemmed), one location between
   * bars with a space at either end: `| berlin germany | remote |`. A place is in a location when
   * ` <its words> ` is in the key (whole words, in order, never across two locations). A remote
   * posting open anywhere ("Remote, worldwide") also carries `PLACE_ANYWHERE`. `||` when none.
   */
  places: string;
}

/** The entry of `places` that makes a remote posting open anywhere fit every place. */
export const PLACE_ANYWHERE = '| * |';

/** The card's workplace type, or "remote" when it says none and a location says "Remote". */
export function cardWorkplace(
  card: Pick<PostingSummary, 'workplaceType' | 'locations'>,
): WorkplaceType | null {
  if (card.workplaceType !== null) return card.workplaceType;
  return card.locations.some((location) => matchWords(location).includes('remote')) ? 'remote' : null;
}

/** The search keys of a card (see `PostingSearchKeys`). */
export function postingSearchKeys(
  card: Pick<PostingSummary, 'workplaceType' | 'locations'>,
): PostingSearchKeys {
  const workplaceType = cardWorkplace(card);
  const locations = card.locations
    .map((location) => stems(placeWords(location)))
    .filter((words) => words.length > 0);
  const anywhere =
    workplaceType === 'remote' && locations.some((words) => words.some((word) => ANYWHERE_WORDS.has(word)));
  const entries = [...locations.map((words) => ` ${words.join(' ')} `), ...(anywhere ? [' * '] : [])];
  return { workplaceType, places: `|${entries.join('|')}|` };
}

/**
 * What a place a member typed is looked for in `places`: ` berlin ` (null when it has no words).
 * Matched as `contains`: whole words in a row within one location.
 */
export function placePattern(place: string): string | null {
  const words = stems(placeWords(place));
  return words.length === 0 ? null : ` ${words.join(' ')} `;
}
