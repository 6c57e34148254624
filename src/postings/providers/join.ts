import type { HtmlPage } from '../html/page.js';
import { type PostingIdentity, postingIdentity } from '../posting-identity.js';
import { ownBoardPageDraft } from './json-ld.js';
import type { ParseContext, PostingDraft, Provider } from './types.js';

const JOIN_HOSTS = new Set(['join.com', 'www.join.com']);
const COMPANY = /^[a-z0-9][a-z0-9-]*$/i;
/** `{id}-{title-slug}` (the link JOIN shares) or a bare `{id}`. */
const JOB_SEGMENT = /^(\d+)(-[a-z0-9-]*)?$/i;
const LOCALE = /^[a-z]{2}(?:-[a-z]{2})?$/i;

/**
 * JOIN (join.com): job pages `https://join.com/companies/{company}/{id}-{title-slug}` (a locale
 * prefix and `/apply` are dropped). The canonical URL keeps the title slug as written (lower-cased):
 * it is the form JOIN links to, and the job id is the identity. Pages are server-rendered and carry
 * a JSON-LD JobPosting, which is read here as the employer's own data.
 *
 * No public per-job JSON endpoint is documented by JOIN (the company job list needs a numeric
 * company id only present in the page), so there is no API request.
 * @see https://join.com/
 */
export const joinProvider: Provider = {
  id: 'join',
  identify(url: URL): PostingIdentity | null {
    if (!JOIN_HOSTS.has(url.hostname.toLowerCase())) return null;
    let segs = url.pathname.split('/').filter(Boolean);
    if (segs[0] && LOCALE.test(segs[0]) && segs[1] === 'companies') segs = segs.slice(1);
    const [companies, company, job] = segs;
    if (companies !== 'companies' || !company || !COMPANY.test(company) || !job) return null;
    const match = JOB_SEGMENT.exec(job);
    if (!match?.[1]) return null;
    const tenant = company.toLowerCase();
    const jobSegment = `${match[1]}${(match[2] ?? '').toLowerCase()}`;
    return postingIdentity('join', tenant, match[1], `https://join.com/companies/${tenant}/${jobSegment}`);
  },
  apiRequest: () => null,
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    // JOIN hosts the employer's own ad.
    return ownBoardPageDraft(page, context, 'join', /^(?:www\.)?join\.com$/);
  },
};
