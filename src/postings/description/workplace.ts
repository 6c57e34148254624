import type { WorkplaceType } from '../posting-summary.js';

const MAX_SENTENCE = 500;
const REMOTE = /\bremote(?:ly)?\b|\bwork from (?:home|anywhere)\b|\btelecommut/i;
const REMOTE_NOT_WORKPLACE =
  /\bremote(?:ly)? (?:teams?|colleagues|stakeholders|collaboration|sensing|control|monitoring|access|servers?|desktop|support|patients?|operations|assistance|sites?|areas|locations|devices?|work program|employees|workers|friendly culture|culture)\b|\bremote-friendly culture\b/i;
const REMOTE_NEGATED =
  /\b(?:not|no|non|isn['’]t|cannot|can['’]t|won['’]t|unable|neither)\b[^.]{0,30}\bremote|\bremote\b[^.]{0,25}\b(?:not (?:available|possible|an option|offered|supported)|is not)\b/i;
const CONDITIONAL = /\b(?:if|unless|whether|some roles|exceptions?|depending on the role)\b/i;
const HYBRID = /\bhybrid\b/i;
const HYBRID_NOT_WORKPLACE =
  /\bhybrid (?:cloud|vehicles?|cars?|apps?|architecture|infrastructure|database|search|integration|engine|energy|powertrain|mobile|event|events)\b/i;
const ONSITE =
  /\b(?:on[- ]?site|in[- ]office|office[- ]based|in the office|fully in[- ]person|in[- ]person (?:role|position)|\d days? (?:a|per) week in)\b/i;

/** Splits prose into sentences (bounded). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Workplace type from prose, sentence by sentence: affirmative remote mentions win ("the most
 * flexible option the posting offers"), then hybrid, then on-site. Conditional boilerplate
 * ("if the job description states that the position is fully remote...") and negations
 * ("this is not a remote role") are ignored; a negated remote counts as on-site.
 */
export function workplaceFromText(sentences: readonly string[]): WorkplaceType | null {
  let remote = false;
  let hybrid = false;
  let onsite = false;
  for (const raw of sentences) {
    const s = raw.slice(0, MAX_SENTENCE);
    if (CONDITIONAL.test(s)) continue;
    if (REMOTE.test(s) && !REMOTE_NOT_WORKPLACE.test(s)) {
      if (REMOTE_NEGATED.test(s)) onsite = true;
      else remote = true;
    }
    if (HYBRID.test(s) && !HYBRID_NOT_WORKPLACE.test(s)) hybrid = true;
    if (ONSITE.test(s)) onsite = true;
  }
  if (remote) return 'remote';
  if (hybrid) return 'hybrid';
  if (onsite) return 'onsite';
  return null;
}

/**
 * Whether prose offers a hybrid set-up ("Flexible hybrid working environment, with 3 days in the
 * office"). Used on the benefits list, where "hybrid" still describes the job but "remote" mostly
 * names a perk ("work from anywhere 4 weeks a year", "remote working allowance").
 */
export function statesHybrid(sentences: readonly string[]): boolean {
  return sentences.some((raw) => {
    const s = raw.slice(0, MAX_SENTENCE);
    return HYBRID.test(s) && !HYBRID_NOT_WORKPLACE.test(s) && !CONDITIONAL.test(s);
  });
}

/** Maps structured workplace values from any provider ("OnSite", "TELECOMMUTE", "hybrid", "remote: true"). */
export function normalizeWorkplace(value: unknown): WorkplaceType | null {
  if (typeof value !== 'string') return null;
  const v = value.toLowerCase().replace(/[^a-z]/g, '');
  if (v === 'remote' || v === 'telecommute' || v === 'fullyremote' || v === 'remoteonly') return 'remote';
  if (v === 'hybrid') return 'hybrid';
  if (v === 'onsite' || v === 'inoffice' || v === 'office' || v === 'inperson' || v === 'onpremise')
    return 'onsite';
  return null;
}
