import { getDomain, getDomainWithoutSuffix } from 'tldts';
import { normalizeCompanyName } from './company-names.js';

/**
 * Which e-mail domains are a company's own, for verified referrers: pure, no I/O. A referrer is
 * verified at a company when the domain of their Slack profile e-mail is one of the company's
 * domains (a subdomain counts: ana@eng.acme.com is at acme.com).
 *
 * Domains are compared as registrable domains (the part a company registers: jobs.acme.co.uk and
 * acme.co.uk are both acme.co.uk), read with the Public Suffix List through `tldts`, whose private
 * section also makes acme.github.io a domain of its own rather than github.io.
 */

/**
 * Job boards, applicant-tracking systems and hiring platforms: a posting hosted there says nothing
 * about the company's own domain, and an e-mail there proves no employment. Registrable domains.
 */
export const JOB_BOARD_DOMAINS: ReadonlySet<string> = new Set([
  'greenhouse.io',
  'lever.co',
  'ashbyhq.com',
  'myworkdayjobs.com',
  'myworkdaysite.com',
  'workday.com',
  'workable.com',
  'smartrecruiters.com',
  'personio.de',
  'personio.com',
  'recruitee.com',
  'teamtailor.com',
  'bamboohr.com',
  'icims.com',
  'jobvite.com',
  'applytojob.com',
  'jazzhr.com',
  'breezy.hr',
  'join.com',
  'pinpointhq.com',
  'rippling.com',
  'rippling-ats.com',
  'oraclecloud.com',
  'successfactors.com',
  'successfactors.eu',
  'sapsf.com',
  'sapsf.eu',
  'taleo.net',
  'comeet.com',
  'comeet.co',
  'dover.com',
  'dover.io',
  'wellfound.com',
  'angel.co',
  'indeed.com',
  'welcometothejungle.com',
  'linkedin.com',
  'lnkd.in',
  'glassdoor.com',
  'stepstone.de',
  'xing.com',
  'monster.com',
  'ziprecruiter.com',
  'dice.com',
  'otta.com',
  'weworkremotely.com',
  'remoteok.com',
  'remote.co',
  'builtin.com',
  'ycombinator.com',
  'workatastartup.com',
  'withgoogle.com',
  'jobs.ch',
  'jobteaser.com',
  'hibob.com',
  'factorialhr.com',
  'gem.com',
  'eightfold.ai',
  'phenom.com',
  'avature.net',
  'ultipro.com',
  'paylocity.com',
  'adp.com',
  'jobylon.com',
  'homerun.co',
  'softgarden.io',
  'softgarden.de',
  'hrworks.de',
  'concludis.de',
  'onlyfy.jobs',
  'talent.com',
  'simplyhired.com',
  'careerbuilder.com',
]);

/** Free and consumer e-mail providers: an address there never verifies anyone. Registrable domains. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'hotmail.fr',
  'hotmail.de',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.fr',
  'yahoo.de',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'tutanota.com',
  'tuta.io',
  'gmx.de',
  'gmx.net',
  'gmx.com',
  'web.de',
  't-online.de',
  'posteo.de',
  'mailbox.org',
  'freenet.de',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'libero.it',
  'virgilio.it',
  'yandex.ru',
  'yandex.com',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
  'naver.com',
  'zoho.com',
  'fastmail.com',
  'hey.com',
  'duck.com',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'interia.pl',
  'bluewin.ch',
  'rediffmail.com',
  'uol.com.br',
  'bol.com.br',
]);

/** A host's registrable domain, lower case; null for IP addresses, `localhost` and other non-domains. */
export function registrableDomain(host: string): string | null {
  const clean = host.trim().toLowerCase().replace(/\.$/, '');
  if (clean === '' || !clean.includes('.')) return null;
  return getDomain(clean, { allowPrivateDomains: true }) ?? null;
}

/** The registrable domain of an e-mail address; null when it has none. The address itself is not kept. */
export function emailDomainOf(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return null;
  return registrableDomain(email.slice(at + 1));
}

export function isJobBoardDomain(domain: string): boolean {
  return JOB_BOARD_DOMAINS.has(domain);
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain);
}

