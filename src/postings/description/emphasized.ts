import { endsWhole, FUNCTION_WORDS, ngramCounts, STOPWORDS, wholePhraseAfter } from './phrases.js';

const MAX_SENTENCE = 600;
const MAX_EMPHASIZED = 5;

/** Compound modifiers that mark what a posting stresses; the modifier stays in the phrase. */
const MODIFIER =
  /\b(large-scale|state-of-the-art|world-class|cutting-edge|best-in-class|high-performing|mission-critical|high-impact|production-grade|production-quality|low-latency|high-scale|industry-leading|high-visibility|highly technical|end-to-end|hands-on)\s+/gi;
/** Intensifiers: the phrase that follows (after "experience in", "knowledge of"...) is stressed. */
const INTENSIFIER =
  /\b(?:strong|proven|deep|extensive|solid|expert|exceptional|excellent|demonstrated|significant|advanced|in-depth|thorough|substantial|must have|must be|mastery of)\s+(?:(?:knowledge|understanding|experience|background|expertise|track record|ability|skills?|proficiency|familiarity|focus|command|grasp|foundation)\s+(?:of|in|with|on|to|for)\s+)?/gi;
const REQUIRED = /([A-Za-z][\w\s/-]{3,60}?)\s+(?:is|are)\s+(required|a must|mandatory|essential)\b/gi;
const REQUIRED_HINT = /\b(?:required|a must|mandatory|essential)\b/i;
const WEAK_FIRST = new Set([
  'related',
  'relevant',
  'similar',
  'various',
  'other',
  'several',
  'new',
  'delivering',
  'ability',
]);
/** Heads that say nothing on their own ("deep knowledge", "technical background"). */
const GENERIC = new Set([
  'knowledge',
  'understanding',
  'background',
  'experience',
  'skills',
  'skill',
  'ability',
  'abilities',
  'expertise',
  'technical',
  'familiarity',
  'proficiency',
  'track',
  'record',
  'focus',
  'culture',
  'perspective',
  'level',
  'base',
]);

/** "Proven Creative Leader: You bring 8+ years…": a bold label before the item's text. */
const ITEM_LABEL = /^[^:.!?]{3,60}:\s+(?=\S)/;

function clean(phrase: string | null, clause = false): string | null {
  if (phrase === null) return null;
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  while (words.length > 0 && FUNCTION_WORDS.has(words[words.length - 1]!.toLowerCase())) words.pop();
  if (words.length < 2 || words.length > 6) return null;
  if (WEAK_FIRST.has(words[0]!.toLowerCase())) return null;
  if (words.every((w) => GENERIC.has(w.toLowerCase()) || STOPWORDS.has(w.toLowerCase()))) return null;
  if (!clause && !endsWhole(words.join(' '))) return null;
  // Lower-case a sentence-initial capital ("Strong" → "strong"), never an acronym or a name-like "REST".
  const first = words[0]!;
  if (/^[A-Z][a-z-]+$/.test(first)) words[0] = first.toLowerCase();
  return words.join(' ');
}

/**
 * Whether a repeated n-gram is ever a whole phrase in the text: at least one occurrence is followed
 * by punctuation, the end, or a stopword ("lead cross-functional engineering teams" everywhere
 * makes "lead cross-functional engineering" a fragment).
 */
function endsSomewhere(gram: string, text: string): boolean {
  if (!endsWhole(gram)) return false;
  let from = 0;
  for (let at = text.indexOf(gram, from); at !== -1 && from < text.length; at = text.indexOf(gram, from)) {
    const next = /^\s*([a-z0-9][a-z0-9+#/'’-]*)?/.exec(text.slice(at + gram.length, at + gram.length + 40));
    const word = next?.[1];
    if (!word || STOPWORDS.has(word) || !/^\s/.test(text.slice(at + gram.length, at + gram.length + 1)))
      return true;
    from = at + gram.length;
  }
  return false;
}

/**
 * What the posting stresses: phrases marked by emphatic modifiers ("large-scale production
 * recommendation", "state-of-the-art machine learning"), by requirement wording ("... is required"),
 * by intensifiers ("strong ___", "proven ___", "deep ___"), then n-grams repeated across sections.
 */
export function extractEmphasized(sentences: readonly string[], sectionTexts: readonly string[]): string[] {
  const modified: string[] = [];
  const required: string[] = [];
  const intensified: string[] = [];
  for (const raw of sentences) {
    // The label is a heading of the item, not what the posting says about it.
    const s = raw.slice(0, MAX_SENTENCE).replace(ITEM_LABEL, '');
    MODIFIER.lastIndex = 0;
    for (let m = MODIFIER.exec(s); m; m = MODIFIER.exec(s)) {
      const rest = wholePhraseAfter(s.slice(m.index + m[0].length), 4);
      // "hands-on experience": a modifier over a generic head says nothing.
      const generic = rest?.split(' ').every((w) => GENERIC.has(w.toLowerCase())) ?? true;
      const p = rest && !generic ? clean(`${m[1]} ${rest}`) : null;
      if (p) modified.push(p);
    }
    REQUIRED.lastIndex = 0;
    // The lazy pattern is bounded but not cheap: run it only where its keywords occur.
    if (REQUIRED_HINT.test(s))
      for (let m = REQUIRED.exec(s); m; m = REQUIRED.exec(s)) {
        const lead = m[1]!.split(/\b(?:and|or|with|such as|including)\b/i).pop() ?? '';
        const words = lead.trim().split(/\s+/).slice(-4).join(' ');
        const p = clean(`${words} is ${m[2]}`, true);
        if (p) required.push(p);
      }
    INTENSIFIER.lastIndex = 0;
    for (let m = INTENSIFIER.exec(s); m; m = INTENSIFIER.exec(s)) {
      if (m[0].length === 0) {
        INTENSIFIER.lastIndex += 1;
        continue;
      }
      const p = clean(wholePhraseAfter(s.slice(m.index + m[0].length), 4));
      if (p) intensified.push(p);
    }
  }
  const joined = sectionTexts.join('\n').slice(0, 200_000).toLowerCase();
  const repeated = [...ngramCounts(sectionTexts).entries()]
    .filter(([gram, v]) => v.docs >= 2 && v.count >= 3 && endsSomewhere(gram, joined))
    .sort((a, b) => b[1].count - a[1].count)
    .map(([k]) => k);
  const out: string[] = [];
  for (const p of [...modified, ...required, ...intensified, ...repeated]) {
    if (out.length >= MAX_EMPHASIZED) break;
    const lower = p.toLowerCase();
    if (out.some((o) => o.toLowerCase().includes(lower) || lower.includes(o.toLowerCase()))) continue;
    out.push(p);
  }
  return out;
}
