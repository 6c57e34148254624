import { z } from 'zod';
import { normalizeEmploymentType } from '../description/employment-type.js';
import { extractSalary } from '../description/salary.js';
import { normalizeWorkplace } from '../description/workplace.js';
import { isRecord } from '../html/page.js';
import { type PostingIdentity, postingIdentity } from '../posting-identity.js';
import type { WorkplaceType } from '../posting-summary.js';
import { formatAddress, identifyOnSubdomain, statedSalary, uniqueStrings } from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str, unlistedDraft } from './types.js';

const HOST = /^([a-z0-9-]+)\.bamboohr\.com$/;
/** Sub-domains of BambooHR itself, never a company's careers site. */
const SERVICE_HOSTS = new Set(['www', 'api', 'app', 'help', 'marketplace', 'partners', 'status']);
const DIGITS = /^\d+$/;

function canonical(company: string, jobId: string): PostingIdentity {
  return postingIdentity('bamboohr', company, jobId, `https://${company}.bamboohr.com/careers/${jobId}`);
}

const placeSchema = z
  .object({
    city: z.unknown().optional(),
    state: z.unknown().optional(),
    province: z.unknown().optional(),
    country: z.unknown().optional(),
    addressCountry: z.unknown().optional(),
  })
  .passthrough();

/** One job opening: the careers detail's `result.jobOpening`, or an entry of `/careers/list`. */
const openingSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    jobOpeningName: z.string(),
    jobOpeningShareUrl: z.unknown().optional(),
    jobOpeningStatus: z.unknown().optional(),
    departmentLabel: z.unknown().optional(),
    employmentStatusLabel: z.unknown().optional(),
    location: placeSchema.nullish(),
    atsLocation: placeSchema.nullish(),
    isRemote: z.unknown().optional(),
    locationType: z.unknown().optional(),
    description: z.string().nullish(),
    compensation: z.unknown().optional(),
    minimumExperience: z.unknown().optional(),
  })
  .passthrough();
type Opening = z.infer<typeof openingSchema>;

function placeOf(place: z.infer<typeof placeSchema> | null | undefined): string | null {
  if (!place) return null;
  return formatAddress({
    addressLocality: place.city,
    addressRegion: place.state ?? place.province,
    addressCountry: place.addressCountry ?? place.country,
  });
}

/**
 * `locationType` is a code on BambooHR's careers API ("0" on-site, "1" remote, "2" hybrid, the
 * values its careers page renders as badges); some accounts send the word instead.
 */
function workplaceOf(opening: Opening): WorkplaceType | null {
  const code = str(opening.locationType, 20);
  if (code === '0') return 'onsite';
  if (code === '1') return 'remote';
  if (code === '2') return 'hybrid';
  const named = normalizeWorkplace(code);
  if (named) return named;
  const remote = opening.isRemote;
  return remote === true || (typeof remote === 'string' && /^(?:yes|true|1)$/i.test(remote))
    ? 'remote'
    : null;
}

/** `compensation` is free text on most accounts ("£50,000–£60,000", "$30.00 -$70.00"), an object on some. */
function compensationOf(value: unknown): PostingDraft['salary'] {
  if (isRecord(value)) {
    return statedSalary(
      value.min ?? value.minimum,
      value.max ?? value.maximum,
      value.currency ?? value.currencyCode,
      value.payPer ?? value.frequency ?? value.period,
    );
  }
  const text = str(value, 300);
  return text ? extractSalary([text]) : null;
}

/**
 * BambooHR sub-domains are often the company's name plus a suffix ("flutterwavego" for
 * Flutterwave), which the slug-to-name rule cannot match. A capitalised word of the description that
 * spells most of the slug's start (at least 5 letters and 3/4 of it) is the company's spelling.
 */
