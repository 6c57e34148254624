/** Longest part of an item the markers look at (items are bullets, not paragraphs). */
const MAX_ITEM = 600;

/**
 * Words that make an item optional, wherever the item is listed: "… is a plus", "bonus points",
 * "preferred", "ideally", "would be an advantage", "is an asset", and the same in German, French,
 * Spanish, Portuguese, Dutch, Italian and the Scandinavian languages ("von Vorteil", "un plus",
 * "se valorará", "diferencial", "is een pré", "costituisce titolo preferenziale", "er en fordel",
 * "meriterande", "ønskelig"). "No excluyente" / "não eliminatório" (not a
 * knock-out criterion) is how Spanish and Portuguese postings say nice-to-have.
 */
const NICE =
  /\b(?:(?:is|are|be|as) )?an? (?:big |huge |strong |definite |real |major |great |nice |added |additional |extra )?(?:plus|bonus|advantage)\b(?!\s(?:sign|scheme|structure|plan|program|pool|payments?)\b)|\b(?:is|are|be|as|considered) an? (?:\w+ )?asset\b(?!\s(?:management|manager|class|allocation)\b)|\bbonus points?\b|\bbonus\s?[:!)]|^\W{0,3}bonus\b|\bpluses\b|\bnice[- ]to[- ]have\b|\b(?:good|great) to have\b|\bwould be (?:nice|great|ideal|helpful|beneficial)\b|\b(?:is|are|highly|strongly|also|be) preferred\b|\bpreferred\s?(?:[:)]|[.!]?\s*$)|\(preferred|^\W{0,3}preferred\b|\bdesirable\b|\b(?:is|are|highly|strongly) desired\b|\bdesired\s?(?:[:)]|[.!]?\s*$)|\badvantageous\b|\bconsidered an? (?:\w+ )?(?:plus|advantage)\b|\b(?:von vorteil|w[üu]nschenswert|vorteilhaft|gerne gesehen|pluspunkt|(?:ist|w[äa]re) (?:ein )?plus|ein plus)(?![\p{L}])|(?:^|\s)(?:(?:serait|est|sera|c['’]est) )?un (?:vrai |gros )?(?:plus|atout)(?![\p{L}])|\b(?:appr[ée]ci[ée]e?s?|souhait[ée]e?s?|souhaitable|appr[ée]ciable)(?![\p{L}])|\b(?:se valorar[áa]|valorables?|valorad[oa]s?|deseables?|(?:ser[áa]|es) un plus|no excluyente)(?![\p{L}])|\b(?:valor[áa]ve(?:l|is)|diferencia(?:l|is)|desej[áa]ve(?:l|is)|(?:ser[áa]|é) um (?:plus|diferencial)|n[ãa]o eliminat[óo]ri[oa])(?![\p{L}])|\b(?:(?:een )?pluspunt|een pr[ée]|is een plus|mooi meegenomen|wenselijk|gewenst|strekt tot aanbeveling|een voordeel)(?![\p{L}])|\b(?:gradit[oaie]|costituisce (?:titolo )?preferenziale|titolo preferenziale|preferibile)(?![\p{L}])|(?<![\p{L}])(?:(?:er|är|vil være|vore|være|vara|ses som|anses som|regnes som) (?:en|ett|et) (?:stor |klar |stort )?(?:fordel|fördel|plus|merit)|meriterande|merit?terende|[øö]nskelig|[öø]nskv[äa]rd(?:a|e|t)?|[øö]nskv[æa]rdig(?:e|t)?)(?![\p{L}])/iu;

/**
 * "Ideally" / "preferably" soften the whole bullet when they open it ("Ideally, you have led a
 * team", "Du hast idealerweise erste Erfahrung"); further in, they soften only a part ("3+ years as
 * a Product Manager ideally e-commerce focused", "1 year in a customer facing role, preferably in
 * eCommerce"), and the bullet is still a requirement.
 */
const SOFTENER =
  /^[^\p{L}]{0,3}(?:(?:you|du|sie|vous|tu|je|jij|usted|voc[êe]|tu) (?:\p{L}+ ){0,2}?)?(?:ideally|preferably|idealerweise|vorzugsweise|id[ée]alement|de pr[ée]f[ée]rence|idealmente|preferentemente|preferencialmente|bij voorkeur|preferibilmente|fortrinnsvis|f[öo]retr[äa]desvis|helst|ide(?:el|al)t sett)(?![\p{L}])/iu;

/** A negated marker says the opposite: "not a plus", "nicht von Vorteil" (rare, but not optional). */
const NICE_NEGATED =
  /\b(?:not|nicht|pas|no|não|niet|non)\s(?:(?:is|est|es|é|è|ist)\s)?(?:an? |un |een |ein )?(?:plus|bonus|advantage|asset|von vorteil|atout|diferencial|pluspunt|pr[ée])(?![\p{L}])/iu;

/**
 * Words that make an item a requirement. They outrank the nice markers: "Experience with X is
 * required; Y is a plus" stays required, since the clause that states the requirement comes first
 * in importance, and splitting one bullet into two is not safe in general.
 */
const REQUIRED =
  /\b(?:required|requirement|must|mandatory|essential|necessary|need to|needs to)\b|\b(?:erforderlich|zwingend|voraussetzung|unabdingbar|notwendig|musst|m[üu]ssen|pflicht)(?![\p{L}])|\b(?:obligatoire|indispensable|exig[ée]e?s?|requise?s?|imp[ée]ratif|imp[ée]rativement|n[ée]cessaire)(?![\p{L}])|\b(?:imprescindible|obligatori[oa]|excluyente|requerid[oa]s?|necesari[oa])(?![\p{L}])|\b(?:obrigat[óo]ri[oa]|imprescind[íi]vel|indispens[áa]vel|necess[áa]ri[oa]|exigid[oa]|eliminat[óo]ri[oa])(?![\p{L}])|\b(?:vereist|verplicht|noodzakelijk|een must|onmisbaar)(?![\p{L}])|\b(?:obbligatori[oa]|indispensabile|imprescindibile|richiest[oa]|necessari[oa])(?![\p{L}])|(?<![\p{L}])(?:et krav|ett krav|kreves|krävs|kræves|påkrevd|påkrævet|obligatorisk|nødvendig|nödvändig|et must|ett måste|må ha|måste ha)(?![\p{L}])/iu;

/**
 * A requirement word that is negated says the item is optional: "a degree is not required",
 * "nicht zwingend erforderlich", "pas obligatoire", "no excluyente", "não obrigatório", "ikke et krav".
 */
const REQUIRED_NEGATED =
  /\b(?:not|nor|no|never|nicht|kein[e]?|keine|pas|non|sin|n[ãa]o|niet|geen|ikke|ikkje|inte)\s(?:(?:\p{L}+)\s){0,2}?(?:required|a requirement|a must|mandatory|essential|necessary|erforderlich|zwingend|voraussetzung|notwendig|pflicht|muss|obligatoire|indispensable|exig[ée]e?s?|requise?s?|n[ée]cessaire|imprescindible|obligatori[oa]|excluyente|requerid[oa]|necesari[oa]|obrigat[óo]ri[oa]|imprescind[íi]vel|indispens[áa]vel|necess[áa]ri[oa]|exigid[oa]|eliminat[óo]ri[oa]|vereist|verplicht|noodzakelijk|obbligatori[oa]|indispensabile|richiest[oa]|necessari[oa]|krav|kreves|krävs|kræves|påkrevd|påkrævet|obligatorisk|nødvendig|nödvändig)(?![\p{L}])/giu;

/**
 * A parenthesis longer than one word is a side note: "Fluency in German (other languages are a plus)",
 * "BSc in CS (Master’s degree preferred)". A one-word "(preferred)" still qualifies the item.
 */
const SIDE_NOTE = /\((?:[^()\s]+\s)+[^()]*\)/gu;
/** "(no excluyente)", "(a big plus)", "(nice to have)": a parenthesis that is only the marker qualifies the item. */
function isMarkerOnly(note: string): boolean {
  const inner = note.slice(1, -1);
  const marker = NICE.exec(inner);
  if (!marker) return false;
  const rest = `${inner.slice(0, marker.index)} ${inner.slice(marker.index + marker[0].length)}`;
  return !/\p{L}{3,}/u.test(rest.replace(/\b(?:is|are|a|an|be|very|big|huge|real)\b/giu, ''));
}

/** The first sentence or ";"-clause: "7+ years in product. Bonus points if you were a PM" states a requirement first. */
const FIRST_CLAUSE_END = /;|[.!?]\s+(?=\p{Lu})/u;
/** Where a clause after a comma or dash begins. */
const CLAUSE_BREAK = /(?:,|\s[-–—])\s+/gu;
const CONJUNCTION = /^(?:or|and|&|nor|und|oder|sowie|et|ou|y|o|e|en|of|ed|als|as well as)\s/iu;

const LIST_WORD = /\s(?:or|and|&|nor|und|oder|sowie|et|ou|y|o|e|en|of|ed)\s/iu;

function words(text: string): number {
  return text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
}

/**
 * The part of a bullet whose optional or required status decides the bullet's: its first clause,
 * without side notes, and without a trailing clause that names something else as optional
 * ("Fluent in Polish and English, other languages are a big plus", "Fluent in Figma, bonus points
 * for prototyping tools", "Strong SQL, Python a plus"). A list ("A passion for interiors, design, or
 * collecting is a plus", "Kafka, Flink or Spark are a plus") is one clause.
 */
function leadingClause(item: string): string {
  const text = item.slice(0, MAX_ITEM).replace(SIDE_NOTE, (note) => (isMarkerOnly(note) ? note : ' '));
  const end = text.search(FIRST_CLAUSE_END);
  const lead = end > 0 ? text.slice(0, end) : text;
  const marker = NICE.exec(lead);
  if (!marker) return lead;
  let cut = -1;
  let after = -1;
  for (const m of lead.slice(0, marker.index).matchAll(CLAUSE_BREAK)) {
    cut = m.index;
    after = m.index + m[0].length;
  }
  if (cut < 0 || words(lead.slice(0, cut)) < 3) return lead;
  const segment = lead.slice(after, marker.index);
  // "FinTech, Payments or Commerce is a plus", "ASICs, PHY SOCs, AI/ML accelerators preferred": the
  // comma continues a list the marker closes.
  if (CONJUNCTION.test(segment) || LIST_WORD.test(segment) || lead.slice(0, cut).includes(',')) return lead;
  const before = words(segment);
  const following = words(lead.slice(marker.index + marker[0].length));
  return before >= 1 || following >= 2 ? lead.slice(0, cut) : lead;
}

/** Whether one requirement bullet is really a nice-to-have ("Kubernetes experience is a plus"). */
export function isNiceToHaveItem(item: string): boolean {
  const lower = item.slice(0, MAX_ITEM).toLowerCase();
  if (!NICE_HINT.test(lower) && !(NEGATION_HINT.test(lower) && REQUIRED_HINT.test(lower))) return false;
  const lead = leadingClause(item);
  const unnegated = lead.replace(REQUIRED_NEGATED, ' ');
  if (REQUIRED.test(unnegated)) return false;
  // "A degree is not required, …", "keine Voraussetzung": optional in so many words.
  if (unnegated !== lead) return true;
  return (NICE.test(lead) || SOFTENER.test(lead)) && !NICE_NEGATED.test(lead);
}

/**
 * Every marker, softener and negated requirement above needs one of these fragments (lower case):
 * a cheap test that spares most bullets the long multilingual patterns (measured: NICE alone was
 * about a tenth of extraction time when run on every requirement bullet).
 */
const NICE_HINT =
  /plus|bonus|advantag|asset|nice|good to|great to|would be|prefer|préf|desir|considered a|vorteil|wünsch|wunsch|gerne|atout|appréci|appreci|souhait|valor|deseab|excluy|diferenc|desej|eliminat|pluspunt|een pr|meegenomen|wensel|gewenst|aanbevel|voordeel|gradit|preferenz|preferib|fordel|fördel|merit|ønsk|önsk|ideal|idéal|ideel|företr|foretr|vorzugs|voorkeur|helst|fortrinn/;
/** A negated requirement ("not required", "keine Voraussetzung") needs both a negation and a requirement word. */
const NEGATION_HINT =
  /nicht|kein|niet|geen|ikke|ikkje|(?:^|[^a-z])(?:not|pas|non|sin|não|nao|inte|never|nor|no|ej)(?![a-z])/;
const REQUIRED_HINT =
  /requir|must|mandator|essential|necess|erforder|zwingend|voraussetz|notwendig|pflicht|obligat|indispens|exig|imprescind|requer|requis|excluyente|eliminat|vereist|verplicht|noodzak|richiest|krav|krev|kräv|kræv|muss|påkr|nødvend|nödvänd/;

/**
 * Splits the bullets listed under a requirements heading into those that are required and those
 * that the posting marks as optional, keeping their order.
 */
export function splitRequirements(items: readonly string[]): { required: string[]; niceToHave: string[] } {
  const required: string[] = [];
  const niceToHave: string[] = [];
  for (const item of items) (isNiceToHaveItem(item) ? niceToHave : required).push(item);
  return { required, niceToHave };
}
