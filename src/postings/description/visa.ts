const MAX_TEXT = 200_000;
const NEGATIVE =
  /\b(?:unable to|not able to|cannot|can['’]?t|can ?not|do(?:es)? not|don['’]t|won['’]t|will not|not in a position to|no longer)\s(?:offer\s|provide\s)?(?:visa\s|immigration\s)?sponsor|\bno (?:visa |immigration )?sponsorship\b|\bsponsorship (?:is )?(?:not (?:available|offered|provided|possible)|unavailable)\b|\bwithout (?:the need for )?(?:current or future )?(?:visa |employer )?sponsorship\b|\bnot eligible for (?:visa )?sponsorship\b/i;
const POSITIVE =
  /\b(?:we|will|can|do|does|able to|happy to)\s(?:offer\s|provide\s)?(?:visa\s)?sponsor(?:ship)?\b|\bvisa sponsorship (?:is )?(?:available|offered|provided|possible)\b|\b(?:offers?|provides?|including) (?:visa|immigration) (?:sponsorship|support)\b|\bsponsor(?:s)? (?:work )?visas\b|\bvisa support\b/i;

// The same in German, French, Spanish, Portuguese, Dutch and Italian.
const FOREIGN_NEGATIVE =
  /\b(?:kein(?:e|en)?|nicht)\s(?:\p{L}+\s){0,3}?(?:visa|visum|arbeitserlaubnis)[- ]?(?:sponsor\p{L}*|unterst[üu]tzung|beantragung)|\b(?:pas de|aucun|ne (?:pouvons|peut) pas)\s(?:\p{L}+\s){0,3}?(?:parrainage|sponsor\p{L}*|visa)|\bno (?:ofrecemos|podemos|se ofrece)\s(?:\p{L}+\s){0,3}?(?:patrocinio|visado|visa)|\bn[ãa]o (?:oferecemos|podemos|[ée] poss[íi]vel)\s(?:\p{L}+\s){0,3}?(?:patroc[íi]nio|visto)|\b(?:geen|niet)\s(?:\p{L}+\s){0,3}?(?:visum|sponsor\p{L}*)|\bnon (?:offriamo|possiamo|[èe] prevista)\s(?:\p{L}+\s){0,3}?(?:sponsorizzazione|visto)/iu;
const FOREIGN_POSITIVE =
  /\b(?:visa|visum)[- ]?(?:sponsoring|sponsorship|unterst[üu]tzung)|\bunterst[üu]tzung (?:beim|bei der) (?:visum|visa|arbeitserlaubnis)|\bparrainage (?:de |du )?visa|\b(?:patrocinio|apoyo) (?:de|con) (?:la )?(?:visa|visado)|\bpatroc[íi]nio (?:de )?visto|\bvisumsponsoring|\bsponsorizzazione (?:del )?visto/iu;

/** Words each foreign offer of sponsorship contains (lower case). */
const FOREIGN_POSITIVE_WORDS = [
  'sponsoring',
  'sponsorship',
  'unterst',
  'parrainage',
  'patroc',
  'apoyo',
  'sponsorizz',
];

const FOREIGN_NEGATION_WORDS = [
  'kein',
  'nicht',
  'pas de',
  'aucun',
  'ne pouvons',
  'ne peut',
  'no ofrecemos',
  'no podemos',
  'no se ofrece',
  'não',
  'nao ',
  'geen',
  'niet',
  'non offriamo',
  'non possiamo',
  'non è',
  'non e ',
];

/**
 * Visa sponsorship: false when the posting says it cannot sponsor ("unable to sponsor",
 * "without sponsorship"), true when it offers it ("we do sponsor visas"), null when it is silent.
 * Negation is checked first: "we cannot offer visa sponsorship" also contains "offer visa sponsorship".
 */
export function extractVisaSponsorship(text: string): boolean | null {
  const t = text.slice(0, MAX_TEXT);
  if (!/sponsor|visa|visum|visto|visado|parrainage|patroc/i.test(t)) return null;
  if (NEGATIVE.test(t)) return false;
  // The foreign negations need a negation word of their language: English text spares the pattern.
  const lower = t.toLowerCase();
  if (FOREIGN_NEGATION_WORDS.some((word) => lower.includes(word)) && FOREIGN_NEGATIVE.test(t)) return false;
  if (POSITIVE.test(t)) return true;
  if (FOREIGN_POSITIVE_WORDS.some((word) => lower.includes(word)) && FOREIGN_POSITIVE.test(t)) return true;
  return null;
}
