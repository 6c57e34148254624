import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { normalizeWorkplace } from '../description/workplace.js';
import { isRecord } from '../html/page.js';
import { type PostingIdentity, postingIdentity } from '../posting-identity.js';
import {
  formatAddress,
  hostOf,
  identifyOnSubdomain,
  statedSalary,
  titledJobs,
  uniqueStrings,
} from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str, unlistedDraft } from './types.js';

const HOST = /^([a-z0-9-]+)\.pinpointhq\.com$/;
const SERVICE_HOSTS = new Set(['www', 'api', 'app', 'help', 'support', 'developers', 'status']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGITS = /^\d+$/;
/** A locale path prefix ("en", "de", "en-GB"). */
const LOCALE = /^[a-z]{2}(?:[-_][A-Za-z]{2})?$/;

/** One posting of the public `postings.json` (`{ data: [...] }`). */
const postingSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    title: z.string(),
    url: z.unknown().optional(),
    path: z.unknown().optional(),
    description: z.string().nullish(),
    key_responsibilities: z.string().nullish(),
    skills_knowledge_expertise: z.string().nullish(),
    benefits: z.string().nullish(),
    compensation: z.unknown().optional(),
    compensation_minimum: z.unknown().optional(),
    compensation_maximum: z.unknown().optional(),
    compensation_currency: z.unknown().optional(),
    compensation_frequency: z.unknown().optional(),
    compensation_visible: z.unknown().optional(),
    employment_type: z.unknown().optional(),
    employment_type_text: z.unknown().optional(),
    workplace_type: z.unknown().optional(),
    workplace_type_text: z.unknown().optional(),
    job: z
      .object({
        id: z.unknown().optional(),
        department: z.object({ name: z.unknown().optional() }).passthrough().nullish(),
      })
      .passthrough()
      .nullish(),
    department: z.object({ name: z.unknown().optional() }).passthrough().nullish(),
    location: z
      .object({
        name: z.unknown().optional(),
        city: z.unknown().optional(),
        province: z.unknown().optional(),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();
type PinpointPosting = z.infer<typeof postingSchema>;

function canonical(company: string, jobId: string): PostingIdentity {
  const path = UUID.test(jobId) ? `en/postings/${jobId}` : `jobs/${jobId}`;
  return postingIdentity('pinpoint', company, jobId, `https://${company}.pinpointhq.com/${path}`);
}

/**
 * Pinpoint's types combine tenure and hours ("permanent_full_time", "fixed_term_part_time"): the
 * hours are what the card shows.
 */
function employmentOf(posting: PinpointPosting): string | null {
  for (const value of [posting.employment_type, posting.employment_type_text]) {
    const s = str(value, 100);
    if (!s) continue;
    const hours = s.replace(/^(?:permanent|fixed[\s_-]*term)[\s_-]*(?:-\s*)?/i, '');
    const type = normalizeEmploymentType(hours) ?? normalizeEmploymentType(s);
    if (type) return type;
  }
  return null;
}

/**
 * The description plus the three structured sections, each under the heading its field means (the
 * employer's own header, "A day in the life…", says nothing a reader of the card needs).
 */
function descriptionOf(posting: PinpointPosting): string[] {
  return [
    posting.description,
    posting.key_responsibilities && `<h3>Responsibilities</h3>${posting.key_responsibilities}`,
    posting.skills_knowledge_expertise && `<h3>Requirements</h3>${posting.skills_knowledge_expertise}`,
    posting.benefits && `<h3>Benefits</h3>${posting.benefits}`,
  ].filter((h): h is string => typeof h === 'string' && h.trim().length > 0);
}

function draftFromPosting(posting: PinpointPosting, company: string | null): PostingDraft {
  const draft = emptyDraft('pinpoint');
  draft.title = str(posting.title);
  draft.url = str(posting.url);
  const host = hostOf(draft.url);
  draft.companySlug = company ?? (host ? (HOST.exec(host)?.[1] ?? null) : null);
  const place = posting.location;
  draft.locations = uniqueStrings([
    str(place?.name) ?? formatAddress({ addressLocality: place?.city, addressRegion: place?.province }),
  ]);
  draft.workplaceType =
    normalizeWorkplace(posting.workplace_type) ?? normalizeWorkplace(posting.workplace_type_text);
  draft.employmentType = employmentOf(posting);
  draft.department = str(posting.job?.department?.name) ?? str(posting.department?.name);
  // The employer decides whether the range is shown; a hidden range is not stated.
  if (posting.compensation_visible !== false) {
    draft.salary = statedSalary(
      posting.compensation_minimum,
      posting.compensation_maximum,
      posting.compensation_currency,
      posting.compensation_frequency,
    );
  }
  draft.descriptionHtml = descriptionOf(posting);
  if (draft.descriptionHtml.length === 0) draft.limitation = 'no-description';
  return draft;
}

/** Whether a posting is the one the identity names: by the posting UUID in its URL or by an id. */
function isWanted(posting: Record<string, unknown>, jobId: string): boolean {
  const wanted = jobId.toLowerCase();
  const url = `${str(posting.url) ?? ''} ${str(posting.path) ?? ''}`.toLowerCase();
  if (UUID.test(wanted)) return url.includes(`/postings/${wanted}`);
  const job = isRecord(posting.job) ? posting.job : {};
  return String(posting.id) === wanted || String(job.id) === wanted;
}

/**
 * Pinpoint: the careers site's public `postings.json` (`{ data: [...] }`, every open posting with
 * its description, responsibilities, skills, benefits, workplace, employment type and compensation);
 * the posting is picked by its UUID, and a board without it means the posting is closed. Shapes
 * as captured from live boards (`test/fixtures/postings/pinpoint/SOURCE.md`).
 */
export const pinpointProvider: Provider = {
  id: 'pinpoint',
  identify: identifyOnSubdomain(HOST, SERVICE_HOSTS, (company, segs) => {
    const rest = segs[0] && LOCALE.test(segs[0]) && segs[0] !== 'jobs' ? segs.slice(1) : segs;
    const [kind, id] = rest;
    // /{locale}/postings/{uuid}, /postings/{uuid}, …/applications/new
    if (kind === 'postings' && id && UUID.test(id)) return canonical(company, id.toLowerCase());
    // /jobs/{id}: the job's numeric id
    if (kind === 'jobs' && id && DIGITS.test(id)) return canonical(company, id);
    return null;
  }),
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'pinpoint' || !identity.tenant || !identity.jobId) return null;
    return {
      url: `https://${encodeURIComponent(identity.tenant)}.pinpointhq.com/postings.json`,
      accept: 'application/json',
    };
  },
  parseJson(data: unknown, context: ParseContext): PostingDraft | null {
    if (!isRecord(data) || !Array.isArray(data.data)) return null;
    const postings = titledJobs(data.data, [
      'key_responsibilities',
      'workplace_type',
      'compensation_visible',
    ]);
    if (postings.length === 0) return null;
    const company = context.identity?.source === 'pinpoint' ? context.identity.tenant : null;
    const wanted = context.identity?.source === 'pinpoint' ? context.identity.jobId : null;
    const match = wanted ? postings.find((p) => isWanted(p, wanted)) : postings[0];
    if (!match) return unlistedDraft('pinpoint', company);
    const parsed = postingSchema.safeParse(match);
    return parsed.success ? draftFromPosting(parsed.data, company) : null;
  },
};
