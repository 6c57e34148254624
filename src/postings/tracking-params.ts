/**
 * Query parameters that say how someone arrived at a page, never which page it is. Stripped from
 * every URL before it becomes an identity, so a link shared from a newsletter and the same link
 * from LinkedIn are one posting. Compared case-insensitively.
 */
const TRACKING_PARAMS: ReadonlySet<string> = new Set(
  [
    // ad / analytics click ids
    'gclid',
    'gclsrc',
    'dclid',
    'gbraid',
    'wbraid',
    'fbclid',
    'msclkid',
    'twclid',
    'ttclid',
    'li_fat_id',
    'igshid',
    'yclid',
    '_ga',
    '_gl',
    // mail and marketing automation
    'mc_cid',
    'mc_eid',
    '_hsenc',
    '_hsmi',
    'hsctatracking',
    'mkt_tok',
    'vero_id',
    'oly_enc_id',
    'oly_anon_id',
    // job boards' own source tags
    'gh_src',
    'lever-source',
    'lever-source[]',
    'lever-origin',
    'lever-via',
    'trid', // SmartRecruiters
    'ref',
    'referrer',
    'source',
    'src',
    'trk',
    'trkinfo',
    'refid',
    'trackingid',
    'lipi',
    'midtoken',
    'midsig',
    'ebp',
    'originalsubdomain',
    'original_referer',
  ].map((name) => name.toLowerCase()),
);

const TRACKING_PREFIXES: readonly string[] = ['utm_', 'pk_', 'mtm_', 'hsa_'];

/** True when a query parameter only records where the visitor came from. */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}
