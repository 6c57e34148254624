import { z } from 'zod';

/** Where the data of a summary came from. */
export const postingSourceSchema = z.enum([
  'greenhouse',
  'lever',
  'ashby',
  'workable',
  'smartrecruiters',
  'recruitee',
  'workday',
  'linkedin',
  'bamboohr',
  'jazzhr',
  'breezy',
  'pinpoint',
  'rippling',
  'comeet',
  'dover',
  'wellfound',
  'indeed',
  'personio',
  'teamtailor',
  'join',
  'welcome-to-the-jungle',
  'icims',
  'jobvite',
  'taleo',
  'oracle-recruiting',
  'successfactors',
  'jsonld',
  'html',
]);
export type PostingSource = z.infer<typeof postingSourceSchema>;

export const workplaceTypeSchema = z.enum(['remote', 'hybrid', 'onsite']);
export type WorkplaceType = z.infer<typeof workplaceTypeSchema>;

export const salaryPeriodSchema = z.enum(['year', 'month', 'week', 'day', 'hour']);
export type SalaryPeriod = z.infer<typeof salaryPeriodSchema>;

export const salarySchema = z.object({
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** ISO 4217 code, e.g. USD, EUR. */
  currency: z.string().nullable(),
  period: salaryPeriodSchema.nullable(),
});
export type Salary = z.infer<typeof salarySchema>;

/**
 * The structured card of one job posting: the shape of the user's seed posting
 * (role; company · location · team; what you'd do; required / nice-to-have;
 * what it emphasised; other signals). `null` means the posting does not say.
 */
export const postingSummarySchema = z.object({
  url: z.string(),
  canonicalUrl: z.string(),
  source: postingSourceSchema,
  title: z.string().nullable(),
  company: z.string().nullable(),
  locations: z.array(z.string()),
  workplaceType: workplaceTypeSchema.nullable(),
  /** e.g. "full-time", "part-time", "contract", "internship", "temporary". */
  employmentType: z.string().nullable(),
  department: z.string().nullable(),
  /** e.g. "intern", "junior", "mid", "senior", "staff", "principal", "manager", "director", "executive". */
  seniority: z.string().nullable(),
  visaSponsorship: z.boolean().nullable(),
  salary: salarySchema.nullable(),
  minYearsExperience: z.number().nullable(),
  /** One or two sentences: what the role is. */
  summary: z.string().nullable(),
  responsibilities: z.array(z.string()),
  requirements: z.array(z.string()),
  niceToHave: z.array(z.string()),
  benefits: z.array(z.string()),
  emphasized: z.array(z.string()),
  signals: z.array(z.string()),
});
export type PostingSummary = z.infer<typeof postingSummarySchema>;

/**
 * The summary as rows written by any earlier version hold it: a field added since reads as "not
 * said" (null or an empty list), a source no longer known as the generic `html`. Only the URLs are
 * required: without them the row holds no summary at all.
 */
const storedSummarySchema = z.object({
  url: z.string(),
  canonicalUrl: z.string(),
  source: postingSourceSchema.catch('html'),
  title: z.string().nullable().catch(null),
  company: z.string().nullable().catch(null),
  locations: z.array(z.string()).catch([]),
  workplaceType: workplaceTypeSchema.nullable().catch(null),
  employmentType: z.string().nullable().catch(null),
  department: z.string().nullable().catch(null),
  seniority: z.string().nullable().catch(null),
  visaSponsorship: z.boolean().nullable().catch(null),
  salary: salarySchema.nullable().catch(null),
  minYearsExperience: z.number().nullable().catch(null),
  summary: z.string().nullable().catch(null),
  responsibilities: z.array(z.string()).catch([]),
  requirements: z.array(z.string()).catch([]),
  niceToHave: z.array(z.string()).catch([]),
  benefits: z.array(z.string()).catch([]),
  emphasized: z.array(z.string()).catch([]),
  signals: z.array(z.string()).catch([]),
}) satisfies z.ZodType<PostingSummary>;

const storedSummaries = new WeakMap<object, PostingSummary | null>();

/**
 * A posting's stored summary (the `Posting.summary` JSON column) read through its schema: the
 * summary, or null when the column is empty or holds something else. Each stored object is checked
 * once: rows are kept in recent-row caches and read on every card refresh.
 */
export function storedSummary(value: unknown): PostingSummary | null {
  if (typeof value !== 'object' || value === null) return null;
  const known = storedSummaries.get(value);
  if (known !== undefined) return known;
  const parsed = storedSummarySchema.safeParse(value);
  const summary = parsed.success ? parsed.data : null;
  storedSummaries.set(value, summary);
  return summary;
}
