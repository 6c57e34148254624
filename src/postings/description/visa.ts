const MAX_TEXT = 200_000;
const NEGATIVE =
  /\b(?:unable to|not able to|cannot|can['’]?t|can ?not|do(?:es)? not|don['’]t|won['’]t|will not|not in a position to|no longer)\s(?:offer\s|provide\s)?(?:visa\s|immigration\s)?sponsor|\bno (?:visa |immigration )?sponsorship\b|\bsponsorship (?:is )?(?:not (?:available|offered|provided|possible)|unavailable)\b|\bwithout (?:the need for )?(?:current or future )?(?:visa |employer )?sponsorship\b|\bnot eligible for (?:visa )?sponsorship\b/i;
const POSITIVE =
  /\b(?:we|will|can|do|does|able to|happy to)\s(?:offer\s|provide\s)?(?:visa\s)?sponsor(?:ship)?\b|\bvisa sponsorship (?:is )?(?:available|offered|provided|possible)\b|\b(?:offers?|provides?|including) (?:visa|immigration) (?:sponsorship|support)\b|\bsponsor(?:s)? (?:work )?visas\b|\bvisa support\b/i;

/**
 * Visa sponsorship: false when the posting says it cannot sponsor ("unable to sponsor",
 * "without sponsorship"), true when it offers it ("we do sponsor visas"), null when it is silent.
 * Negation is checked first: "we cannot offer visa sponsorship" also contains "offer visa sponsorship".
 */
export function extractVisaSponsorship(text: string): boolean | null {
  const t = text.slice(0, MAX_TEXT);
  if (!/sponsor|visa/i.test(t)) return null;
  if (NEGATIVE.test(t)) return false;
  if (POSITIVE.test(t)) return true;
  return null;
}
