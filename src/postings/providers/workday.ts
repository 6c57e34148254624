import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { normalizeWorkplace } from '../description/workplace.js';
import { isRecord } from '../html/page.js';
import type { PostingIdentity } from '../posting-identity.js';
import { uniqueStrings } from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str } from './types.js';

/** Workday candidate-experience (cxs) job response. Undocumented by Workday: best effort. */
const cxsSchema = z
  .object({
    jobPostingInfo: z
      .object({
        title: z.string(),
        jobDescription: z.string().nullish(),
        location: z.unknown().optional(),
        additionalLocations: z.array(z.unknown()).nullish(),
        timeType: z.unknown().optional(),
        remoteType: z.unknown().optional(),
        externalUrl: z.unknown().optional(),
        canApply: z.unknown().optional(),
        posted: z.unknown().optional(),
      })
      .passthrough(),
    hiringOrganization: z.object({ name: z.unknown().optional() }).passthrough().nullish(),
  })
  .passthrough();

/**
 * `hiringOrganization.name` is the tenant's legal entity, often led by its Workday company code
 * ("IL00 Mellanox Technologies, Ltd.", "072 PGIM Investments,LLC"): drop that code.
 */
function companyOf(value: unknown): string | null {
  const name = str(value);
  if (!name) return null;
  return name.replace(/^(?:[A-Z]{1,3}\d{2,4}|\d{3,5})\s+(?=\S)/, '');
}

/**
 * Workday: the JSON behind myworkdayjobs.com pages
 * (`https://{host}/wday/cxs/{tenant}/{site}/job/{path}` → `{ jobPostingInfo, hiringOrganization }`).
 */
export const workdayProvider: Provider = {
  id: 'workday',
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'workday' || !identity.tenant) return null;
    let url: URL;
    try {
      url = new URL(identity.canonicalUrl);
    } catch {
      return null;
    }
    const [tenant, site] = identity.tenant.split('/');
    const segments = url.pathname.split('/').filter(Boolean);
    const jobAt = segments.findIndex((s) => s === 'job' || s === 'details');
    if (!tenant || !site || jobAt < 0) return null;
    const rest = segments.slice(jobAt).join('/');
    return { url: `https://${url.host}/wday/cxs/${tenant}/${site}/${rest}`, accept: 'application/json' };
  },
  parseJson(data: unknown, context: ParseContext): PostingDraft | null {
    if (!isRecord(data) || !isRecord(data.jobPostingInfo)) return null;
    const parsed = cxsSchema.safeParse(data);
    if (!parsed.success) return null;
    const info = parsed.data.jobPostingInfo;
    const draft = emptyDraft('workday');
    draft.title = str(info.title);
    draft.company = companyOf(parsed.data.hiringOrganization?.name);
    draft.companySlug = context.identity?.tenant?.split('/')[0] ?? null;
    draft.url = str(info.externalUrl);
    draft.locations = uniqueStrings([
      str(info.location),
      ...(info.additionalLocations ?? []).map((l) => str(l)),
    ]);
    draft.employmentType = normalizeEmploymentType(info.timeType);
    draft.workplaceType = normalizeWorkplace(info.remoteType);
    if (info.jobDescription) draft.descriptionHtml = [info.jobDescription];
    else draft.limitation = 'no-description';
    draft.unlisted = info.canApply === false;
    return draft;
  },
};
