/** Longest part of an item the markers look at (items are bullets, not paragraphs). */
const MAX_ITEM = 600;

/**
 * Words that make an item optional, wherever the item is listed: "… is a plus", "bonus points",
 * "preferred", "ideally", "would be an advantage", "is an asset", and the same in German, French,
 * Spanish, Portuguese, Dutch and Italian ("von Vorteil", "un plus", "se valorará", "diferencial",
 * "is een pré", "costituisce titolo preferenziale"). "No excluyente" / "não eliminatório" (not a
 * knock-out criterion) is how Spanish and Portuguese postings say nice-to-have.
 */
const NICE =
  /\b(?:(?:is|are|be|as) )?an? (?:big |huge |strong |definite |real |major |great |nice |added |additional |extra )?(?:plus|bonus|advantage)\b(?!\s(?:sign|scheme|structure|plan|program|pool|payments?)\b)|\b(?:is|are|be|as|considered) an? (?:\w+ )?asset\b(?!\s(?:management|manager|class|allocation)\b)|\bbonus points?\b|\bbonus\s?[:!)]|^\W{0,3}bonus\b|\bpluses\b|\bnice[- ]to[- ]have\b|\b(?:good|great) to have\b|\bwould be (?:nice|great|ideal|helpful|beneficial)\b|\b(?:is|are|highly|strongly|also|be) preferred\b|\bpreferred\s?(?:[:)]|$)|\(preferred|^\W{0,3}preferred\b|\bdesirable\b|\b(?:is|are|highly|strongly) desired\b|\bdesired\s?(?:[:)]|$)|\badvantageous\b|\bconsidered an? (?:\w+ )?(?:plus|advantage)\b|\b(?:von vorteil|w[üu]nschenswert|vorteilhaft|gerne gesehen|pluspunkt|(?:ist|w[äa]re) (?:ein )?plus|ein plus)(?![\p{L}])|(?:^|\s)(?:(?:serait|est|sera|c['’]est) )?un (?:vrai |gros )?(?:plus|atout)(?![\p{L}])|\b(?:appr[ée]ci[ée]e?s?|souhait[ée]e?s?|souhaitable|appr[ée]ciable)(?![\p{L}])|\b(?:se valorar[áa]|valorables?|valorad[oa]s?|deseables?|(?:ser[áa]|es) un plus|no excluyente)(?![\p{L}])|\b(?:valor[áa]ve(?:l|is)|diferencia(?:l|is)|desej[áa]ve(?:l|is)|(?:ser[áa]|é) um (?:plus|diferencial)|n[ãa]o eliminat[óo]ri[oa])(?![\p{L}])|\b(?:(?:een )?pluspunt|een pr[ée]|is een plus|mooi meegenomen|wenselijk|gewenst|strekt tot aanbeveling|een voordeel)(?![\p{L}])|\b(?:gradit[oaie]|costituisce (?:titolo )?preferenziale|titolo preferenziale|preferibile)(?![\p{L}])/iu;

/**
 * "Ideally" / "preferably" soften the whole bullet ("Ideally, you have led a team", "Du hast
 * idealerweise erste Erfahrung") but only a part of it when a place or domain follows ("3 years of
 * experience, ideally in SaaS", "preferably in eCommerce"): then the bullet is still a requirement.
 */
const SOFTENER =
  /(?:^|[^\p{L}])(?:ideally|preferably|idealerweise|vorzugsweise|id[ée]alement|de pr[ée]f[ée]rence|idealmente|preferentemente|preferencialmente|bij voorkeur|preferibilmente)(?![\p{L}])(?!,?\s(?:in|within|with|at|from|for|on|im|in der|mit|aus|bei|dans|en|chez|avec|sur|con|em|no|na|nos|nas|com|bij|met|nel|nella|nei|presso|su)\s)/iu;

/** A negated marker says the opposite: "not a plus", "nicht von Vorteil" (rare, but not optional). */
const NICE_NEGATED =
  /\b(?:not|nicht|pas|no|não|niet|non)\s(?:(?:is|est|es|é|è|ist)\s)?(?:an? |un |een |ein )?(?:plus|bonus|advantage|asset|von vorteil|atout|diferencial|pluspunt|pr[ée])(?![\p{L}])/iu;

/**
 * Words that make an item a requirement. They outrank the nice markers: "Experience with X is
 * required; Y is a plus" stays required, since the clause that states the requirement comes first
 * in importance, and splitting one bullet into two is not safe in general.
 */
const REQUIRED =
  /\b(?:required|requirement|must|mandatory|essential|necessary|need to|needs to)\b|\b(?:erforderlich|zwingend|voraussetzung|unabdingbar|notwendig|musst|m[üu]ssen|pflicht)(?![\p{L}])|\b(?:obligatoire|indispensable|exig[ée]e?s?|requise?s?|imp[ée]ratif|imp[ée]rativement|n[ée]cessaire)(?![\p{L}])|\b(?:imprescindible|obligatori[oa]|excluyente|requerid[oa]s?|necesari[oa])(?![\p{L}])|\b(?:obrigat[óo]ri[oa]|imprescind[íi]vel|indispens[áa]vel|necess[áa]ri[oa]|exigid[oa]|eliminat[óo]ri[oa])(?![\p{L}])|\b(?:vereist|verplicht|noodzakelijk|een must|onmisbaar)(?![\p{L}])|\b(?:obbligatori[oa]|indispensabile|imprescindibile|richiest[oa]|necessari[oa])(?![\p{L}])/iu;

/**
 * A requirement word that is negated says the item is optional: "a degree is not required",
 * "nicht zwingend erforderlich", "pas obligatoire", "no excluyente", "não obrigatório".
 */
const REQUIRED_NEGATED =
  /\b(?:not|nor|no|never|nicht|kein[e]?|keine|pas|non|sin|n[ãa]o|niet|geen)\s(?:(?:\p{L}+)\s){0,2}?(?:required|a requirement|a must|mandatory|essential|necessary|erforderlich|zwingend|voraussetzung|notwendig|pflicht|muss|obligatoire|indispensable|exig[ée]e?s?|requise?s?|n[ée]cessaire|imprescindible|obligatori[oa]|excluyente|requerid[oa]|necesari[oa]|obrigat[óo]ri[oa]|imprescind[íi]vel|indispens[áa]vel|necess[áa]ri[oa]|exigid[oa]|eliminat[óo]ri[oa]|vereist|verplicht|noodzakelijk|obbligatori[oa]|indispensabile|richiest[oa]|necessari[oa])(?![\p{L}])/giu;

/**
 * Where a bullet's first clause ends: at ";" or at ", bonus points / ideally / a plus …": "Fluency in
 * English is required; Italian is a strong plus" and "Fluent in Figma, bonus points for prototyping
 * tools" state a requirement first and are kept as requirements.
 */
const CLAUSE_END =
  /;|,\s(?:and |but |with )?(?=(?:bonus|ideally|preferably|plus\b|nice|extra|idealerweise|id[ée]alement|idealmente|de pr[ée]f[ée]rence|bij voorkeur|preferibilmente))/iu;

/** Whether one requirement bullet is really a nice-to-have ("Kubernetes experience is a plus"). */
export function isNiceToHaveItem(item: string): boolean {
  const text = item.slice(0, MAX_ITEM);
  const end = text.search(CLAUSE_END);
  const lead = end > 0 ? text.slice(0, end) : text;
  if (!(NICE.test(lead) || SOFTENER.test(lead)) || NICE_NEGATED.test(lead)) return false;
  return !REQUIRED.test(lead.replace(REQUIRED_NEGATED, ' '));
}

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
