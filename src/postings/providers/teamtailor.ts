import { z } from 'zod';
import type { HtmlPage } from '../html/page.js';
import type { PostingIdentity } from '../posting-identity.js';
import type { WorkplaceType } from '../posting-summary.js';
import { ownBoardPageDraft } from './json-ld.js';
import { formatAddress, uniqueStrings } from './shared.js';
import { emptyDraft, type ParseContext, type PostingDraft, type Provider, str } from './types.js';
import { child, children, childText, parseXmlTree, type XmlElement } from './xml-tree.js';

/** `{company}.teamtailor.com`, and `{company}.na.teamtailor.com` for accounts hosted in North America. */
const TEAMTAILOR_HOST = /^([a-z0-9][a-z0-9-]*)\.(?:na\.)?teamtailor\.com$/;
const SERVICE_HOSTS = new Set(['www', 'app', 'api', 'support', 'status', 'help', 'docs', 'partner']);
const LOCALE = /^[a-z]{2}(?:-[a-z]{2})?$/i;
/** `{id}-{title-slug}` or a bare `{id}`. */
const JOB_SEGMENT = /^(\d+)(?:-[^/]*)?$/;

/** The job id in a `/jobs/{id}-{slug}` path (Teamtailor's shape, also on custom career domains). */
function jobIdFromPath(url: string): string | null {
  return /\/jobs\/(\d+)(?:-[^/?#]*)?(?:[/?#]|$)/.exec(url)?.[1] ?? null;
}

/** RSS `remoteStatus`: `none` (on site), `hybrid`, `fully` (remote); `temporary` remote says nothing lasting. */
function workplaceOf(status: string | null): WorkplaceType | null {
  switch ((status ?? '').toLowerCase()) {
    case 'none':
      return 'onsite';
    case 'hybrid':
      return 'hybrid';
    case 'fully':
      return 'remote';
    default:
      return null;
  }
}

const itemSchema = z.object({
  title: z.string().min(1),
  link: z.string().nullable(),
  descriptionHtml: z.string().nullable(),
  remoteStatus: z.string().nullable(),
  department: z.string().nullable(),
  locations: z.array(z.string()),
});

function readItem(item: XmlElement): z.infer<typeof itemSchema> | null {
  const locations = children(child(item, 'tt:locations'), 'tt:location').map(
    (l) =>
      formatAddress({
        addressLocality: childText(l, 'tt:city'),
        addressCountry: childText(l, 'tt:country'),
      }) ?? str(childText(l, 'tt:name'), 200),
  );
  const parsed = itemSchema.safeParse({
    title: str(childText(item, 'title'), 500) ?? '',
    link: str(childText(item, 'link'), 2000),
    descriptionHtml: childText(item, 'description'),
    remoteStatus: str(childText(item, 'remoteStatus'), 50),
    department: str(childText(item, 'tt:department'), 200),
    locations: uniqueStrings(locations),
  });
  return parsed.success ? parsed.data : null;
}

/** A Teamtailor RSS feed: the `tt:` namespace or Teamtailor's own item fields. */
function isTeamtailorFeed(root: XmlElement): boolean {
  if (root.name.toLowerCase() !== 'rss') return false;
  if (Object.values(root.attribs).some((v) => /teamtailor\.com/i.test(v))) return true;
  const first = child(child(root, 'channel'), 'item');
  return first !== null && (child(first, 'tt:locations') !== null || child(first, 'remoteStatus') !== null);
}

/**
 * Teamtailor: hosted career sites (`https://{company}.teamtailor.com/jobs/{id}-{slug}`, or a
 * company's own domain). The job page carries the employer's own JSON-LD JobPosting, which is
 * read as first-party data. The public RSS feed (`/jobs.rss`: department, locations,
 * `remoteStatus`, the full description) is read when given; it is paged, so a job missing from
 * it proves nothing and the loader reads the page. The JSON:API needs a company key.
 * @see https://docs.teamtailor.com/
 */
export const teamtailorProvider: Provider = {
  id: 'teamtailor',
  identify(url: URL): PostingIdentity | null {
    const host = url.hostname.toLowerCase();
    const company = TEAMTAILOR_HOST.exec(host)?.[1];
    if (!company || SERVICE_HOSTS.has(company)) return null;
    let segs = url.pathname.split('/').filter(Boolean);
    if (segs[0] && LOCALE.test(segs[0]) && segs[1] === 'jobs') segs = segs.slice(1);
    // /jobs/{id}-{slug}, /jobs/{id}-{slug}/applications/new, /jobs/{id}-{slug}/apply
    const id = segs[0] === 'jobs' ? JOB_SEGMENT.exec(segs[1] ?? '')?.[1] : undefined;
    if (!id) return null;
    return { source: 'teamtailor', tenant: company, jobId: id, canonicalUrl: `https://${host}/jobs/${id}` };
  },
  apiRequest: () => null,
  parseXml(xml: string, context: ParseContext): PostingDraft | null {
    const root = parseXmlTree(xml);
    if (!root || !isTeamtailorFeed(root)) return null;
    const channel = child(root, 'channel');
    const items = children(channel, 'item').slice(0, 5000);
    const wanted =
      context.identity?.source === 'teamtailor' ? context.identity.jobId : jobIdFromPath(context.url);
    const match = wanted ? items.find((i) => jobIdFromPath(childText(i, 'link') ?? '') === wanted) : items[0];
    const item = match ? readItem(match) : null;
    if (!item) return null;
    const draft = emptyDraft('teamtailor');
    draft.title = item.title;
    draft.company = str(childText(channel, 'title'), 200);
    draft.companySlug = context.identity?.source === 'teamtailor' ? context.identity.tenant : null;
    draft.url = item.link;
    draft.locations = item.locations;
    draft.workplaceType = workplaceOf(item.remoteStatus);
    draft.department = item.department;
    if (item.descriptionHtml) draft.descriptionHtml = [item.descriptionHtml];
    else draft.limitation = 'no-description';
    return draft;
  },
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    // The career site is the employer's own.
    return ownBoardPageDraft(page, context, 'teamtailor', /(?:^|\.)teamtailor\.com$/);
  },
};
