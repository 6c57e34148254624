import { FetchError } from './fetched-resource.js';
import { type PostingIdentity, postingIdentity } from './posting-identity.js';
import { ALL_PROVIDERS } from './providers/registry.js';
import { segmentMatches } from './providers/shared.js';
import { isTrackingParam } from './tracking-params.js';

/**
 * Maps any way of writing a job link to one identity and one canonical URL, so the same posting
 * shared twice (with tracking tags, the apply page, the API URL, a locale prefix...) is recognised.
 *
 * Rules key only on the job boards' URL shapes, never on a company. Canonical URLs of known boards
 * are https, without query or fragment, and still open the posting in a browser.
 *
 * Identity forms (`tenant` / `jobId`):
 * - greenhouse: board token (lower-case) / numeric id; `tenant` null for a company career site
 *   carrying `gh_jid` (its canonical URL is that page with only `gh_jid`, path kept as given).
 * - lever: company (lower-case) / posting UUID. ashby: organisation, URL-decoded / posting UUID
 *   (`ashby_jid` on a career site works like `gh_jid`).
 * - workable: account / shortcode (apply.workable.com) or numeric id ({account}.workable.com/jobs);
 *   jobs.workable.com/view/{id}: null / id. Shortcodes are unique across Workable.
 * - smartrecruiters: company identifier / numeric posting id. recruitee: company / offer slug.
 * - workday: `{tenant}/{site}` (e.g. `acme/External`) / requisition id after the last `_`
 *   (R12345, JR-0001, 12345-1); canonical URL drops the locale segment and `/apply`.
 * - linkedin: null / numeric job id; canonical https://www.linkedin.com/jobs/view/{id}.
 * - other: null / null; canonical = the URL without tracking parameters or fragment, trailing
 *   slash removed, remaining parameters sorted.
 *
 * @throws FetchError `invalid_url` when the input is not an absolute http(s) URL.
 */
export function canonicalizeJobUrl(input: string): PostingIdentity {
  const url = parseHttpUrl(input);
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  for (const name of [...new Set(url.searchParams.keys())]) {
    if (isTrackingParam(name)) url.searchParams.delete(name);
  }
  for (const rule of RULES) {
    const identity = rule(url);
    if (identity) return identity;
  }
  for (const provider of ALL_PROVIDERS) {
    const identity = provider.identify?.(url);
    if (identity) return identity;
  }
  return careerSiteIdentity(url) ?? otherIdentity(url);
}

type Rule = (url: URL) => PostingIdentity | null;

const DIGITS = /^\d+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseHttpUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch (error) {
    throw new FetchError('invalid_url', `not a URL: ${preview(input)}`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('invalid_url', `not an http(s) link: ${preview(input)}`);
  }
  if (url.hostname === '') throw new FetchError('invalid_url', `URL has no host: ${preview(input)}`);
  return url;
}

function preview(input: string): string {
  const oneLine = input.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}

