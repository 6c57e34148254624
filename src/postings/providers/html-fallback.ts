import { departmentFromText } from '../description/department.js';
import { isJobBoardName } from '../description/job-boards.js';
import { readLabelledFields } from '../description/labelled-fields.js';
import { extractSalary } from '../description/salary.js';
import { findFirst, type HtmlElement, visibleText } from '../html/dom.js';
import type { HtmlPage } from '../html/page.js';
import { hostOf, splitLocations } from './shared.js';
import { emptyDraft, type ParseContext, type PostingDraft, type Provider, str } from './types.js';

const CAREERS_TITLE =
  /^(?:(?<a>.+?)\s+(?:careers?|jobs|job board|open positions|stellenangebote|karriere)|(?:careers?|jobs) (?:at|@)\s+(?<b>.+))$/i;
const TITLE_SEPARATOR = /\s+(?:[-–—|·•:]|at|@)\s+/;
const JOB_WORDS =
  /\b(?:responsibilit|requirements|qualifications|what you['’]ll do|what you will do|apply now|job description|about the role|we['’]re looking for|we are looking for|nice to have|preferred qualifications)\b/i;
// The same cues in the languages career sites are written in (headings and calls to action).
const JOB_WORDS_INTL =
  /\b(?:ihre aufgaben|deine aufgaben|ihr profil|dein profil|das bringen sie mit|das bringst du mit|stellenbeschreibung|jetzt bewerben|wir bieten|vos missions|profil recherch[ée]|postuler|descriptif du poste|requisitos|responsabilidades|funciones|ofrecemos|inscr[íi]bete|wymagania|obowi[ąa]zki|aplikuj|functieomschrijving|wat wij bieden|solliciteer|mansioni|requisiti|candidati)\b/i;
const US_STATES =
  /\b(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|[A-Z]{2})\b/;
const PLACE_WORDS =
  /\b(?:remote|hybrid|united states|usa|canada|united kingdom|uk|germany|france|netherlands|spain|italy|portugal|ireland|india|japan|singapore|australia|brazil|mexico|poland|sweden|switzerland|belgium|israel|europe|emea|apac|latam|anywhere)\b/i;

/** Whether a short text reads like a list of places ("Mountain View, California; San Francisco, California"). */
export function looksLikeLocations(text: string): boolean {
  if (text.length === 0 || text.length > 200) return false;
  if (/[.!?]\s|https?:|@/.test(text)) return false;
  return US_STATES.test(text) || PLACE_WORDS.test(text);
}

/** The visible text just after the h1, when it reads like locations (career pages put them there). */
function locationsNearHeading(h1: HtmlElement): string[] {
  const parent = h1.parent;
  if (!parent) return [];
  const index = parent.children.indexOf(h1);
  for (const sibling of parent.children.slice(index + 1, index + 4)) {
    if (sibling.type !== 'element') continue;
    // The location line may share its element with buttons; take its own text only.
    const own = sibling.children
      .filter((c) => c.type === 'text')
      .map((c) => (c.type === 'text' ? c.data : ''))
      .join(' ')
      .trim();
    const text = own || visibleText(sibling);
    if (looksLikeLocations(text)) return splitLocations(text);
  }
  return [];
}

/** The element holding the page's main content: <main>, <article>, or the body. */
export function mainContent(root: HtmlElement): HtmlElement {
  return (
    findFirst(root, (e) => e.name === 'main') ??
    findFirst(root, (e) => e.name === 'article') ??
    findFirst(root, (e) => e.attribs.role === 'main') ??
    findFirst(root, (e) => e.name === 'body') ??
    root
  );
}

/** "Acme GmbH - jobs.at" → "Acme GmbH" when the trailing part is the page's own site name. */
function withoutSiteName(text: string, siteName: string | null): string {
  if (!siteName) return text;
  const at = text.toLowerCase().lastIndexOf(siteName.toLowerCase());
  if (at <= 0 || at + siteName.length !== text.length) return text;
  const head = text.slice(0, at);
  return /\s[-–—|·•]\s*$/.test(head) ? head.replace(/\s[-–—|·•]\s*$/, '') : text;
}

/** Company from the host when nothing else names it ("www.databricks.com" → "Databricks"). */
function companyFromHost(url: string): string | null {
  const host = hostOf(url);
  if (!host) return null;
  const parts = host.replace(/^www\./, '').split('.');
  const name = parts.length >= 2 ? parts[parts.length - 2]! : parts[0]!;
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : null;
}

