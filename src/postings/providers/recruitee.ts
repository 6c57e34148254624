import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { isRecord } from '../html/page.js';
import type { PostingIdentity } from '../posting-identity.js';
import { formatAddress, statedSalary, uniqueStrings } from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str } from './types.js';

/** A Recruitee careers-site offer. */
const offerSchema = z
  .object({
    id: z.unknown().optional(),
    slug: z.unknown().optional(),
    title: z.string(),
    company_name: z.unknown().optional(),
    careers_url: z.unknown().optional(),
    description: z.string().nullish(),
    requirements: z.string().nullish(),
    location: z.unknown().optional(),
    city: z.unknown().optional(),
    state_name: z.unknown().optional(),
    country: z.unknown().optional(),
    locations: z
      .array(
        z.object({ city: z.unknown(), state: z.unknown(), country: z.unknown() }).partial().passthrough(),
      )
      .nullish(),
    remote: z.unknown().optional(),
    hybrid: z.unknown().optional(),
    on_site: z.unknown().optional(),
    employment_type_code: z.unknown().optional(),
    department: z.unknown().optional(),
    status: z.unknown().optional(),
    salary: z
      .object({ min: z.unknown(), max: z.unknown(), currency: z.unknown(), period: z.unknown() })
      .partial()
      .nullish(),
  })
  .passthrough();

/**
 * Recruitee: the public Careers Site API (`https://{company}.recruitee.com/api/offers/{slug}`
 * → `{ offer }`; the list `/api/offers` → `{ offers: [...] }`).
 * @see https://docs.recruitee.com/reference/intro-to-careers-site-api
 */
export const recruiteeProvider: Provider = {
  id: 'recruitee',
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'recruitee' || !identity.tenant || !identity.jobId) return null;
    return {
      url: `https://${encodeURIComponent(identity.tenant)}.recruitee.com/api/offers/${encodeURIComponent(identity.jobId)}`,
      accept: 'application/json',
    };
  },
  parseJson(data: unknown, context: ParseContext): PostingDraft | null {
    if (!isRecord(data)) return null;
    let candidate: unknown = data.offer;
    if (Array.isArray(data.offers)) {
      const wanted = context.identity?.jobId ?? null;
      const offers = data.offers.slice(0, 5000);
      candidate = wanted
        ? offers.find((o) => isRecord(o) && (o.slug === wanted || String(o.id) === wanted))
        : offers[0];
      if (!candidate) {
        if (offers.length === 0) return null;
        const draft = emptyDraft('recruitee');
        draft.unlisted = true;
        return draft;
      }
    }
    if (!isRecord(candidate)) return null;
    const parsed = offerSchema.safeParse(candidate);
    if (!parsed.success) return null;
    const o = parsed.data;
    const draft = emptyDraft('recruitee');
    draft.title = str(o.title);
    draft.company = str(o.company_name);
    draft.companySlug = context.identity?.tenant ?? null;
    draft.url = str(o.careers_url);
    draft.locations = uniqueStrings([
      ...(o.locations ?? []).map((l) =>
        formatAddress({ addressLocality: l.city, addressRegion: l.state, addressCountry: l.country }),
      ),
      o.locations?.length
        ? null
        : (str(o.location) ??
          formatAddress({ addressLocality: o.city, addressRegion: o.state_name, addressCountry: o.country })),
    ]);
    draft.workplaceType =
      o.remote === true ? 'remote' : o.hybrid === true ? 'hybrid' : o.on_site === true ? 'onsite' : null;
    draft.employmentType = normalizeEmploymentType(o.employment_type_code);
    draft.department = str(o.department);
    if (o.salary) {
      draft.salary = statedSalary(o.salary.min, o.salary.max, o.salary.currency, o.salary.period);
    }
    draft.descriptionHtml = [
      o.description,
      o.requirements && `<h3>Requirements</h3>${o.requirements}`,
    ].filter((h): h is string => typeof h === 'string' && h.length > 0);
    if (draft.descriptionHtml.length === 0) draft.limitation = 'no-description';
    draft.unlisted = o.status === 'closed' || o.status === 'archived';
    return draft;
  },
};
