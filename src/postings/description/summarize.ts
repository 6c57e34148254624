import { type Block, htmlToBlocks, textToBlocks } from '../html/blocks.js';
import type { PostingSummary, WorkplaceType } from '../posting-summary.js';
import type { PostingDraft } from '../providers/types.js';
import { companyFromOpening, companyFromSlug } from './company-name.js';
import { extractEmphasized } from './emphasized.js';
import { employmentTypeFromText } from './employment-type.js';
import { splitRequirements } from './nice-to-have.js';
import { roleProse, roleSummary, teamFromProse } from './role-summary.js';
import { extractSalary } from './salary.js';
import { itemsOf, type Section, splitSections } from './sections.js';
import { extractSeniority } from './seniority.js';
import { extractSignals } from './signals.js';
import { tidyCompany, tidyTitle } from './title.js';
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

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : cut.length)}…`;
}

/**
 * The posting's own words about the role ({@link roleSummary}); when the source carries no
 * description, the note that says why the card is thin. Never a sentence Vouch made up from the
 * fields the card already shows.
 */
function buildSummary(
  draft: PostingDraft,
  sections: readonly Section[],
  title: string | null,
  company: string | null,
): string | null {
  if (draft.limitation === 'not-a-posting')
    return draft.metaDescription ? clip(draft.metaDescription, MAX_SUMMARY) : null;
  const own = roleSummary(sections, draft.metaDescription, title, company);
  // LinkedIn's public page often carries the whole description: the note is for when it did not.
  const limited = draft.limitation === 'linkedin' ? sections.length === 0 : draft.limitation !== null;
  const note = limited && draft.limitation ? LIMITATION_NOTES[draft.limitation] : '';
  if (!own) return note || null;
  return note && own.length + note.length < MAX_SUMMARY + 200 ? `${own} ${note}` : own;
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

  const company =
    tidyCompany(draft.company) ??
    companyFromSlug(draft.companySlug, [draft.descriptionText ?? '', ...allLines.slice(0, 400)]) ??
    (draft.limitation === 'not-a-posting' ? null : companyFromOpening(allLines));
  const title = tidyTitle(draft.title, company, draft.locations);
  const locations = draft.locations.slice(0, 50);

  const salary = draft.salary ?? extractSalary(allLines, { locations }) ?? draft.thirdParty.salary;
  const minYearsExperience =
    extractMinYears(requirementLines.flatMap(sentencesOf)) ??
    extractMinYears(nonBenefitSentences) ??
    draft.statedMinYears;
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

  // Signals and emphasis come from the role's own parts only: its lists and the prose about the
  // role, never the company pitch, benefits, equal-opportunity text or footers.
  const focusTexts = [...responsibilities, ...requirements, ...niceToHave];
  const aboutRole = roleProse(sections);
  const emphasized = extractEmphasized(
    (focusTexts.length > 0 ? focusTexts : aboutRole).flatMap(sentencesOf),
    [
      ...sections
        .filter((s) => s.kind === 'responsibilities' || s.kind === 'requirements' || s.kind === 'niceToHave')
        .map((s) => s.items.join('\n')),
      aboutRole.join('\n'),
    ],
  );
  const signals = extractSignals({
    title,
    focus: focusTexts,
    context: aboutRole,
    requirements,
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
    department: draft.department ?? teamFromProse(aboutRole, company),
    seniority:
      draft.limitation === 'not-a-posting'
        ? null
        : extractSeniority(title, minYearsExperience, draft.statedLevel),
    visaSponsorship: extractVisaSponsorship(nonBenefitLines.join('\n')),
    salary,
    minYearsExperience,
    summary: buildSummary(draft, sections, title, company),
    responsibilities,
    requirements,
    niceToHave,
    benefits,
    emphasized,
    signals,
  };
}
