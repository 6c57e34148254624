import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { normalizeWorkplace } from '../description/workplace.js';
import { type HtmlPage, isRecord } from '../html/page.js';
import { type PostingIdentity, postingIdentity } from '../posting-identity.js';
import { assignedValue, escapeHtmlText, formatAddress, pageIsOn, uniqueStrings } from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str } from './types.js';

/** Comeet's hosted pages live on comeet.com; older links and the API use comeet.co. */
const COMEET_HOST = /^(?:www\.)?comeet\.(?:com|co)$/;
/** Company and position UIDs: two hex digits, a dot, three hex digits ("F6.003", "18.767"). */
const UID = /^[0-9A-Fa-f]{2}\.[0-9A-Fa-f]{3}$/;
/** A position on one of several locations carries the location's UID too ("18.767-9B.20A"). */
const POSITION_UID = /^[0-9A-Fa-f]{2}\.[0-9A-Fa-f]{3}(?:-[0-9A-Fa-f]{2}\.[0-9A-Fa-f]{3})?$/;
const SLUG = /^[A-Za-z0-9._~%-]+$/;

const detailSchema = z
  .object({ name: z.unknown().optional(), value: z.unknown().optional(), order: z.unknown().optional() })
  .passthrough();

/** One position of the Careers API (`/positions`, `/positions/{uid}`) or of a hosted page's data. */
const positionSchema = z
  .object({
    uid: z.string(),
    name: z.string(),
    department: z.unknown().optional(),
    company_name: z.unknown().optional(),
    employment_type: z.unknown().optional(),
    experience_level: z.unknown().optional(),
    workplace_type: z.unknown().optional(),
    url_comeet_hosted_page: z.unknown().optional(),
    url_active_page: z.unknown().optional(),
    location: z
      .object({
        name: z.unknown().optional(),
        city: z.unknown().optional(),
        state: z.unknown().optional(),
        country: z.unknown().optional(),
        is_remote: z.unknown().optional(),
      })
      .passthrough()
      .nullish(),
    details: z.array(detailSchema).nullish(),
  })
  .passthrough();
type ComeetPosition = z.infer<typeof positionSchema>;

/** A Comeet record has a position UID and at least one of the fields only Comeet writes. */
function looksLikePosition(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    typeof value.uid === 'string' &&
    typeof value.name === 'string' &&
    ('url_comeet_hosted_page' in value || 'position_url' in value || 'url_recruit_hosted_page' in value)
  );
}

/** An empty rich-text value ("<p><br></p><p>&nbsp;</p>") says nothing. */
function hasText(html: string): boolean {
  return (
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;|&#160;|\s/g, '')
      .trim().length > 0
  );
}

function descriptionOf(details: ComeetPosition['details']): string[] {
  const ordered = [...(details ?? [])].slice(0, 50).sort((a, b) => {
    const x = typeof a.order === 'number' ? a.order : 0;
    const y = typeof b.order === 'number' ? b.order : 0;
    return x - y;
  });
  const html: string[] = [];
  for (const detail of ordered) {
    if (typeof detail.value !== 'string' || !hasText(detail.value)) continue;
    const heading = str(detail.name, 200);
    // Each detail is a named section ("Description", "Requirements"): the name is its heading.
    html.push(heading ? `<h3>${escapeHtmlText(heading)}</h3>${detail.value}` : detail.value);
  }
  return html;
}

function draftFromPosition(position: ComeetPosition, companySlug: string | null): PostingDraft {
  const draft = emptyDraft('comeet');
  draft.title = str(position.name);
  draft.company = str(position.company_name);
  draft.companySlug = companySlug;
  draft.url = str(position.url_comeet_hosted_page) ?? str(position.url_active_page);
  const location = position.location;
  if (location) {
    draft.locations = uniqueStrings([
      location.city || location.state
        ? formatAddress({
            addressLocality: location.city,
            addressRegion: location.state,
            addressCountry: location.country,
          })
        : (str(location.name, 200) ?? formatAddress({ addressCountry: location.country })),
    ]);
  }
  draft.workplaceType =
    normalizeWorkplace(position.workplace_type) ?? (location?.is_remote === true ? 'remote' : null);
  draft.employmentType = normalizeEmploymentType(position.employment_type);
  draft.department = str(position.department);
  draft.statedLevel = str(position.experience_level, 100);
  draft.descriptionHtml = descriptionOf(position.details);
  if (draft.descriptionHtml.length === 0) draft.limitation = 'no-description';
  return draft;
}

/** The wanted position among several: by the identity's UID, else the only one there is. */
function pickPosition(candidates: readonly unknown[], wanted: string | null): unknown {
  const positions = candidates.slice(0, 5000).filter(looksLikePosition);
  if (wanted) {
    const key = wanted.toUpperCase();
    return positions.find((p) => String(p.uid).toUpperCase() === key) ?? null;
  }
  // A company's whole list without a named position is a board, not a posting: never guess one.
  return positions.length === 1 ? positions[0] : null;
}

