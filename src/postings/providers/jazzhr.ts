import { normalizeEmploymentType } from '../description/employment-type.js';
import { findFirst, type HtmlElement, hasClass, visibleText } from '../html/dom.js';
import { type HtmlPage, isRecord } from '../html/page.js';
import { type PostingIdentity, postingIdentity } from '../posting-identity.js';
import { draftFromJobPosting, findJobPosting } from './json-ld.js';
import { hostOf, identifyOnSubdomain, pageIsOn, uniqueStrings } from './shared.js';
import { emptyDraft, type ParseContext, type PostingDraft, type Provider, str } from './types.js';

const HOST = /^([a-z0-9-]+)\.applytojob\.com$/;
const SERVICE_HOSTS = new Set(['www', 'app', 'api', 'help']);
/** A board code: JazzHR's case-sensitive job key ("HfjPdG2EEG", "UQXLdxoBZ4"). */
const BOARD_CODE = /^[A-Za-z0-9]{6,16}$/;
/** Words under `/apply/` that are pages, not jobs. */
const NOT_A_JOB = new Set(['jobs', 'details', 'apply', 'thanks', 'search']);

function canonical(company: string, code: string): PostingIdentity {
  return postingIdentity('jazzhr', company, code, `https://${company}.applytojob.com/apply/${code}`);
}

function byId(root: HtmlElement, ...ids: string[]): HtmlElement | null {
  return findFirst(root, (e) => e.attribs.id !== undefined && ids.includes(e.attribs.id));
}

function byTitle(root: HtmlElement, title: string): string | null {
  const element = findFirst(root, (e) => e.attribs.title === title && e.name === 'div');
  return element ? str(visibleText(element), 300) : null;
}

/** The text after a "Label:" prefix that the classic template writes inside the element. */
function attributeText(element: HtmlElement | null): string | null {
  if (!element) return null;
  return str(visibleText(element).replace(/^[A-Za-z. ]{2,20}:\s*/, ''), 200);
}

/**
 * The page title JazzHR writes, `{title} - {company} - Career Page` (also `{title} - Career Page`):
 * the job title, with the board's suffix and the company's name taken off.
 */
function titleFromPageTitle(pageTitle: string | null, company: string | null): string | null {
  const withoutSuffix = pageTitle?.replace(/\s+-\s+Career Page\s*$/i, '');
  if (!withoutSuffix || withoutSuffix === pageTitle) return null;
  const suffix = company ? ` - ${company}` : null;
  const title =
    suffix && withoutSuffix.toLowerCase().endsWith(suffix.toLowerCase())
      ? withoutSuffix.slice(0, -suffix.length)
      : withoutSuffix;
  return str(title, 300);
}

function organisationName(page: HtmlPage): string | null {
  const org = page.jsonLd.find((o) => o['@type'] === 'Organization');
  return (isRecord(org) ? str(org.name) : null) ?? str(page.meta.get('og:site_name'));
}

/**
 * JazzHR (formerly The Resumator): the hosted job page `https://{company}.applytojob.com/apply/{code}/{slug}`
 * is the data path. It carries a schema.org JobPosting (title, location, employment type, a
 * flattened description) and the description's own HTML in `#job-description` (classic template:
 * `#resumator-job-description`), with location, type and department in the header's attributes.
 * The description element is read instead of the JSON-LD text, which loses lists. Markup as
 * checked on two real pages, trimmed by their source (`test/fixtures/postings/jazzhr/SOURCE.md`).
 */
export const jazzHrProvider: Provider = {
  id: 'jazzhr',
  identify: identifyOnSubdomain(HOST, SERVICE_HOSTS, (company, segs) => {
    if (segs[0] !== 'apply') return null;
    // /apply/jobs/details/{code}, /apply/{code}/{slug}, /apply/{code}
    const code = segs[1] === 'jobs' && segs[2] === 'details' ? segs[3] : segs[1];
    if (!code || NOT_A_JOB.has(code.toLowerCase()) || !BOARD_CODE.test(code)) return null;
    return canonical(company, code);
  }),
  apiRequest(): null {
    return null;
  },
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    if (context.identity?.source !== 'jazzhr' && !pageIsOn(page, context.url, /(?:^|\.)applytojob\.com$/))
      return null;
    const posting = findJobPosting(page.jsonLd);
    const description = byId(page.root, 'job-description', 'resumator-job-description');
    const header = findFirst(page.root, (e) => e.name === 'h2' || e.name === 'h1');
    // Three of eight boards a public scraper probed ship no JobPosting; the header's attribute
    // block (location, type, department) still marks the job page.
    const attributes = findFirst(
      page.root,
      (e) => hasClass(e, 'job-attributes-container') || e.attribs.id === 'resumator-job-employment',
    );
    if (!posting && !description && !attributes) return null;
    const draft = posting
      ? { ...draftFromJobPosting(posting), source: 'jazzhr' as const }
      : emptyDraft('jazzhr');
    const host = hostOf(context.url);
    draft.companySlug =
      context.identity?.source === 'jazzhr' ? context.identity.tenant : (HOST.exec(host ?? '')?.[1] ?? null);
    draft.company ??= organisationName(page);
    draft.title ??=
      titleFromPageTitle(page.title, draft.company) ?? (header ? str(visibleText(header), 300) : null);
    const location =
      byTitle(page.root, 'Location') ?? attributeText(byId(page.root, 'resumator-job-location'));
    if (draft.locations.length === 0) draft.locations = uniqueStrings([location]);
    draft.employmentType ??= normalizeEmploymentType(
      attributeText(byId(page.root, 'resumator-job-employment')),
    );
    draft.department = byTitle(page.root, 'Department');
    draft.statedLevel = attributeText(byId(page.root, 'resumator-job-experience'));
    draft.workplaceType = draft.thirdParty.workplaceType;
    if (description) {
      draft.descriptionElements = [description];
      draft.descriptionHtml = [];
      draft.descriptionText = null;
      draft.limitation = null;
    } else if (!posting) draft.limitation = 'header-only';
    return draft;
  },
};
