import type { Section } from './sections.js';

/** Abbreviations a sentence does not end at: "J.P. Morgan", "e.g. Figma", "Acme Inc. and". */
const ABBREVIATION =
  /(?:\b\p{Lu}|\b(?:e\.g|i\.e|etc|inc|co|corp|ltd|st|dr|mr|ms|mrs|vs|approx|incl|z\.b|bzw|ca|sr|jr|no))\.$/iu;

/** Sentences of a paragraph, not split after initials or common abbreviations. */
function sentencesOf(text: string): string[] {
  const known = sentenceCache.get(text);
  if (known) return known;
  const sentences = splitSentences(text);
  // The summary's passes (role part, hiring sentence, role sentence…) read the same paragraphs.
  if (sentenceCache.size >= 2_000) sentenceCache.clear();
  sentenceCache.set(text, sentences);
  return sentences;
}

const sentenceCache = new Map<string, string[]>();

function splitSentences(text: string): string[] {
  const parts = text.split(/(?<=[.!?])\s+|\n+/);
  const out: string[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (last !== undefined && ABBREVIATION.test(last)) out[out.length - 1] = `${last} ${part}`;
    else out.push(part);
  }
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** The card's summary stays a short paragraph: whole sentences up to this many characters. */
const TARGET_CHARS = 320;
const MAX_CHARS = 400;
const MIN_PARAGRAPH_CHARS = 60;
const MIN_WORDS = 8;

/** A sentence that talks about the job itself, in the languages the card reads. */
const ROLE_CUE = new RegExp(
  [
    String.raw`\b(?:you will|you['’]ll|you would|we['’]re looking for|we are looking for|we['’]re seeking|we are seeking|is seeking|is looking for|are hiring|is hiring|are searching for|this role|in this role|this position|the role|as (?:a|an|our) [^,]{3,80}, you\b|responsible for|join (?:our|the) [^.]{0,60}team as)`,
    // de · fr · es · pt · nl · it
    String.raw`\b(?:wir suchen|suchen wir|in dieser (?:rolle|position)|als [^,]{3,60} (?:wirst du|werden sie|bist du|sind sie)|deine aufgaben|ihre aufgaben)`,
    String.raw`\b(?:nous recherchons|nous cherchons|vous (?:serez|allez|aurez|rejoindrez)|tu (?:seras|vas)|au sein de|ce poste|le poste|votre mission|ta mission)`,
    String.raw`\b(?:buscamos|estamos buscando|estamos en búsqueda|procuramos|estamos procurando|esta posición|este puesto|nesta (?:posição|função|vaga)|serás responsable|você (?:será|vai))`,
    String.raw`\b(?:wij zoeken|we zoeken|zijn wij op zoek|zijn we op zoek|in deze (?:rol|functie)|als [^,]{3,60} ga je|je gaat)`,
    String.raw`\b(?:cerchiamo|stiamo cercando|siamo alla ricerca|in questo ruolo|la risorsa|sarai responsabile|ti occuperai)`,
    // nb · sv · da
    String.raw`\b(?:vi søker|vi söker|vi søger|vi ser etter|vi leter etter|vi letar efter|vi leder efter|i (?:denne|denna|rollen|stillingen|tjänsten)|som [^,.]{3,60} (?:vil|skal|blir|får|kommer|bliver) du|du (?:vil|skal|kommer att|kommer til å|kommer til at) (?:jobbe|arbeide|arbeta|jobba|arbejde|få|være|vara|bli|blive|ha|ansvara))`,
  ].join('|'),
  'i',
);

/**
 * The sentences that name the job outright ("We're looking for a…", "As a Market Director…, you",
 * "In this role"); a plain "you will" can also sit in the company's pitch, so it ranks below.
 */
const STRONG_CUE = new RegExp(
  [
    String.raw`\b(?:we['’]re looking for|we are looking for|we['’]re seeking|we are seeking|is seeking|is looking for|are hiring|is hiring|are searching for|in this role|this role (?:is|will)|this is an? [^.]{0,60}\b(?:role|position)\b|as (?:a|an|our|the) [^,]{3,80}, you\b)`,
    String.raw`\b(?:wir suchen|suchen wir|in dieser (?:rolle|position)|nous recherchons|nous cherchons|buscamos|estamos buscando|procuramos|estamos procurando|wij zoeken|we zoeken|zijn (?:wij|we) op zoek|cerchiamo|stiamo cercando|siamo alla ricerca|vi søker|vi söker|vi søger|vi ser etter|vi leter etter|vi letar efter|vi leder efter|i (?:denne|denna) (?:rollen|stillingen|roll|tjänst|stilling)|som [^,.]{3,60} (?:vil|skal|blir|får|kommer|bliver) du)`,
  ].join('|'),
  'i',
);

/**
 * Sentences that say the employer is hiring: they outrank an "About the role" part's first paragraph.
 * "Vi ser etter deg som…" ("we look for you who…") describes the candidate, not the job.
 */
const HIRING_CUE =
  /\b(?:we['’]re looking for|we are looking for|we['’]re seeking|we are seeking|is seeking|is looking for|are hiring|is hiring|wir suchen|suchen wir|nous recherchons|nous cherchons|buscamos|estamos buscando|procuramos|estamos procurando|wij zoeken|we zoeken|zijn (?:wij|we) op zoek|cerchiamo|stiamo cercando|siamo alla ricerca)\b|\bvi (?:søker|söker|søger|ser etter|leter etter|letar efter|leder efter)\b(?! (?:deg|dig|dere|er|jer)\b)/i;

/**
 * "The Role: Flutterwave is seeking…", "Role Overview We are looking for…": a short label run into
 * the paragraph, with a colon, or a heading word in title case before the first sentence.
 */
const LEADING_LABEL =
  /^(?:(?:[\p{L}'’&/-]+\s){0,4}[\p{L}'’&/-]+:\s+(?=\p{Lu})|(?:\p{Lu}[\p{L}'’&-]*\s){0,3}(?:Overview|Role|Summary|Description|Position|Opportunity|Mission|About the (?:Role|Job|Position))\s+(?=(?:We|You|The|As|Our|In|This|Join|At|Are)\b))/u;

/** Headings of the part that describes the job ("About the role", "The opportunity", "Job summary"). */
const ROLE_HEADING =
  /\b(?:role|opportunity|position|job|summary|overview|mission|rolle|stelle|poste|puesto|vaga|função|functie|ruolo|rollen|stillingen|stilling|tjänsten|tjenesten|jobben|internship\w*|praktik\w*)\b/i;

/** "Company overview", "Our mission": about the employer, not the job. */
const NOT_ROLE_HEADING =
  /\b(?:company|organi[sz]ation|culture|who we are|our|us|unternehmen|entreprise|empresa|bedrijf|azienda)\b/i;

/** Paragraphs that are never the summary: equal-opportunity text, legal notes, how to apply. */
const BOILERPLATE =
  /\b(?:equal (?:employment )?opportunit|without regard to|protected (?:veteran|characteristic)|reasonable accommodation|e-?verify|privacy (?:notice|policy)|recruit(?:ment|ing) (?:agencies|fraud)|scam|apply now|click (?:here|apply)|cookies?\b|applicants? (?:must|will)|background check|(?:salary|pay) range|compensation|encourage you to apply|apply anyway|bewirb dich|jetzt bewerben|stelle frei|postulez|postula ya|candidate-se|solliciteer|candidati ora|not (?:designed|intended) to (?:cover|be)|comprehensive listing|(?:doesn['’]t|does not|don['’]t) (?:align|match|meet)|(?:every|all (?:of )?the) (?:single )?(?:qualification|requirement)s?)\b/i;

/** A testimonial ("“Our team is…” – Simona, Head of Design") speaks for someone, not for the role. */
const QUOTED = /^["“”„«‘']/;

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function substantive(paragraph: string): boolean {
  return (
    paragraph.length >= MIN_PARAGRAPH_CHARS &&
    words(paragraph) >= MIN_WORDS &&
    !paragraph.endsWith(':') &&
    !QUOTED.test(paragraph) &&
    !BOILERPLATE.test(paragraph)
  );
}

/** Whole sentences from the start, up to {@link TARGET_CHARS}; one long sentence is cut at a word. */
export function trimToSentences(text: string): string {
  const sentences = sentencesOf(text);
  let out = '';
  for (const sentence of sentences) {
    const next = out ? `${out} ${sentence}` : sentence;
    if (out && next.length > TARGET_CHARS) break;
    out = next;
    if (out.length >= TARGET_CHARS) break;
  }
  if (out.length <= MAX_CHARS) return out;
  const cut = out.slice(0, MAX_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > MAX_CHARS / 2 ? space : cut.length).replace(/[,;:\s]+$/, '')}…`;
}

/** The paragraph from its first sentence that talks about the role, or null when none does. */
function fromRoleSentence(
  paragraph: string,
  cue: RegExp = ROLE_CUE,
  title: RegExp | null = null,
): string | null {
  const sentences = sentencesOf(paragraph.replace(LEADING_LABEL, ''));
  const at = sentences.findIndex((s) => s.length >= 30 && (cue.test(s) || (title?.test(s) ?? false)));
  return at === -1 ? null : sentences.slice(at).join(' ');
}

/**
 * The title's opening words as a pattern ("Manager II, Machine Learning…" → /\bmanager ii\b/i): a
 * sentence that names the job is about the role, whatever its wording. Null for titles too short
 * to be told from ordinary words.
 */
function titlePattern(title: string | null): RegExp | null {
  const words = (title ?? '')
    .split(/[,(|–—/-]/)[0]
    ?.trim()
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w))
    .slice(0, 4);
  if (!words || words.length < 2) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  return new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'iu');
}

/**
 * "…and mentor fellow engineers:" introduces the list that follows: the sentences before it are the
 * paragraph's prose; a paragraph that is only such a lead-in has none.
 */
function withoutListLead(paragraph: string): string {
  if (!paragraph.trimEnd().endsWith(':')) return paragraph;
  const sentences = sentencesOf(paragraph);
  return sentences.length > 1 ? sentences.slice(0, -1).join(' ') : paragraph;
}

function withoutListLeads(sections: readonly Section[]): Section[] {
  return sections.map((s) => ({ ...s, paragraphs: s.paragraphs.map(withoutListLead) }));
}

/**
 * The company's pitch or a hook, not words about the role: a paragraph that opens with the
 * company's name, with "We"/"Our"/"At X,", or with a question ("Are you looking for the best place
 * to work?").
 */
function isPitch(paragraph: string, company: string | null): boolean {
  const first = sentencesOf(paragraph)[0] ?? '';
  if (/\?$/.test(first)) return true;
  if (
    /^(?:we|we['’]re|our|at [^,]{2,60},|wir|unser|nous|notre|somos|nuestr[oa]|nós|nossa|wij|onze|siamo|noi|la nostra)\b/i.test(
      first,
    )
  )
    return true;
  // "Confident powers analytical testing labs" for the company "Confident LIMS".
  const name = company?.split(/\s+/)[0]?.toLowerCase() ?? '';
  return name.length > 1 && first.toLowerCase().startsWith(name);
}

/** The first paragraph of the sections, from its first sentence that matches the cue. */
function firstWithCue(sections: readonly Section[], cue: RegExp, title: RegExp | null = null): string | null {
  for (const section of sections) {
    for (const paragraph of section.paragraphs) {
      // A short paragraph that names the job outright ("Borderlink is hiring Assistant Language
      // Teachers (ALTs)!") is still the posting's summary of it.
      const short =
        cue !== ROLE_CUE && paragraph.length >= 40 && cue.test(paragraph) && !BOILERPLATE.test(paragraph);
      if (!substantive(paragraph) && !short) continue;
      const role = fromRoleSentence(paragraph, cue, title);
      if (role) return role;
    }
  }
  return null;
}

/**
 * What the posting says about the role, in its own words: the first substantive paragraph of the
 * part that describes the job ("About the role"), else the first paragraph of the description that
 * talks about the role (from that sentence on). When none does and the posting lists what you'd do,
 * null (the list says it); otherwise the first substantive paragraph that is not benefits or
 * boilerplate, else the page's meta description (a leading capitalised heading dropped). Whole sentences, about 320 characters.
 * Null when the posting has no prose at all.
 */
export function roleSummary(
  allSections: readonly Section[],
  metaDescription: string | null,
  title: string | null = null,
  company: string | null = null,
): string | null {
  const sections = withoutListLeads(allSections);
  // Parts headed "Company description", "About us", "Our culture" speak for the company, not the role.
  const prose = sections.filter(
    (s) =>
      (s.kind === 'intro' || s.kind === 'about' || s.kind === 'responsibilities' || s.kind === 'other') &&
      !(s.heading !== null && NOT_ROLE_HEADING.test(s.heading) && !ROLE_HEADING.test(s.heading)),
  );
  const roleHeaded = prose.filter(
    (s) => s.heading !== null && ROLE_HEADING.test(s.heading) && !NOT_ROLE_HEADING.test(s.heading),
  );
  // A part headed "About the role" is about the role from its first paragraph on, unless a later
  // sentence names the job outright ("…we are looking for a Software Engineer").
  const chosen =
    firstWithCue(roleHeaded, HIRING_CUE) ??
    roleHeaded.flatMap((s) => s.paragraphs).find(substantive) ??
    firstWithCue(prose, STRONG_CUE, titlePattern(title)) ??
    firstWithCue(prose, ROLE_CUE);
  if (chosen) return trimToSentences(chosen.replace(LEADING_LABEL, ''));
  // Nothing speaks about the role: its bullets do, and the company's pitch would only repeat what
  // every posting of that company says. Without bullets, the first paragraph is all there is.
  const hasBullets = sections.some((s) => s.kind === 'responsibilities' && s.items.length > 0);
  if (hasBullets) return null;
  for (const section of prose) {
    if (section.kind === 'other') continue;
    const paragraph = section.paragraphs.find((p) => substantive(p) && !isPitch(p, company));
    if (paragraph) return trimToSentences(paragraph);
  }
  // Meta descriptions often begin with the page's first heading run into the text ("ABOUT THE ROLE As a…").
  const meta = metaDescription?.trim().replace(/^(?:[A-Z][A-Z'’&]+\s+){1,5}(?=[A-Z][a-z])/, '');
  return meta && words(meta) >= MIN_WORDS && !BOILERPLATE.test(meta) ? trimToSentences(meta) : null;
}

/**
 * The prose that describes the job itself, for signals and emphasis: paragraphs under a role
 * heading and, elsewhere, paragraphs from their first sentence about the role on. Company pitch,
 * benefits, equal-opportunity text and footers are left out.
 */
export function roleProse(allSections: readonly Section[]): string[] {
  const sections = withoutListLeads(allSections);
  const out: string[] = [];
  for (const section of sections) {
    if (section.kind === 'benefits' || section.kind === 'compensation') continue;
    const roleHeaded =
      section.kind === 'responsibilities' ||
      section.kind === 'requirements' ||
      section.kind === 'niceToHave' ||
      (section.heading !== null &&
        ROLE_HEADING.test(section.heading) &&
        !NOT_ROLE_HEADING.test(section.heading));
    for (const paragraph of section.paragraphs) {
      if (!substantive(paragraph)) continue;
      const text = roleHeaded ? paragraph : fromRoleSentence(paragraph);
      if (text) out.push(text);
    }
  }
  return out;
}

/** "join our Data Platform team", "The Interiors Sales Team is seeking": a capitalised team name. */
const TEAM_NAMED =
  /\b(?:join(?:ing)?|part of|member of|within|in) (?:the|our) ((?:\p{Lu}[\p{L}&+-]*\s){1,4})team\b|\b[Tt]he ((?:\p{Lu}[\p{L}&+-]*\s){1,4})[Tt]eam (?:is|will|at|works|builds|owns)\b/u;

/**
 * The team the posting names in its prose about the role ("You'll join our Data Platform team"),
 * without the company's own name in front. Only capitalised names: "join our growing team" names
 * nothing. Null when none is named.
 */
export function teamFromProse(paragraphs: readonly string[], company: string | null): string | null {
  for (const paragraph of paragraphs.slice(0, 20)) {
    const m = TEAM_NAMED.exec(paragraph.slice(0, 2000));
    let team = (m?.[1] ?? m?.[2])?.trim();
    if (!team) continue;
    if (company && team.toLowerCase().startsWith(`${company.toLowerCase()} `))
      team = team.slice(company.length).trim();
    if (team && team.toLowerCase() !== company?.toLowerCase()) return team;
  }
  return null;
}
