import type { Block } from '../html/blocks.js';
import { foreignHeadingIs } from './languages.js';

/** What a part of a job description is about. */
export type SectionKind =
  | 'intro'
  | 'about'
  | 'responsibilities'
  | 'requirements'
  | 'niceToHave'
  | 'benefits'
  | 'compensation'
  | 'other';

/** A run of blocks under one (possibly inherited) heading. */
export interface Section {
  kind: SectionKind;
  heading: string | null;
  /** Heading rank that opened it: 1-6 for h1-h6, 7 for a bold paragraph, 8 for a "label:" line, 99 for the intro. */
  level: number;
  paragraphs: string[];
  /** Bullets that count (label items excluded). */
  items: string[];
}

const MAX_HEADING = 120;

// Order matters: the first matching rule wins ("Preferred Qualifications" is a nice-to-have).
// "Why Personio", like "Warum Personio" (languages.ts), pitches the company's perks.
const HEADING_RULES: ReadonlyArray<readonly [SectionKind, RegExp]> = [
  [
    'niceToHave',
    /\b(?:nice[- ]to[- ]haves?|preferred|bonus|pluses|a plus|nice if|would be (?:great|nice|a plus)|great if you|(?:is )?desired|desirable|extra (?:credit|points)|good to have|ideally|stand out|set you apart|we'?d love)\b/i,
  ],
  [
    'benefits',
    /\b(?:benefits?|perks|what we offer|we offer|why (?:you['’]?ll love|you(?:['’]ll| will)\b|join|work|us)|what['’]?s in it for you|our offer|rewards?|what you['’]?ll get|in return|wellbeing|well-being|life at)\b|^why [\p{L}][\p{L}\d&.'’-]*\??$/iu,
  ],
  [
    'compensation',
    /\b(?:compensation|salary|pay (?:range|transparency)|base pay|wages?|remuneration|pay)\b/i,
  ],
  [
    'about',
    /^(?:about (?!you\b)|who (?:we are|are we)\b(?! looking)|what (?:do )?we do\b|who you(?:['’]ll| will) (?:work|be working)|company overview|overview|our (?:mission|story|company|values)|the (?:team|company|opportunity|role|position)|(?:how|the way) we work|introduction|(?:position|job|role) summary|summary)/i,
  ],
  [
    // "Tech stack", "Technologies and skills": a list of tools the team uses (a board's keyword pills),
    // not sentences of what a candidate must bring. The whole heading must say so.
    'other',
    /^(?:(?:our|the) )?(?:tech(?:nology)?[- ]stack|technolog(?:y|ies)(?: (?:we use|used|(?:and|&) (?:skills|tools)))?|tools (?:and|&) technologies)$/i,
  ],
  [
    'requirements',
    // "Minimum:" beside "Preferred:" (and "Minimum qualifications") names the list of what is required.
    // "Education, Certifications, and Licenses": the diplomas and licences the job requires.
    /^minimum\b(?!\s(?:salary|pay|wage|compensation))|\b(?:requirements?|required|qualifications?|what (?:you(?:['’]ll| will)?|we) (?:bring|need|have|look for)|what we['’]?re looking for|looking for|who (?:you are|are you)|about you|you (?:have|bring|should have|are)|skills|must[- ]haves?|what it takes|ideal candidate|(?:your )?(?:profile|background)|experience|you might be|you may be|this is (?:who|you)|we expect|is this you|sounds? like you|you(?:['’]ll| will) thrive|(?:great|good|strong|right) fit|candidate|competenc|requisites|prerequisites|certifications?|licensure|licen[cs]es\b|education\b(?! (?:assistance|reimbursement|allowance|budget|stipend|support)))/i,
  ],
  [
    'responsibilities',
    // "Essential Job Functions", "Essential Functions", "Key Functions of the Role": US job descriptions' duty lists.
    /\b(?:(?:essential|key|primary|principal|main|core|major)(?: job)? functions\b|job functions\b|responsibilit|what you['’]?(?:ll|d) (?:actually )?(?:do|be doing|work on|own|achieve|accomplish)|what you would (?:actually )?do|what you will (?:do|be doing|work on|own)|your (?:role|mission|impact|day|tasks)|the role involves|in this role|day[- ]to[- ]day|duties|you will have the opportunity|key accountabilit|tasks|what the job involves|your job|role overview|what you will|you will)/i,
  ],
];

/**
 * Classifies a heading's text; null when it names none of the known parts. Each kind is tried in
 * English, then in the other supported languages (`languages.ts`), before the next kind.
 */
export function classifyHeading(text: string): SectionKind | null {
  const clean = text.replace(/[:：\s]+$/, '').slice(0, MAX_HEADING);
  const known = headingKinds.get(clean);
  if (known !== undefined) return known;
  let found: SectionKind | null = null;
  for (const [kind, pattern] of HEADING_RULES) {
    if (pattern.test(clean) || foreignHeadingIs(kind, clean)) {
      found = kind;
      break;
    }
  }
  // Headings repeat from posting to posting ("What you'll do", "Requirements"): ten languages of
  // patterns are tried once per distinct text. Bounded: cleared when full.
  if (headingKinds.size >= 5_000) headingKinds.clear();
  headingKinds.set(clean, found);
  return found;
}

const headingKinds = new Map<string, SectionKind | null>();

function headingLevel(block: Block): number {
  if (block.text.length > MAX_HEADING) return 0;
  if (block.kind === 'heading') return block.level;
  if (block.kind === 'paragraph') {
    if (block.strong && !/[.!?]$/.test(block.text)) return 7;
    // A bold question names a part when it is a known heading ("Wat ga je doen?", "Is this you?").
    if (block.strong && block.text.endsWith('?') && classifyHeading(block.text)) return 7;
    const letters = block.text.replace(/[^A-Za-z]/g, '');
    if (letters.length >= 4 && letters === letters.toUpperCase() && block.text.length <= 80) return 7;
    if (block.text.endsWith(':') && block.text.length <= 200) return 8;
  }
  return 0;
}

/**
 * A plain short line that names a known part and is followed by a list is that list's heading, bold
 * or not: plain-text postings ("Required" then bullets) and pages that write headings as `<p>`.
 */
function leadsList(block: Block, next: Block | undefined): number {
  if (block.kind !== 'paragraph' || next?.kind !== 'item') return 0;
  if (block.text.length > 60 || /[.!;,]$/.test(block.text)) return 0;
  return classifyHeading(block.text) ? 7 : 0;
}

/**
 * "1. Financial Reporting", "B) Audit", "II. Leadership": a short numbered line, not a sentence. Numbered
 * groups split one list (the six areas of a job's responsibilities), so they do not close its section.
 */
const NUMBERED_LABEL = /^(?:\d{1,2}|[A-Za-z]|[IVX]{1,4})[.)]\s+\S/;
function isNumberedLabel(block: Block): boolean {
  return (
    block.kind !== 'item' &&
    block.text.length <= 100 &&
    NUMBERED_LABEL.test(block.text) &&
    !/[.!?;,]$/.test(block.text)
  );
}

/** A bold line this long is a statement, not a sub-heading's label. */
const STATEMENT_WORDS = 8;
function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Parts whose content is a list: a sub-heading inside them groups that list. */
const LIST_KINDS: ReadonlySet<SectionKind> = new Set([
  'responsibilities',
  'requirements',
  'niceToHave',
  'benefits',
]);

/**
 * Splits description blocks into sections by headings (h1-h6, bold paragraphs, "label:" lines)
 * and list structure. An unknown heading deeper than the section's own heading is a sub-heading
 * (inherits the section); at the same or a higher rank it closes the section. Prose after a
 * section's list closes it too, so a trailing unlabeled list (often benefits) is not counted.
 */
export function splitSections(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [];
  let current: Section = { kind: 'intro', heading: null, level: 99, paragraphs: [], items: [] };
  sections.push(current);
  const open = (kind: SectionKind, heading: string | null, level: number): void => {
    current = { kind, heading, level, paragraphs: [], items: [] };
    sections.push(current);
  };

  for (const [index, block] of blocks.entries()) {
    if (block.kind === 'item') {
      if (block.label) {
        const kind = classifyHeading(block.text);
        if (kind && kind !== current.kind) open(kind, block.text, current.level);
        continue;
      }
      current.items.push(block.text);
      continue;
    }
    const next = blocks[index + 1];
    if (LIST_KINDS.has(current.kind) && next?.kind === 'item' && isNumberedLabel(block)) {
      const kind = classifyHeading(block.text);
      if (!kind || kind === current.kind) continue;
    }
    const level = headingLevel(block) || leadsList(block, next);
    if (level > 0) {
      const kind = classifyHeading(block.text);
      if (kind) {
        // "Your responsibilities include:" introduces the list of the section it belongs to.
        if (!(level === 8 && kind === current.kind)) open(kind, block.text, level);
        else current.paragraphs.push(block.text);
        continue;
      }
      if (level === 8) {
        current.paragraphs.push(block.text);
        continue;
      }
      // "JOB REQUIREMENTS" then "Minimum:" / "Technical": a label right under a heading, before any
      // of its content, names a part of that section.
      const empty = current.items.length === 0 && current.paragraphs.length === 0;
      if (level <= current.level && !(empty && current.heading !== null && LIST_KINDS.has(current.kind)))
        open('other', block.text, level);
      // A bold statement under a heading ("This position is hybrid based in Dublin or Munich") is
      // prose set in bold, not a label: it stays part of the section's text.
      else if (block.kind === 'paragraph' && wordCount(block.text) >= STATEMENT_WORDS)
        current.paragraphs.push(block.text);
      continue;
    }
    if (current.items.length > 0 && current.kind !== 'other' && current.kind !== 'intro') {
      // Prose after the list: whatever comes next is no longer this section's bullets.
      open('other', null, current.level);
    }
    current.paragraphs.push(block.text);
  }
  return sections.filter((s) => s.items.length > 0 || s.paragraphs.length > 0 || s.heading !== null);
}

/** All counted items of the given kind, in order. */
export function itemsOf(sections: readonly Section[], kind: SectionKind): string[] {
  return sections.filter((s) => s.kind === kind).flatMap((s) => s.items);
}