/** The company's URL name from a hosted page link ("/jobs/wiliot/F6.003/…" → "wiliot"). */
function companySlugOf(context: ParseContext): string | null {
  for (const link of [context.identity?.canonicalUrl, context.url]) {
    const m = link ? /^https?:\/\/(?:www\.)?comeet\.(?:com|co)\/jobs\/([^/?#]+)\//i.exec(link) : null;
    if (m?.[1]) return decode(m[1]);
  }
  return null;
}

function comeetIdentity(companyUid: string, positionUid: string, canonicalUrl: string): PostingIdentity {
  return postingIdentity('comeet', companyUid.toUpperCase(), positionUid.toUpperCase(), canonicalUrl);
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Comeet: hosted position pages `https://www.comeet.com/jobs/{company}/{companyUid}/{slug}/{positionUid}`
 * embed the company's positions as `COMPANY_POSITIONS_DATA = [...]` and the page's own as
 * `POSITION_DATA = {...}`; the Careers API (`/careers-api/2.0/company/{uid}/positions[/{uid}]`)
 * answers the same records but needs the company's token, which only the page carries. So a pasted
 * page is read from the page; a pasted API URL (token included) is asked directly.
 *
 * Identity: tenant = company UID, jobId = position UID (both upper-case). The page URL keeps the
 * company and position slugs as written (Comeet shows the page under them); the store matches
 * other spellings of one position by tenant and job id.
 * @see https://developers.comeet.com/reference/careers-api-overview
 */
export const comeetProvider: Provider = {
  id: 'comeet',
  identify(url: URL): PostingIdentity | null {
    if (!COMEET_HOST.test(url.hostname)) return null;
    const segs = url.pathname.split('/').filter(Boolean);
    if (segs[0] === 'jobs') {
      // /jobs/{company}/{companyUid}/{slug}/{positionUid}[/apply]
      const [, company, companyUid, slug, positionUid] = segs;
      if (!company || !SLUG.test(company) || !companyUid || !UID.test(companyUid)) return null;
      if (!slug || !SLUG.test(slug) || !positionUid || !POSITION_UID.test(positionUid)) return null;
      const companyName = decode(company)?.toLowerCase();
      const positionSlug = decode(slug)?.toLowerCase();
      if (!companyName || !positionSlug) return null;
      const canonical = `https://www.comeet.com/jobs/${encodeURIComponent(companyName)}/${companyUid.toUpperCase()}/${encodeURIComponent(positionSlug)}/${positionUid.toUpperCase()}`;
      return comeetIdentity(companyUid, positionUid, canonical);
    }
    // /careers-api/2.0/company/{companyUid}/positions/{positionUid}?token=…
    const [api, version, company, companyUid, positions, positionUid] = segs;
    if (api !== 'careers-api' || !version || company !== 'company' || positions !== 'positions') return null;
    if (!companyUid || !UID.test(companyUid) || !positionUid || !POSITION_UID.test(positionUid)) return null;
    const token = url.searchParams.get('token');
    // Without the token the API answers nothing, so it stays part of this URL.
    const query = token && /^[A-Za-z0-9]+$/.test(token) ? `?token=${token}` : '';
    return comeetIdentity(
      companyUid,
      positionUid,
      `https://www.comeet.co/careers-api/2.0/company/${companyUid.toUpperCase()}/positions/${positionUid.toUpperCase()}${query}`,
    );
  },
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'comeet') return null;
    // Only an API URL that carries its token can be asked; pages are read from the page itself.
    if (!/^https:\/\/www\.comeet\.co\/careers-api\/.*[?&]token=/.test(identity.canonicalUrl)) return null;
    return { url: identity.canonicalUrl, accept: 'application/json' };
  },
  parseJson(data: unknown, context: ParseContext): PostingDraft | null {
    const wanted = context.identity?.source === 'comeet' ? context.identity.jobId : null;
    const list = Array.isArray(data)
      ? data
      : isRecord(data) && Array.isArray(data.positions)
        ? data.positions
        : null;
    const candidate = list ? pickPosition(list, wanted) : looksLikePosition(data) ? data : null;
    if (!candidate) {
      if (list && wanted && list.some(looksLikePosition)) {
        // The company's list no longer has this position.
        const draft = emptyDraft('comeet');
        draft.unlisted = true;
        return draft;
      }
      return null;
    }
    const parsed = positionSchema.safeParse(candidate);
    return parsed.success ? draftFromPosition(parsed.data, companySlugOf(context)) : null;
  },
  parseHtml(page: HtmlPage, context: ParseContext): PostingDraft | null {
    if (context.identity?.source !== 'comeet' && !pageIsOn(page, context.url, COMEET_HOST)) {
      // A company's own careers page may embed Comeet's data too: read it only when it is there.
      if (!page.scripts.some((s) => s.text.includes('COMPANY_POSITIONS_DATA'))) return null;
    }
    const wanted = context.identity?.source === 'comeet' ? context.identity.jobId : null;
    const own = assignedValue(page.scripts, 'POSITION_DATA');
    const list = assignedValue(page.scripts, 'COMPANY_POSITIONS_DATA');
    const candidate = looksLikePosition(own) ? own : Array.isArray(list) ? pickPosition(list, wanted) : null;
    if (!candidate) return null;
    const parsed = positionSchema.safeParse(candidate);
    if (!parsed.success) return null;
    return draftFromPosition(parsed.data, companySlugOf(context));
  },
};