/**
 * Last resort for any page: OpenGraph/meta for title and company, the text after the h1 (else a
 * "Location:" label) for locations, labelled fields for employment type, department, workplace and
 * salary, and the main content for the description. A page with no job cues is a plain
 * link card (title and meta description only).
 */
export const htmlFallbackProvider: Provider = {
  id: 'html',
  apiRequest: () => null,
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft {
    const draft = emptyDraft('html');
    const ogTitle = str(page.meta.get('og:title') ?? page.meta.get('twitter:title') ?? page.title, 300);
    const siteName = str(page.meta.get('og:site_name') ?? page.meta.get('application-name'), 100);
    const h1 = findFirst(
      page.root,
      (e) => e.name === 'h1' && visibleText(e).length > 0 && visibleText(e).length <= 200,
    );
    const h1Text = h1 ? visibleText(h1) : null;
    draft.metaDescription = str(
      page.meta.get('og:description') ?? page.meta.get('description') ?? page.meta.get('twitter:description'),
    );
    const careers = ogTitle ? CAREERS_TITLE.exec(ogTitle) : null;
    const main = mainContent(page.root);
    const mainText = visibleText(main).slice(0, 200_000);
    // Career sites without structured data often state the facts as labels: "Standort: Berlin",
    // "<dt>Employment type</dt><dd>Full-time</dd>", a two-column table. Two of them mark a posting.
    const labels = readLabelledFields(main);
    const labelled = [labels.location, labels.employmentType, labels.salary, labels.workplaceType].filter(
      (v) => v !== null,
    ).length;
    const jobLike =
      JOB_WORDS.test(mainText) ||
      JOB_WORDS_INTL.test(mainText) ||
      labelled >= 2 ||
      /\/(?:jobs?|careers?|positions?|vacanc|openings?)\b/i.test(context.url);

    if (careers && !h1Text) {
      // A careers board or app shell ("Luma AI Careers"): it names the company, not a posting.
      draft.company = str(careers.groups?.a ?? careers.groups?.b);
      draft.limitation = 'not-a-posting';
      return draft;
    }
    if (h1Text && ogTitle?.startsWith(h1Text)) {
      draft.title = h1Text;
      // "Title at Company", "Titel bei Firma", "Poste chez Société"..., then the board's own name.
      const rest = withoutSiteName(
        ogTitle.slice(h1Text.length).replace(/^\s*(?:[-–—|·•:]|at|@|bei|chez|en|presso|bij|w)\s+/i, ''),
        siteName,
      );
      draft.company = str(rest) ?? siteName;
    } else if (ogTitle) {
      const parts = ogTitle.split(TITLE_SEPARATOR);
      draft.title =
        parts.length > 1 && siteName && parts[parts.length - 1] === siteName
          ? parts.slice(0, -1).join(' - ')
          : ogTitle;
      draft.company = siteName ?? (parts.length > 1 ? str(parts[parts.length - 1]) : null);
    } else {
      draft.title = h1Text;
      draft.company = siteName;
    }
    draft.company ??= jobLike ? companyFromHost(context.url) : null;
    // The site's own name on a job board ("Indeed", "StepStone", "Greenhouse") is not the employer.
    if (draft.company !== null && isJobBoardName(draft.company)) draft.company = null;
    if (!jobLike) {
      // Not a posting: plain link-card data (the page's own title and description).
      draft.title = ogTitle ?? h1Text;
      draft.limitation = 'not-a-posting';
      return draft;
    }
    draft.locations = h1 ? locationsNearHeading(h1) : [];
    if (draft.locations.length === 0 && draft.metaDescription && draft.title) {
      // "Title, Place; Place. Join us!" — common career-site meta descriptions.
      const after = draft.metaDescription.startsWith(`${draft.title}, `)
        ? draft.metaDescription.slice(draft.title.length + 2).split(/\.\s/)[0]
        : null;
      if (after && looksLikeLocations(after)) draft.locations = splitLocations(after);
    }
    if (draft.locations.length === 0 && labels.location) draft.locations = splitLocations(labels.location);
    draft.employmentType = labels.employmentType;
    draft.department = labels.department ?? departmentFromText(mainText);
    draft.workplaceType = labels.workplaceType;
    // The label is part of the line: "Gehalt: ab 4.341,85 EUR monatlich" is a salary by its label.
    if (labels.salary)
      draft.salary = extractSalary([`salary: ${labels.salary}`], { locations: draft.locations });
    draft.descriptionElements = [main];
    return draft;
  },
};
