import { isJobBoardName } from './job-boards.js';

/**
 * Level numerals a title-casing step spelt "Ii", "Iii", "Iv" ("Manager Ii"). Only those: "Vi" and "Xi"
 * are also names ("Xi'an").
 */
const TITLE_CASED_ROMAN = /\b(?:Iii?|Iv)\b/g;

/**
 * Words of a careers site's own chrome, in the languages the card reads: a title segment or company
 * name made of these and a name is the site talking about itself ("Careers at Acme", "Acme Jobs").
 */
const CHROME_WORDS =
  "careers?|jobs?|job (?:board|openings?|offers?|listings?|details|description|posting|opportunities)|open (?:positions|roles)|vacanc(?:y|ies)|opportunities|hiring|we(?:['’]re| are) hiring|work(?:ing)? (?:at|with|for) us|join (?:us|our team)|karriere|stellen(?:angebote?|anzeigen?|markt)?|jobbörse|jobportal|carri[eè]res?|emplois?|offres? d['’]emploi|recrutement|empleos?|ofertas? de (?:empleo|trabajo)|trabaja con nosotros|carreiras?|vagas|vacatures?|werken bij|lavora con noi|posizioni aperte|offerte di lavoro";
const CHROME_ONLY = new RegExp(`^(?:${CHROME_WORDS})$`, 'i');
/** "Careers at Acme", "Jobs bei Acme", "Karriere bei Acme", "Carrières chez Acme", "Work at Acme". */
const CHROME_BEFORE_NAME = new RegExp(
  `^(?:(?:${CHROME_WORDS})\\s+(?:at|@|bei|chez|en|em|bij|presso|in|with|for|of|de|da|di)|work at|join(?! us\\b))\\s+(.+)$`,
  'i',
);
/** "Acme Careers", "Acme - Jobs", "Acme Karriere". */
const NAME_BEFORE_CHROME = new RegExp(`^(.+?)\\s*(?:[-–—:|]\\s*)?(?:${CHROME_WORDS})$`, 'i');

/** "Carrières Nordvent", "Jobs Northwind": chrome then a name, only ever trailing a title. */
const CHROME_THEN_NAME = new RegExp(`^(?:${CHROME_WORDS})\\s+\\S+(?:\\s+\\S+){0,3}$`, 'i');