/** Path segments, still percent-encoded, without empty ones (so `//` and a trailing `/` vanish). */
function segments(url: URL): string[] {
  return url.pathname.split('/').filter((segment) => segment !== '');
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

// --- Greenhouse -------------------------------------------------------------------------------

const GREENHOUSE_BOARD_HOST = /^(?:job-)?boards(\.eu)?\.greenhouse\.io$/;
const GREENHOUSE_API_HOST = /^(?:boards-)?api(\.eu)?\.greenhouse\.io$/;
const GREENHOUSE_TOKEN = /^[A-Za-z0-9_-]+$/;

function greenhouseCanonical(tenant: string, jobId: string, eu: boolean): PostingIdentity {
  const host = eu ? 'job-boards.eu.greenhouse.io' : 'job-boards.greenhouse.io';
  const board = tenant.toLowerCase();
  return postingIdentity('greenhouse', board, jobId, `https://${host}/${board}/jobs/${jobId}`);
}

const greenhouse: Rule = (url) => {
  const segs = segments(url);
  const board = GREENHOUSE_BOARD_HOST.exec(url.hostname);
  if (board) {
    const eu = board[1] !== undefined;
    const [first, second, third] = segs;
    if (first === 'embed' && second === 'job_app') {
      const token = url.searchParams.get('token');
      const tenant = url.searchParams.get('for');
      if (token && DIGITS.test(token)) {
        if (tenant && GREENHOUSE_TOKEN.test(tenant)) return greenhouseCanonical(tenant, token, eu);
        return postingIdentity(
          'greenhouse',
          null,
          token,
          `https://${url.hostname}/embed/job_app?token=${token}`,
        );
      }
      return null;
    }
    if (first && GREENHOUSE_TOKEN.test(first) && second === 'jobs' && third && DIGITS.test(third)) {
      return greenhouseCanonical(first, third, eu);
    }
    const ghJid = url.searchParams.get('gh_jid');
    if (first && segs.length === 1 && GREENHOUSE_TOKEN.test(first) && ghJid && DIGITS.test(ghJid)) {
      return greenhouseCanonical(first, ghJid, eu);
    }
    return null;
  }
  const api = GREENHOUSE_API_HOST.exec(url.hostname);
  if (api) {
    // /v1/boards/{board}/jobs/{id}
    const [version, boards, tenant, jobs, id] = segs;
    if (version === 'v1' && boards === 'boards' && tenant && jobs === 'jobs' && id && DIGITS.test(id)) {
      return greenhouseCanonical(tenant, id, api[1] !== undefined);
    }
  }
  return null;
};

/**
 * A company career site that embeds a hosted board marks the job with `gh_jid` (Greenhouse) or
 * `ashby_jid` (Ashby). The board token is not in the URL, so tenant stays null and the career page
 * itself (reduced to that one parameter) is the canonical URL.
 */
function careerSiteIdentity(url: URL): PostingIdentity | null {
  const ghJid = url.searchParams.get('gh_jid');
  if (ghJid && DIGITS.test(ghJid)) {
    return postingIdentity('greenhouse', null, ghJid, `${url.origin}${url.pathname}?gh_jid=${ghJid}`);
  }
  const ashbyJid = url.searchParams.get('ashby_jid');
  if (ashbyJid && UUID.test(ashbyJid)) {
    const id = ashbyJid.toLowerCase();
    return postingIdentity('ashby', null, id, `${url.origin}${url.pathname}?ashby_jid=${id}`);
  }
  return null;
}

// --- Lever ------------------------------------------------------------------------------------

const LEVER_JOBS_HOST = /^jobs(\.eu)?\.lever\.co$/;
const LEVER_API_HOST = /^api(\.eu)?\.lever\.co$/;
const LEVER_COMPANY = /^[A-Za-z0-9._-]+$/;

function leverCanonical(company: string, posting: string, eu: boolean): PostingIdentity {
  const tenant = company.toLowerCase();
  const jobId = posting.toLowerCase();
  const host = eu ? 'jobs.eu.lever.co' : 'jobs.lever.co';
  return postingIdentity('lever', tenant, jobId, `https://${host}/${tenant}/${jobId}`);
}

const lever: Rule = (url) => {
  const segs = segments(url);
  const jobs = LEVER_JOBS_HOST.exec(url.hostname);
  if (jobs) {
    const [company, posting] = segs;
    if (company && LEVER_COMPANY.test(company) && posting && UUID.test(posting)) {
      return leverCanonical(company, posting, jobs[1] !== undefined);
    }
    return null;
  }
  const api = LEVER_API_HOST.exec(url.hostname);
  if (api) {
    // /v0/postings/{company}/{uuid}
    const [version, postings, company, posting] = segs;
    if (version === 'v0' && postings === 'postings' && company && LEVER_COMPANY.test(company)) {
      if (posting && UUID.test(posting)) return leverCanonical(company, posting, api[1] !== undefined);
    }
  }
  return null;
};

// --- Ashby ------------------------------------------------------------------------------------

const ashby: Rule = (url) => {
  if (url.hostname !== 'jobs.ashbyhq.com') return null;
  const [org, posting] = segments(url);
  if (!org || !posting || !UUID.test(posting)) return null;
  // Organisation names may contain spaces ("Superhuman%20Platform%20Inc"): decode for the
  // tenant, re-encode one consistent way for the URL.
  const tenant = decodeSegment(org);
  if (!tenant) return null;
  const jobId = posting.toLowerCase();
  return postingIdentity(
    'ashby',
    tenant,
    jobId,
    `https://jobs.ashbyhq.com/${encodeURIComponent(tenant)}/${jobId}`,
  );
};

// --- Workable ---------------------------------------------------------------------------------

const WORKABLE_ACCOUNT_HOST = /^([a-z0-9-]+)\.workable\.com$/;
const WORKABLE_SHORTCODE = /^[A-Za-z0-9]{5,16}$/;
const WORKABLE_ACCOUNT = /^[a-z0-9][a-z0-9-]*$/;
const WORKABLE_SERVICE_HOSTS = new Set(['www', 'apply', 'jobs', 'help', 'resources', 'api', 'app']);

function workableApply(account: string | null, shortcode: string): PostingIdentity {
  const path = account ? `${account}/j/${shortcode}` : `j/${shortcode}`;
  return postingIdentity('workable', account, shortcode, `https://apply.workable.com/${path}`);
}

const workable: Rule = (url) => {
  const segs = segments(url);
  const host = url.hostname;
  if (host === 'apply.workable.com') {
    const [first, second, third] = segs;
    if (first === 'j' && second && WORKABLE_SHORTCODE.test(second)) return workableApply(null, second);
    const account = first?.toLowerCase();
    if (
      segmentMatches(account, WORKABLE_ACCOUNT) &&
      second === 'j' &&
      segmentMatches(third, WORKABLE_SHORTCODE)
    ) {
      return workableApply(account, third);
    }
    return null;
  }
  if (host === 'jobs.workable.com') {
    const [view, id] = segs;
    if (view === 'view' && id && /^[A-Za-z0-9]+$/.test(id)) {
      return postingIdentity('workable', null, id, `https://jobs.workable.com/view/${id}`);
    }
    return null;
  }
  const accountHost = WORKABLE_ACCOUNT_HOST.exec(host);
  const account = accountHost?.[1];
  if (!account || WORKABLE_SERVICE_HOSTS.has(account)) return null;
  const [kind, id] = segs;
  if (kind === 'j' && id && WORKABLE_SHORTCODE.test(id)) return workableApply(account, id);
  if (kind === 'jobs' && id && DIGITS.test(id)) {
    return postingIdentity('workable', account, id, `https://${account}.workable.com/jobs/${id}`);
  }
  return null;
};

// --- SmartRecruiters --------------------------------------------------------------------------

const SMARTRECRUITERS_HOSTS = new Set(['jobs.smartrecruiters.com', 'careers.smartrecruiters.com']);
const SMARTRECRUITERS_COMPANY = /^[A-Za-z0-9._-]+$/;

function smartRecruitersCanonical(company: string, id: string): PostingIdentity {
  return postingIdentity('smartrecruiters', company, id, `https://jobs.smartrecruiters.com/${company}/${id}`);
}

const smartRecruiters: Rule = (url) => {
  const segs = segments(url);
  if (SMARTRECRUITERS_HOSTS.has(url.hostname)) {
    const [company, posting] = segs;
    const id = posting ? /^(\d+)(?:-|$)/.exec(posting)?.[1] : undefined;
    if (company && SMARTRECRUITERS_COMPANY.test(company) && id) return smartRecruitersCanonical(company, id);
    return null;
  }
  if (url.hostname === 'api.smartrecruiters.com') {
    // /v1/companies/{company}/postings/{id}
    const [version, companies, company, postings, id] = segs;
    if (version === 'v1' && companies === 'companies' && company && SMARTRECRUITERS_COMPANY.test(company)) {
      if (postings === 'postings' && id && DIGITS.test(id)) return smartRecruitersCanonical(company, id);
    }
  }
  return null;
};

// --- Recruitee --------------------------------------------------------------------------------

const RECRUITEE_HOST = /^([a-z0-9-]+)\.recruitee\.com$/;
const RECRUITEE_SERVICE_HOSTS = new Set(['www', 'app', 'api', 'support', 'blog']);

const recruitee: Rule = (url) => {
  const company = RECRUITEE_HOST.exec(url.hostname)?.[1];
  if (!company || RECRUITEE_SERVICE_HOSTS.has(company)) return null;
  const [kind, slug] = segments(url);
  if (kind !== 'o' || !slug || !/^[A-Za-z0-9%._-]+$/.test(slug)) return null;
  const jobId = slug.toLowerCase();
  return postingIdentity('recruitee', company, jobId, `https://${company}.recruitee.com/o/${jobId}`);
};

// --- Workday ----------------------------------------------------------------------------------

const WORKDAY_JOBS_HOST = /^([a-z0-9-]+)\.(wd\d+)\.myworkdayjobs\.com$/;
const WORKDAY_SITE_HOST = /^(wd\d+)\.myworkdaysite\.com$/;
const WORKDAY_LOCALE = /^[a-z]{2}-(?:[a-z]{2}|\d{3})$/i;
const WORKDAY_REQUISITION = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/** `[{location}/]{title}_{id}` after `job/` or `details/`, cut at `/apply`. */
function workdayJob(rest: readonly string[]): { path: string[]; jobId: string } | null {
  const [kind, ...tail] = rest;
  if (kind !== 'job' && kind !== 'details') return null;
  const applyAt = tail.indexOf('apply');
  const jobSegments = applyAt === -1 ? tail : tail.slice(0, applyAt);
  const last = jobSegments.at(-1);
  if (!last || jobSegments.length > 2) return null;
  const underscore = last.lastIndexOf('_');
  const jobId = underscore === -1 ? '' : last.slice(underscore + 1);
  if (!WORKDAY_REQUISITION.test(jobId)) return null;
  return { path: [kind, ...jobSegments], jobId };
}

function dropLocale(segs: readonly string[]): readonly string[] {
  return segs[0] && WORKDAY_LOCALE.test(segs[0]) ? segs.slice(1) : segs;
}

const workday: Rule = (url) => {
  const jobsHost = WORKDAY_JOBS_HOST.exec(url.hostname);
  if (jobsHost) {
    const tenantName = jobsHost[1] ?? '';
    let segs: readonly string[] = segments(url);
    // The JSON API behind the page: /wday/cxs/{tenant}/{site}/job/...
    if (segs[0] === 'wday' && segs[1] === 'cxs') segs = segs.slice(3);
    else segs = dropLocale(segs);
    const [site, ...rest] = segs;
    const job = site ? workdayJob(rest) : null;
    if (!site || !job) return null;
    const canonicalUrl = `https://${url.hostname}/${[site, ...job.path].join('/')}`;
    return postingIdentity('workday', `${tenantName}/${site}`, job.jobId, canonicalUrl);
  }
  const siteHost = WORKDAY_SITE_HOST.exec(url.hostname);
  if (siteHost) {
    // wd3.myworkdaysite.com/[locale/]recruiting/{tenant}/{site}/job/...
    const [recruiting, tenantName, site, ...rest] = dropLocale(segments(url));
    const job = workdayJob(rest);
    if (recruiting !== 'recruiting' || !tenantName || !site || !job) return null;
    const canonicalUrl = `https://${url.hostname}/${['recruiting', tenantName, site, ...job.path].join('/')}`;
    return postingIdentity('workday', `${tenantName.toLowerCase()}/${site}`, job.jobId, canonicalUrl);
  }
  return null;
};

// --- LinkedIn ---------------------------------------------------------------------------------

const LINKEDIN_HOST = /^(?:[a-z]{1,3}\.)?linkedin\.com$/; // www., m., country (uk., de.)

function linkedInCanonical(id: string): PostingIdentity {
  return postingIdentity('linkedin', null, id, `https://www.linkedin.com/jobs/view/${id}`);
}

const linkedIn: Rule = (url) => {
  if (!LINKEDIN_HOST.test(url.hostname)) return null;
  const segs = segments(url);
  const viewAt = segs[0] === 'comm' ? 1 : 0;
  if (segs[viewAt] === 'jobs' && segs[viewAt + 1] === 'view') {
    // /jobs/view/{id} or /jobs/view/{title-slug}-{id}
    const id = /(?:^|-)(\d+)$/.exec(segs[viewAt + 2] ?? '')?.[1];
    if (id) return linkedInCanonical(id);
  }
  if (segs[0] === 'jobs-guest' && segs.at(-2) === 'jobPosting') {
    const id = segs.at(-1);
    if (id && DIGITS.test(id)) return linkedInCanonical(id);
  }
  // /jobs/search, /jobs/collections/...: the open job is in currentJobId.
  const current = url.searchParams.get('currentJobId');
  if (segs[0] === 'jobs' && current && DIGITS.test(current)) return linkedInCanonical(current);
  return null;
};

// --- Anything else ----------------------------------------------------------------------------

const RULES: readonly Rule[] = [
  greenhouse,
  lever,
  ashby,
  workable,
  smartRecruiters,
  recruitee,
  workday,
  linkedIn,
];

function otherIdentity(url: URL): PostingIdentity {
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') || '/' : url.pathname;
  const params = [...url.searchParams.entries()].sort(([a, av], [b, bv]) =>
    a === b ? compare(av, bv) : compare(a, b),
  );
  const query = new URLSearchParams(params).toString();
  return postingIdentity('other', null, null, `${url.origin}${path}${query ? `?${query}` : ''}`);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