/** Why a domain can never be a company's own, or null when it can. */
export function unusableDomainReason(domain: string): 'job_board' | 'free_mail' | null {
  if (isJobBoardDomain(domain)) return 'job_board';
  if (isFreeMailDomain(domain)) return 'free_mail';
  return null;
}

/**
 * What an admin typed as a domain (`acme.com`, `@acme.com`, `https://jobs.acme.com/x`, `<mailto:…>`
 * as Slack formats it) as a registrable domain, or null when it names none.
 */
export function parseDomainInput(input: string): string | null {
  let text = input.trim().replace(/^<|>$/g, '');
  text = (text.split('|')[0] ?? '').replace(/^mailto:/i, '');
  if (text.includes('@')) text = text.slice(text.lastIndexOf('@') + 1);
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#:]/)[0] ?? '';
  if (!/^[a-z0-9.-]+$/i.test(text)) return null;
  return registrableDomain(text);
}

/** Letters and digits of a company's name, run together: "Hugging Face, Inc." → "huggingface". */
function compactName(name: string): string {
  return normalizeCompanyName(name).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Whether a domain carries the company's name, so that a posting hosted there is plausibly the
 * company's own site: pinterest.com for Pinterest, metacareers.com for Meta, deutschebahn.com for
 * Deutsche Bahn, acme.co.uk for Acme Ltd. This keeps a page anyone can publish (with any company
 * name in it) from making its host a company's domain; other domains are added by an admin.
 */
export function domainFitsCompany(domain: string, companyNames: readonly string[]): boolean {
  const label = (getDomainWithoutSuffix(domain, { allowPrivateDomains: true }) ?? '').replace(/-/g, '');
  if (label.length < 2) return false;
  return companyNames.some((name) => {
    const compact = compactName(name);
    if (compact.length < 2) return false;
    if (label === compact) return true;
    // "metacareers" holds "meta"; "acme" is the first word of "Acme Robotics".
    if (compact.length >= 3 && label.includes(compact)) return true;
    const firstWord = normalizeCompanyName(name).split(' ')[0] ?? '';
    return firstWord.length >= 4 && label === firstWord;
  });
}

/**
 * The company's own domain a posting shows, from its URL (the page it was shared as, or its apply
 * page): null when it is hosted on a job board, is no domain, or does not carry the company's name.
 */
export function postingCompanyDomain(url: string, companyNames: readonly string[]): string | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  const domain = registrableDomain(host);
  if (domain === null || unusableDomainReason(domain) !== null) return null;
  return domainFitsCompany(domain, companyNames) ? domain : null;
}

/** What a company's domains are made of: its postings' own sites and an admin's list. */
export interface CompanyDomainSources {
  /** The company's name and its other spellings. */
  names: readonly string[];
  /** URLs of the company's postings (as shared and canonical). */
  postingUrls: readonly string[];
  /** Domains an admin added (`/vouch company-domain <company> <domain>`). */
  added: readonly string[];
  /** Domains an admin removed: they count neither from the list nor from postings. */
  removed: readonly string[];
}

/** The domains that verify a referrer at a company, each with where it came from. */
export function companyDomains(
  sources: CompanyDomainSources,
): Array<{ domain: string; from: 'posting' | 'admin' }> {
  const removed = new Set(sources.removed);
  const out = new Map<string, 'posting' | 'admin'>();
  for (const domain of sources.added) {
    if (!removed.has(domain) && unusableDomainReason(domain) === null) out.set(domain, 'admin');
  }
  for (const url of sources.postingUrls) {
    const domain = postingCompanyDomain(url, sources.names);
    if (domain !== null && !removed.has(domain) && !out.has(domain)) out.set(domain, 'posting');
  }
  return [...out].map(([domain, from]) => ({ domain, from }));
}

/**
 * Whether an e-mail domain (already registrable: `emailDomainOf`) verifies a referrer at a company
 * with these domains. Free mail and job boards never do.
 */
export function emailVerifies(emailDomain: string | null, domains: readonly string[]): boolean {
  if (emailDomain === null || unusableDomainReason(emailDomain) !== null) return false;
  return domains.includes(emailDomain);
}
