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
