import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { isRecord } from '../html/page.js';
import type { PostingIdentity } from '../posting-identity.js';
import { countryName, escapeHtmlText, uniqueStrings } from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str } from './types.js';

const labelled = z
  .object({ label: z.unknown().optional(), id: z.unknown().optional() })
  .passthrough()
  .nullish();
const sectionSchema = z
  .object({ title: z.unknown().optional(), text: z.unknown().optional() })
  .passthrough()
  .nullish();

/** SmartRecruiters Posting API posting details. */
const postingSchema = z
  .object({
    id: z.unknown(),
    name: z.string(),
    company: z
      .object({ identifier: z.unknown().optional(), name: z.unknown().optional() })
      .passthrough()
      .nullish(),
    location: z
      .object({
        city: z.unknown().optional(),
        region: z.unknown().optional(),
        country: z.unknown().optional(),
        remote: z.unknown().optional(),
        hybrid: z.unknown().optional(),
        fullLocation: z.unknown().optional(),
      })
      .passthrough()
      .nullish(),
    department: labelled,
    function: labelled,
    typeOfEmployment: labelled,
    experienceLevel: labelled,
    postingUrl: z.unknown().optional(),
    active: z.unknown().optional(),
    jobAd: z
      .object({
        sections: z
          .object({
            companyDescription: sectionSchema,
            jobDescription: sectionSchema,
            qualifications: sectionSchema,
            additionalInformation: sectionSchema,
          })
          .passthrough()
          .nullish(),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();

/** `fullLocation` leaves a blank segment where the region is missing ("Singapore, , Singapore"). */
function fullLocationOf(value: unknown): string | null {
  const text = str(value);
  if (!text) return null;
  return (
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .join(', ') || null
  );
}

/**
 * SmartRecruiters: the public Posting API (`/v1/companies/{company}/postings/{id}`), whose job ad
 * comes in titled sections (company description, job description, qualifications, additional information).
 * @see https://developers.smartrecruiters.com/docs/posting-api
 */
export const smartRecruitersProvider: Provider = {
  id: 'smartrecruiters',
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'smartrecruiters' || !identity.tenant || !identity.jobId) return null;
    return {
      url: `https://api.smartrecruiters.com/v1/companies/${encodeURIComponent(identity.tenant)}/postings/${encodeURIComponent(identity.jobId)}`,
      accept: 'application/json',
    };
  },
  parseJson(data: unknown, _context: ParseContext): PostingDraft | null {
    if (
      !isRecord(data) ||
      typeof data.name !== 'string' ||
      !('jobAd' in data || 'typeOfEmployment' in data || 'releasedDate' in data)
    )
      return null;
    const parsed = postingSchema.safeParse(data);
    if (!parsed.success) return null;
    const p = parsed.data;
    const draft = emptyDraft('smartrecruiters');
    draft.title = str(p.name);
    draft.company = str(p.company?.name);
    draft.companySlug = str(p.company?.identifier);
    draft.url = str(p.postingUrl);
    const loc = p.location;
    draft.locations = loc
      ? uniqueStrings([
          fullLocationOf(loc.fullLocation) ??
            [
              str(loc.city),
              str(loc.region),
              countryName(typeof loc.country === 'string' ? loc.country.toUpperCase() : null),
            ]
              .filter(Boolean)
              .join(', '),
        ])
      : [];
    // Both flags stated false is SmartRecruiters' on-site; a payload without `hybrid` says nothing.
    draft.workplaceType =
      loc?.remote === true
        ? 'remote'
        : loc?.hybrid === true
          ? 'hybrid'
          : loc?.remote === false && loc?.hybrid === false
            ? 'onsite'
            : null;
    draft.department = str(p.department?.label) ?? str(p.function?.label);
    draft.statedLevel = str(p.experienceLevel?.label) ?? str(p.experienceLevel?.id);
    draft.employmentType = normalizeEmploymentType(p.typeOfEmployment?.label ?? p.typeOfEmployment?.id);
    const sections = p.jobAd?.sections;
    const html: string[] = [];
    for (const section of [
      sections?.companyDescription,
      sections?.jobDescription,
      sections?.qualifications,
      sections?.additionalInformation,
    ]) {
      if (!section || typeof section.text !== 'string' || section.text.length === 0) continue;
      const title = str(section.title);
      html.push(`${title ? `<h3>${escapeHtmlText(title)}</h3>` : ''}${section.text}`);
    }
    draft.descriptionHtml = html;
    if (html.length === 0) draft.limitation = 'no-description';
    draft.unlisted = p.active === false;
    return draft;
  },
};
