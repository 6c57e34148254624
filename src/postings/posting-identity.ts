/**
 * Which job board a URL belongs to, independent of how it was written.
 * `other` is any site we have no provider for (JSON-LD / HTML fallback).
 */
export type IdentitySource =
  | 'greenhouse'
  | 'lever'
  | 'ashby'
  | 'workable'
  | 'smartrecruiters'
  | 'recruitee'
  | 'workday'
  | 'linkedin'
  | 'bamboohr'
  | 'jazzhr'
  | 'breezy'
  | 'pinpoint'
  | 'rippling'
  | 'comeet'
  | 'dover'
  | 'wellfound'
  | 'indeed'
  | 'personio'
  | 'teamtailor'
  | 'join'
  | 'welcome-to-the-jungle'
  | 'icims'
  | 'jobvite'
  | 'taleo'
  | 'oracle-recruiting'
  | 'successfactors'
  | 'other';

/** One job, however many URL variants point at it. */
export interface PostingIdentity {
  source: IdentitySource;
  /** Board / company token (greenhouse board, lever company, workday `tenant/site`...); null when unknown. */
  tenant: string | null;
  /** The board's job id; null when unknown (e.g. a career page without one). */
  jobId: string | null;
  /** The one URL every variant of this job maps to. */
  canonicalUrl: string;
}

/** An identity from its four parts, in the order the type lists them. */
export function postingIdentity(
  source: IdentitySource,
  tenant: string | null,
  jobId: string | null,
  canonicalUrl: string,
): PostingIdentity {
  return { source, tenant, jobId, canonicalUrl };
}