function companyFromSlugStart(slug: string | null, html: string | null | undefined): string | null {
  if (!slug || !html) return null;
  const target = slug.toLowerCase().replace(/[^a-z0-9]/g, '');
  const counts = new Map<string, number>();
  const text = html.slice(0, 100_000).replace(/<[^>]{0,2000}>/g, ' ');
  for (const word of text.match(/\b[A-Z][A-Za-z0-9]{4,40}\b/g)?.slice(0, 5000) ?? []) {
    const squashed = word.toLowerCase();
    if (squashed.length < target.length * 0.75 || !target.startsWith(squashed)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function draftFromOpening(opening: Opening, company: string | null): PostingDraft {
  const draft = emptyDraft('bamboohr');
  draft.title = str(opening.jobOpeningName);
  draft.companySlug = company;
  draft.company = companyFromSlugStart(company, opening.description);
  draft.url = str(opening.jobOpeningShareUrl);
  draft.locations = uniqueStrings([placeOf(opening.location) ?? placeOf(opening.atsLocation)]);
  draft.workplaceType = workplaceOf(opening);
  draft.employmentType = normalizeEmploymentType(opening.employmentStatusLabel);
  draft.department = str(opening.departmentLabel);
  draft.statedLevel = str(opening.minimumExperience);
  draft.salary = compensationOf(opening.compensation);
  if (opening.description) draft.descriptionHtml = [opening.description];
  else draft.limitation = 'no-description';
  const status = str(opening.jobOpeningStatus, 50);
  draft.unlisted = status !== null && status.toLowerCase() !== 'open';
  return draft;
}

/**
 * BambooHR: a careers page is an empty app shell, so the card comes from the public careers
 * detail endpoint `https://{company}.bamboohr.com/careers/{id}/detail` (`{ result: { jobOpening } }`);
 * the list `/careers/list` (`{ result: [...] }`, no descriptions) is read too, picking the job by id.
 * BambooHR does not document these endpoints: the shapes are those of captured responses
 * (`test/fixtures/postings/bamboohr/SOURCE.md`).
 */
export const bambooHrProvider: Provider = {
  id: 'bamboohr',
  identify: identifyOnSubdomain(HOST, SERVICE_HOSTS, (company, [first, second, third], url) => {
    // /careers/{id}, /careers/{id}/detail, /careers/{id}/apply (the current careers site)
    if (first === 'careers' && second && DIGITS.test(second)) return canonical(company, second);
    // /hiring/jobs/{id} and /jobs/view.php?id={id} (older careers pages)
    if (first === 'hiring' && second === 'jobs' && third && DIGITS.test(third))
      return canonical(company, third);
    if (first === 'jobs' && (second === 'view.php' || second === undefined)) {
      const id = url.searchParams.get('id');
      if (id && DIGITS.test(id)) return canonical(company, id);
    }
    return null;
  }),
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'bamboohr' || !identity.tenant || !identity.jobId) return null;
    return {
      url: `https://${encodeURIComponent(identity.tenant)}.bamboohr.com/careers/${encodeURIComponent(identity.jobId)}/detail`,
      accept: 'application/json',
    };
  },
  parseJson(data: unknown, context: ParseContext): PostingDraft | null {
    if (!isRecord(data)) return null;
    const company = context.identity?.source === 'bamboohr' ? context.identity.tenant : null;
    const result = data.result;
    if (isRecord(result) && isRecord(result.jobOpening)) {
      const parsed = openingSchema.safeParse(result.jobOpening);
      return parsed.success ? draftFromOpening(parsed.data, company) : null;
    }
    if (!Array.isArray(result)) return null;
    const openings = result
      .slice(0, 5000)
      .filter((o) => isRecord(o) && typeof o.jobOpeningName === 'string' && 'id' in o);
    if (openings.length === 0) return null;
    const wanted = context.identity?.source === 'bamboohr' ? context.identity.jobId : null;
    const match = wanted ? openings.find((o) => isRecord(o) && String(o.id) === wanted) : openings[0];
    if (!match) return unlistedDraft('bamboohr', company);
    const parsed = openingSchema.safeParse(match);
    return parsed.success ? draftFromOpening(parsed.data, company) : null;
  },
};
