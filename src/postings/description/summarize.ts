import { type Block, htmlToBlocks, textToBlocks } from '../html/blocks.js';
import type { PostingSummary, WorkplaceType } from '../posting-summary.js';
import type { PostingDraft } from '../providers/types.js';
import { companyFromSlug } from './company-name.js';
import { extractEmphasized } from './emphasized.js';
import { employmentTypeFromText } from './employment-type.js';
import { splitRequirements } from './nice-to-have.js';
import { extractSalary } from './salary.js';
import { itemsOf, type Section, splitSections } from './sections.js';
import { extractSeniority } from './seniority.js';
import { extractSignals } from './signals.js';
import { tidyTitle } from './title.js';
import { extractVisaSponsorship } from './visa.js';
import { sentencesOf, statesHybrid, workplaceFromText } from './workplace.js';
import { extractMinYears } from './years.js';

const MAX_ITEMS = 40;
const MAX_ITEM_CHARS = 600;
const MAX_SUMMARY = 400;

const LIMITATION_NOTES: Record<NonNullable<PostingDraft['limitation']>, string> = {
  linkedin:
    "From LinkedIn's public job page: Vouch does not sign in to LinkedIn, so anything shown only to members is missing.",
  'header-only': 'Details are limited: the page carries only the posting header, not its description.',
  'no-description': 'Details are limited: the source lists the job without its description.',
  'not-a-posting': '',
};

/** Where a summary is for: the URL it was asked about and its canonical form. */
export interface SummaryTarget {
  url: string;
  canonicalUrl: string;
}

function blocksOf(draft: PostingDraft): Block[] {
  const blocks: Block[] = [];
  for (const html of draft.descriptionHtml) blocks.push(...htmlToBlocks(html));
  for (const element of draft.descriptionElements) blocks.push(...htmlToBlocks(element));
  if (blocks.length === 0 && draft.descriptionText) blocks.push(...textToBlocks(draft.descriptionText));
  return blocks;
}

function workplaceFromLocations(locations: readonly string[]): WorkplaceType | null {
  if (locations.some((l) => /\bremote\b/i.test(l))) return 'remote';
  if (locations.some((l) => /\bhybrid\b/i.test(l))) return 'hybrid';
  return null;
}

function trimItems(items: readonly string[]): string[] {
  return items
    .slice(0, MAX_ITEMS)
    .map((i) => (i.length > MAX_ITEM_CHARS ? `${i.slice(0, MAX_ITEM_CHARS - 1)}…` : i));
}

