import { ngramCounts } from './phrases.js';
import { SIGNAL_TAXONOMY } from './signal-taxonomy.js';

const MAX_TEXT = 100_000;
const MAX_SIGNALS = 8;
/** Words that make a repeated phrase too vague to be a signal ("high level", "regular program"). */
const VAGUE = new Set(['high', 'level', 'regular', 'key', 'clear', 'needs', "sellers'", 'complex', 'best', 'closely', 'daily', 'various', 'current', 'future', 'overall', 'wide', 'broad']);

const COMPILED = SIGNAL_TAXONOMY.map(([tag, phrases]) => ({
  tag,
  pattern: new RegExp(`(?<![\\w])(?:${phrases})(?![\\w])`, 'gi'),
}));

/** Texts grouped by how much they say about the job itself. */
export interface SignalInput {
  title: string | null;
  /** Responsibilities, requirements, nice-to-haves: what the job is. */
  focus: readonly string[];
  /** Intro and about-the-role prose. */
  context: readonly string[];
}

/** Number of matches and the longest matched phrase (a longer phrase is a more specific signal). */
function countMatches(pattern: RegExp, text: string): { n: number; longest: number } {
  pattern.lastIndex = 0;
  let n = 0;
  let longest = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    n += 1;
    longest = Math.max(longest, m[0].length);
    if (m[0].length === 0) pattern.lastIndex += 1;
  }
  return { n, longest };
}

/**
 * Short tags for what the posting is about: the domain taxonomy scored by where it matches
 * (the job's own bullets count double), plus noun phrases the posting repeats that the
 * taxonomy does not know.
 */
export function extractSignals(input: SignalInput): string[] {
  const focus = `${input.title ?? ''}\n${input.focus.join('\n')}`.slice(0, MAX_TEXT);
  const context = input.context.join('\n').slice(0, MAX_TEXT);
  const scored: Array<{ tag: string; score: number; specificity: number; order: number }> = [];
  COMPILED.forEach(({ tag, pattern }, order) => {
    const inFocus = countMatches(pattern, focus);
    const inContext = countMatches(pattern, context);
    const score = inFocus.n * 2 + inContext.n;
    if (score >= 2) scored.push({ tag, score, specificity: Math.max(inFocus.longest, inContext.longest), order });
  });
  scored.sort((a, b) => b.score - a.score || b.specificity - a.specificity || a.order - b.order);
  const tags: string[] = [];
  for (const { tag } of scored) {
    if (tags.length >= MAX_SIGNALS - 1) break;
    const lower = tag.toLowerCase();
    if (tags.some((t) => t.toLowerCase().includes(lower) || lower.includes(t.toLowerCase()))) continue;
    tags.push(tag);
  }
  // Phrases the posting itself repeats, beyond the vocabulary.
  const grams = [...ngramCounts(input.focus).entries()]
    .filter(([gram, v]) => v.count >= 2 && v.docs.size >= 2 && !gram.split(' ').some((w) => VAGUE.has(w)))
    .sort((a, b) => b[1].count - a[1].count || b[0].split(' ').length - a[0].split(' ').length);
  for (const [gram] of grams) {
    if (tags.length >= MAX_SIGNALS) break;
    if (tags.some((t) => t.toLowerCase().includes(gram) || gram.includes(t.toLowerCase()))) continue;
    tags.push(gram);
  }
  return tags;
}