/** Separators between a title and the site's name in a page title ("Engineer | Acme Careers"). */
const SEGMENT_SEPARATOR = /\s+[|–—·•»:]\s+|\s+-\s+|\s*\|\s*/;
/** What sites put before the title: "Job details | ", "Job Application for ", "Stellenangebot: ". */
const TITLE_PREFIX =
  /^(?:job application for|apply (?:now )?for(?: the)?|application for|job(?: details| description| posting)?\s*[:|–—-]|vacancy\s*[:|–—-]|position\s*[:|–—-]|opening\s*[:|–—-]|stellenangebot\s*[:|–—-]|stellenanzeige\s*[:|–—-]|offre d[’']emploi\s*[:|–—-]|oferta de (?:empleo|trabajo)\s*[:|–—-]|vaga\s*[:|–—-]|vacature\s*[:|–—-])\s*/i;
/**
 * Gender notes German, French and Dutch postings add by law: "(m/w/d)", "(w/m/d)", "(f/m/x)", "(H/F)",
 * "(all genders)". They say nothing about the role, so the card leaves them out.
 */
const GENDER_NOTE =
  /\s*[([]\s*(?:(?:[mwfdhxvi*]|div)\s*[/|,]\s*){1,3}(?:[mwfdhxvi*]|div)\s*[)\]]|\s*[([]\s*(?:all genders?|alle geschlechter|gn\*?|genderneutral)\s*[)\]]/gi;

/** "【Remote】", "[Apply Today]", "[Hiring]": a board's tag in front of the title. */
const LEADING_TAG = /^\s*(?:【[^】]{1,24}】|\[[^\]]{1,24}\]|\((?:new|urgent|hot|remote|hiring)\))\s*/iu;
/** "Become an Assistant Language Teacher", "Join us as a Data Engineer": an invitation around the title. */
const INVITATION =
  /^(?:become an?|join (?:us|our team) as an?|we(?:['’]re| are) hiring:?(?: an?)?|now hiring:?(?: an?)?)\s+(?=\p{Lu})/iu;
/** "(Summer/Fall 2026 & Spring 2027 Placement)", "(2026 intake)": when it starts, not what it is. */
const DATED_NOTE = /\s*\([^()]*\b20\d\d\b[^()]*\)\s*$/u;
/** Trailing parts that say where or how, which the card shows on its own line: "| Germany | Remote". */
const WORKPLACE_WORDS =
  /^(?:remote|hybrid|on-?site|in[- ]office|full[- ]time|part[- ]time|contract|permanent|worldwide|anywhere|remote[- ]first|home[- ]?office|homeoffice)$/i;

/** "jobs.ch", "karriere.at", "StepStone.de": a site's domain as its name. */
const DOMAIN_LIKE = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,6}$/iu;

/** Lower-case letters and digits only, for comparing names written differently. */
function squashName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(?:inc|llc|ltd|gmbh|ag|sa|sas|bv|plc|corp|co)\b\.?/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Whether a title segment is the site's chrome: a careers word, the company, or "Careers at {company}". */
function isChromeSegment(
  segment: string,
  company: string | null,
  trailing = false,
  places: readonly string[] = [],
): boolean {
  const s = segment.trim();
  if (trailing && CHROME_THEN_NAME.test(s)) return true;
  if (trailing && (WORKPLACE_WORDS.test(s) || isPlace(s, places))) return true;
  // "… | jobs.ch", "… - StepStone.de", "… | Indeed": the site that shows the posting.
  if (trailing && (DOMAIN_LIKE.test(s) || isJobBoardName(s))) return true;
  if (s.length === 0 || CHROME_ONLY.test(s)) return true;
  const named = CHROME_BEFORE_NAME.exec(s)?.[1] ?? NAME_BEFORE_CHROME.exec(s)?.[1];
  if (named && named.split(/\s+/).length <= 5) return true;
  return company !== null && squashName(s) !== '' && squashName(s) === squashName(company);
}

/** "Germany", "Berlin": a segment that is one of the posting's places, or a part of one. */
function isPlace(segment: string, places: readonly string[]): boolean {
  const key = squashName(segment);
  if (key.length < 3) return false;
  // "Remote (Germany)", "Berlin, Germany": each named part counts.
  return places.some((place) => place.split(/\s*[,()]\s*/).some((part) => squashName(part) === key));
}

/** A title is never markup, JSON, an XML declaration or a bare URL. */
export function looksLikeMarkup(text: string): boolean {
  return (
    /^\s*(?:\{|\[\s*[{["\d\]]|<[a-z!?/]|https?:\/\/\S+$)/i.test(text) ||
    /<\/?[a-z][a-z0-9]*[\s>/]|&lt;\/?[a-z]|"\s*:\s*["{[]/i.test(text) ||
    !/\p{L}/u.test(text)
  );
}

/**
 * A job title as the card shows it: the site's chrome removed ("Job Application for X at Acme",
 * "X - Careers At Acme", "Job details | X", "X | Acme", "【Remote】X", "X | Germany | Remote"), gender
 * notes and start dates ("(Summer 2026 Placement)") dropped, level numerals back
 * in capitals ("Manager Ii" → "Manager II"). Null when what is left is markup or empty: no title is
 * better than a wrong one.
 */
export function tidyTitle(
  title: string | null,
  company: string | null = null,
  places: readonly string[] = [],
): string | null {
  if (title === null) return null;
  let t = title.replace(/[\s\u00a0]+/g, ' ').trim();
  if (looksLikeMarkup(t)) return null;
  t = t.replace(LEADING_TAG, '').replace(TITLE_PREFIX, '').replace(INVITATION, '');
  const parts = t.split(SEGMENT_SEPARATOR);
  const segments = [...parts];
  while (segments.length > 1 && isChromeSegment(segments.at(-1) ?? '', company, true, places)) segments.pop();
  while (segments.length > 1 && isChromeSegment(segments[0] ?? '', company)) segments.shift();
  // Only the recognised chrome went; separators inside the title itself are kept as written.
  if (segments.length < parts.length) t = rejoin(t, segments);
  if (company) {
    const at = / (?:at|@|bei|chez|en|bij|presso) (.+)$/i.exec(t);
    if (at?.[1] && squashName(at[1]) === squashName(company)) t = t.slice(0, at.index);
  }
  t = t
    .replace(GENDER_NOTE, '')
    .replace(DATED_NOTE, '')
    .replace(/\s*[-–—|:,]\s*$/, '')
    .trim();
  if (t.length === 0 || looksLikeMarkup(t)) return null;
  return t.replace(TITLE_CASED_ROMAN, (numeral) => numeral.toUpperCase());
}

/** The part of `text` that spans the kept segments, separators between them as written. */
function rejoin(text: string, kept: readonly string[]): string {
  const first = kept[0] ?? '';
  const last = kept.at(-1) ?? '';
  const start = text.indexOf(first);
  const end = text.lastIndexOf(last) + last.length;
  return start >= 0 && end > start ? text.slice(start, end) : kept.join(' - ');
}

/**
 * A company name as the card shows it: the site's words around it removed ("Careers At Acme" →
 * "Acme", "Acme Careers" → "Acme"), a facts line cut to its first part ("Acme • Lisbon • Remote (Work
 * from Home)" → "Acme"). Null when it is markup, a sentence, or too long to be a name.
 */
export function tidyCompany(company: string | null): string | null {
  if (company === null) return null;
  let c = company.replace(/[\s\u00a0]+/g, ' ').trim();
  if (looksLikeMarkup(c)) return null;
  if (/\s[•·|]\s/.test(c)) c = c.split(/\s[•·|]\s/)[0] ?? c;
  c = CHROME_BEFORE_NAME.exec(c)?.[1] ?? NAME_BEFORE_CHROME.exec(c)?.[1] ?? c;
  c = c.replace(/\s*[-–—|:,]\s*$/, '').trim();
  if (c.length === 0 || c.length > 80 || /\p{Ll}{3,}[.!?]\s+\p{Lu}\p{Ll}/u.test(c) || CHROME_ONLY.test(c))
    return null;
  return c;
}