const ROLE_SENTENCE =
  /\b(?:you will|you['’]ll|we['’]re looking for|we are looking for|we['’]re seeking|we are seeking|is seeking|is looking for|are hiring|is hiring|this role|in this role|this position|the role|responsible for)\b|^as (?:a|an|our) [^,]{3,80}, you\b/i;
const ROLE_HEADING = /\b(?:role|opportunity|position|job|summary|overview)\b/i;

function roleSentence(sections: readonly Section[]): string | null {
  const prose = sections.filter(
    (s) => s.kind === 'about' || s.kind === 'intro' || s.kind === 'responsibilities',
  );
  // The "About the role" part describes the job; the intro usually describes the company.
  const ordered = [...prose.filter((s) => s.heading && ROLE_HEADING.test(s.heading)), ...prose];
  for (const section of ordered) {
    for (const paragraph of section.paragraphs) {
      if (paragraph.length < 40) continue;
      for (const sentence of sentencesOf(paragraph)) {
        if (sentence.length >= 40 && ROLE_SENTENCE.test(sentence)) return sentence;
      }
    }
  }
  return null;
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : cut.length)}…`;
}

function buildSummary(
  draft: PostingDraft,
  title: string | null,
  company: string | null,
  sections: readonly Section[],
  locations: readonly string[],
): string | null {
  if (draft.limitation === 'not-a-posting')
    return draft.metaDescription ? clip(draft.metaDescription, MAX_SUMMARY) : null;
  const head = title
    ? `${title}${company ? ` at ${company}` : ''}${locations[0] ? ` (${locations.slice(0, 2).join('; ')}${locations.length > 2 ? '…' : ''})` : ''}.`
    : company
      ? `A role at ${company}.`
      : null;
  const detail =
    roleSentence(sections) ??
    (draft.metaDescription && draft.metaDescription !== title
      ? (sentencesOf(draft.metaDescription)[0] ?? null)
      : null);
  const note = draft.limitation ? LIMITATION_NOTES[draft.limitation] : '';
  const parts = [head, detail ? clip(detail, 260) : null, note || null].filter((p): p is string =>
    Boolean(p),
  );
  if (parts.length === 0) return null;
  // One or two sentences: the head, then either the role sentence or the limitation note.
  const chosen = note ? [head, note].filter((p): p is string => Boolean(p)) : parts.slice(0, 2);
  return clip(chosen.join(' '), MAX_SUMMARY);
}

/**
 * Turns a provider's draft into the card: sections and bullets from the description, and every
 * field the provider did not state structurally (salary, years, workplace, employment type,
 * seniority, visa) guessed from the text. Structured fields win; an aggregator's values are used
 * only when the employer's own text is silent.
 */
export function summarizeDraft(draft: PostingDraft, target: SummaryTarget): PostingSummary {
  const blocks = blocksOf(draft);
  const sections = splitSections(blocks);
  const textOf = (kinds: readonly Section['kind'][]): string[] =>
    sections
      .filter((s) => kinds.includes(s.kind))
      .flatMap((s) => [s.heading ?? '', ...s.paragraphs, ...s.items])
      .filter(Boolean);

  const requirementLines = textOf(['requirements']);
  const jobLines = textOf(['responsibilities', 'requirements', 'niceToHave']);
  const nonBenefitLines = textOf([
    'intro',
    'about',
    'responsibilities',
    'requirements',
    'niceToHave',
    'compensation',
    'other',
  ]);
  const allLines = blocks.map((b) => b.text);
  const nonBenefitSentences = nonBenefitLines.flatMap(sentencesOf);

  const title = tidyTitle(draft.title);
  const company =
    draft.company ??
    companyFromSlug(draft.companySlug, [draft.descriptionText ?? '', ...allLines.slice(0, 400)]);
  const locations = draft.locations.slice(0, 50);

  const salary = draft.salary ?? extractSalary(allLines) ?? draft.thirdParty.salary;
  const minYearsExperience =
    extractMinYears(requirementLines.flatMap(sentencesOf)) ?? extractMinYears(nonBenefitSentences);
  const workplaceType =
    draft.workplaceType ??
    workplaceFromLocations(locations) ??
    workplaceFromText(nonBenefitSentences) ??
    draft.thirdParty.workplaceType ??
    (statesHybrid(textOf(['benefits']).flatMap(sentencesOf)) ? 'hybrid' : null);
  const employmentType =
    draft.employmentType ??
    draft.thirdParty.employmentType ??
    employmentTypeFromText(nonBenefitLines.join('\n'), title);

  const responsibilities = trimItems(itemsOf(sections, 'responsibilities'));
  // A bullet marked optional ("… is a plus", "von Vorteil") is a nice-to-have wherever it is listed.
  const listed = splitRequirements(itemsOf(sections, 'requirements'));
  const requirements = trimItems(listed.required);
  const niceToHave = trimItems([...itemsOf(sections, 'niceToHave'), ...listed.niceToHave]);
  const benefits = trimItems(itemsOf(sections, 'benefits'));

  const focusTexts = [...responsibilities, ...requirements, ...niceToHave];
  const contextTexts = textOf(['intro', 'about']);
  const emphasized = extractEmphasized(
    (focusTexts.length > 0 ? focusTexts : nonBenefitLines).flatMap(sentencesOf),
    sections
      .filter((s) => s.kind !== 'benefits' && s.kind !== 'other')
      .map((s) => [...s.paragraphs, ...s.items].join('\n')),
  );
  const signals = extractSignals({
    title,
    focus: focusTexts.length > 0 ? focusTexts : jobLines,
    context: contextTexts,
  });

  return {
    url: target.url,
    canonicalUrl: target.canonicalUrl,
    source: draft.source,
    title,
    company,
    locations,
    workplaceType,
    employmentType,
    department: draft.department,
    seniority:
      draft.limitation === 'not-a-posting'
        ? null
        : extractSeniority(title, minYearsExperience, draft.statedLevel),
    visaSponsorship: extractVisaSponsorship(nonBenefitLines.join('\n')),
    salary,
    minYearsExperience,
    summary: buildSummary(draft, title, company, sections, locations),
    responsibilities,
    requirements,
    niceToHave,
    benefits,
    emphasized,
    signals,
  };
}
