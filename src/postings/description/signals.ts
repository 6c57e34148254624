import { ngramCounts } from './phrases.js';
import { SIGNAL_TAXONOMY } from './signal-taxonomy.js';

const MAX_TEXT = 100_000;
const MAX_SIGNALS = 10;
/** Words that make a repeated phrase too vague to be a signal ("high level", "regular program"). */
const VAGUE = new Set([
  'high',
  'level',
  'regular',
  'key',
  'clear',
  'needs',
  "sellers'",
  'complex',
  'best',
  'closely',
  'daily',
  'various',
  'current',
  'future',
  'overall',
  'wide',
  'broad',
]);

/** Ways-of-working tags most postings mention: they rank below the domain (half weight). */
const SOFT_TAGS = new Set([
  'mentoring',
  'innovation',
  'technical leadership',
  'execution',
  'ownership',
  'ambiguity',
  'process design',
  'documentation',
  'communication',
  'cross-functional collaboration',
  'stakeholder management',
  'consumer products',
  'customer focus',
  'diversity and inclusion',
  'data-driven decisions',
  'operations',
  'strategy',
  'growth',
]);

/**
 * The whole taxonomy as one alternation (one pass over the text instead of one per tag). No capture
 * groups: with ~150 of them every match would allocate a 150-slot array. The tag of a match is found
 * afterwards (see `tagOf`). At one position the earlier-listed (more specific) tag wins, e.g.
 * "machine learning models" before "machine learning".
 */
const COMBINED = new RegExp(
  `(?<![\\w])(?:${SIGNAL_TAXONOMY.map(([, phrases]) => phrases).join('|')})(?![\\w])`,
  'gi',
);
/** Each tag's phrases on their own, anchored: which tag a matched text belongs to. */
const EXACT = SIGNAL_TAXONOMY.map(([, phrases]) => new RegExp(`^(?:${phrases})$`, 'i'));
const tagCache = new Map<string, number>();

/**
 * The tag whose phrases produced a match: the first tag (in taxonomy order) that matches the text
 * exactly, which is the alternative the combined pattern tried first and took.
 */
function tagOf(matched: string): number {
  const key = matched.toLowerCase();
  const cached = tagCache.get(key);
  if (cached !== undefined) return cached;
  const index = EXACT.findIndex((pattern) => pattern.test(matched));
  if (tagCache.size < 5_000) tagCache.set(key, index);
  return index;
}

/** Matches per tag index: count and the longest matched phrase (a longer phrase is more specific). */
function countMatches(text: string): Map<number, { n: number; longest: number }> {
  const out = new Map<number, { n: number; longest: number }>();
  COMBINED.lastIndex = 0;
  for (let m = COMBINED.exec(text); m; m = COMBINED.exec(text)) {
    if (m[0].length === 0) {
      COMBINED.lastIndex += 1;
      continue;
    }
    const index = tagOf(m[0]);
    if (index < 0) continue;
    if (NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const entry = out.get(index) ?? { n: 0, longest: 0 };
    entry.n += 1;
    entry.longest = Math.max(entry.longest, m[0].length);
    out.set(index, entry);
  }
  return out;
}

/** Texts grouped by how much they say about the job itself. */
export interface SignalInput {
  title: string | null;
  /** Responsibilities, requirements, nice-to-haves: what the job is. */
  focus: readonly string[];
  /** Prose about the role (never the company pitch or benefits). */
  context: readonly string[];
  /** The required items: where a degree counts as required. */
  requirements?: readonly string[];
}

const DEGREE_TAG = 'degree required';
/** "Bachelor's degree or equivalent experience", "degree preferred", "no degree required". */
const DEGREE_NOT_REQUIRED =
  /\b(?:or (?:an? )?equivalent|equivalent (?:practical |professional |work |combination )?(?:experience|combination)|or (?:relevant|related|comparable) (?:work )?experience|preferred|a plus|nice to have|not (?:required|necessary|needed|a must)|no degree|without a degree|degree is not|or similar experience)\b/i;
const DEGREE =
  /\b(?:bachelor['’]?s|master['’]?s|ph\.?d|ms\/phd|bs\/ms|degree|bs or ms|mba|diploma|hochschulstudium|studium|licence|licenciatura|graduação|laurea)\b/i;

/** A degree is required only when a required item asks for one and offers no alternative. */
function degreeRequired(requirements: readonly string[]): boolean {
  return requirements.some((item) => DEGREE.test(item) && !DEGREE_NOT_REQUIRED.test(item));
}

/** "no prior fintech experience", "not a remote role": a tag right after a negation is not evidence. */
const NEGATED_BEFORE = /\b(?:no|not|without|non|never|nor)\b[^.,;:!?]{0,20}$/i;

/**
 * Short tags for what the posting is about: the domain taxonomy scored by where it matches
 * (the job's own bullets count double), plus noun phrases the posting repeats that the
 * taxonomy does not know.
 */
export function extractSignals(input: SignalInput): string[] {
  const focus = `${input.title ?? ''}\n${input.focus.join('\n')}`.slice(0, MAX_TEXT);
  const context = input.context.join('\n').slice(0, MAX_TEXT);
  const scored: Array<{ tag: string; score: number; specificity: number; order: number }> = [];
  const inFocus = countMatches(focus);
  const inContext = countMatches(context);
  const degree = degreeRequired(input.requirements ?? []);
  SIGNAL_TAXONOMY.forEach(([tag], order) => {
    if (tag === DEGREE_TAG && !degree) return;
    const f = inFocus.get(order) ?? { n: 0, longest: 0 };
    const c = inContext.get(order) ?? { n: 0, longest: 0 };
    const score = (f.n * 2 + c.n) * (SOFT_TAGS.has(tag) ? 0.5 : 1);
    if (score >= 1.5) scored.push({ tag, score, specificity: Math.max(f.longest, c.longest), order });
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
    .filter(([gram, v]) => v.count >= 2 && v.docs >= 2 && !gram.split(' ').some((w) => VAGUE.has(w)))
    .sort((a, b) => b[1].count - a[1].count || b[0].split(' ').length - a[0].split(' ').length);
  for (const [gram] of grams) {
    if (tags.length >= MAX_SIGNALS) break;
    if (tags.some((t) => t.toLowerCase().includes(gram) || gram.includes(t.toLowerCase()))) continue;
    tags.push(gram);
  }
  return tags;
}
