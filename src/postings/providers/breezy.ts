import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { extractSalary } from '../description/salary.js';
import { type HtmlPage, isRecord } from '../html/page.js';
import { postingIdentity } from '../posting-identity.js';
import { draftFromJobPosting, findJobPosting } from './json-ld.js';
import { formatAddress, hostOf, identifyOnSubdomain, pageIsOn, uniqueStrings } from './shared.js';
import {
  emptyDraft,
  type ParseContext,
  type PostingDraft,
  type Provider,
  str,
  unlistedDraft,
} from './types.js';

const HOST = /^([a-z0-9-]+)\.breezy\.hr$/;
const SERVICE_HOSTS = new Set(['www', 'app', 'api', 'help', 'developer', 'marketing', 'assets-cdn']);
/**
 * A position's id: the hex characters before the title slug — twelve on most boards
 * ("088ac6d52139-open-position"), fourteen on others ("017c1e8fe5bb01-physician-ob-gyn-…", a real
 * DrHouse position page in `test/fixtures/postings/breezy`).
 */
const POSITION = /^([0-9a-f]{10,24})(?:-|$)/i;

const placeSchema = z
  .object({
    name: z.unknown().optional(),
    city: z.unknown().optional(),
    state: z.unknown().optional(),
    country: z.unknown().optional(),
    is_remote: z.unknown().optional(),
  })
  .passthrough();

/** One position of the board's public `/json` list (no description). */
const positionSchema = z
  .object({
    id: z.string(),
    friendly_id: z.unknown().optional(),
    name: z.string(),
    url: z.unknown().optional(),
    type: z.object({ id: z.unknown().optional(), name: z.unknown().optional() }).passthrough().nullish(),
    location: placeSchema.nullish(),
    locations: z.array(placeSchema).nullish(),
    department: z.unknown().optional(),
    salary: z.unknown().optional(),
    company: z.object({ name: z.unknown().optional() }).passthrough().nullish(),
  })
  .passthrough();
type Position = z.infer<typeof positionSchema>;

function nameOf(value: unknown): unknown {
  return isRecord(value) ? value.name : value;
}

/** The board's own label ("New York, NY") first: it is what the careers page shows. */
function placeOf(place: z.infer<typeof placeSchema>): string | null {
  return (
    str(place.name) ??
    formatAddress({
      addressLocality: place.city,
      addressRegion: nameOf(place.state),
      addressCountry: nameOf(place.country),
    })
  );
}

function draftFromPosition(position: Position, company: string | null): PostingDraft {
  const draft = emptyDraft('breezy');
  draft.title = str(position.name);
  draft.company = str(position.company?.name);
  draft.companySlug = company;
  draft.url = str(position.url);
  const places = position.locations?.length
    ? position.locations
    : position.location
      ? [position.location]
      : [];
  draft.locations = uniqueStrings(places.map(placeOf));
  if (places.length > 0 && places.every((p) => p.is_remote === true)) draft.workplaceType = 'remote';
  draft.employmentType =
    normalizeEmploymentType(position.type?.id) ?? normalizeEmploymentType(position.type?.name);
  draft.department = str(position.department);
  const salary = str(position.salary, 200);
  draft.salary = salary ? extractSalary([salary]) : null;
  // The list carries no description: the position page has it.
  draft.limitation = 'no-description';
  return draft;
}

/**
 * Breezy HR: the position page (`https://{company}.breezy.hr/p/{id}-{slug}`) is server-rendered with
 * a schema.org JobPosting carrying the whole description, so the page is the data path (no API
 * request: the board's public `/json` list has no descriptions). The list is read when given,
 * picking the position by id. Breezy documents neither: shapes as captured from live boards
 * (`test/fixtures/postings/breezy/SOURCE.md`).
 */
export const breezyProvider: Provider = {
  id: 'breezy',
  identify: identifyOnSubdomain(HOST, SERVICE_HOSTS, (company, [kind, slug]) => {
    const id = kind === 'p' && slug ? POSITION.exec(slug)?.[1]?.toLowerCase() : undefined;
    if (!id) return null;
    return postingIdentity('breezy', company, id, `https://${company}.breezy.hr/p/${id}`);
  }),
  apiRequest(): null {
    return null;
  },
  parseJson(data: unknown, context: ParseContext): PostingDraft | null {
    if (!Array.isArray(data)) return null;
    const positions = data
      .slice(0, 5000)
      .filter(
        (p): p is Record<string, unknown> =>
          isRecord(p) && typeof p.name === 'string' && typeof p.id === 'string' && 'friendly_id' in p,
      );
    if (positions.length === 0) return null;
    const identity = context.identity?.source === 'breezy' ? context.identity : null;
    const company = identity?.tenant ?? HOST.exec(hostOf(context.url) ?? '')?.[1] ?? null;
    const wanted = identity?.jobId ?? null;
    const match = wanted ? positions.find((p) => String(p.id).toLowerCase() === wanted) : positions[0];
    if (!match) return unlistedDraft('breezy', company);
    const parsed = positionSchema.safeParse(match);
    return parsed.success ? draftFromPosition(parsed.data, company) : null;
  },
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    if (context.identity?.source !== 'breezy' && !pageIsOn(page, context.url, /(?:^|\.)breezy\.hr$/))
      return null;
    const posting = findJobPosting(page.jsonLd);
    if (!posting) return null;
    const draft = { ...draftFromJobPosting(posting), source: 'breezy' as const };
    draft.companySlug =
      context.identity?.source === 'breezy'
        ? context.identity.tenant
        : (HOST.exec(hostOf(context.url) ?? '')?.[1] ?? null);
    // On its own board the JobPosting is the employer's data, not an aggregator's.
    draft.workplaceType = draft.thirdParty.workplaceType;
    draft.salary = draft.thirdParty.salary;
    return draft;
  },
};
