import { HEADING_ELEMENTS, type HtmlElement, type HtmlNode, isRawTextElement } from '../html/dom.js';
import type { WorkplaceType } from '../posting-summary.js';
import { normalizeEmploymentType } from './employment-type.js';
import { normalizeWorkplace } from './workplace.js';

/**
 * Fields a page states as label/value pairs — `<dl><dt>Location</dt><dd>…`, "Standort: Berlin",
 * "Lieu : Paris", two-column tables — read when the page has no structured data. Values are as
 * written; the caller decides what wins.
 */
export interface LabelledFields {
  location: string | null;
  employmentType: string | null;
  /** The salary text as written ("€3.500 brutto/Monat"); the salary rules read it. */
  salary: string | null;
  department: string | null;
  workplaceType: WorkplaceType | null;
}

type Field = 'location' | 'employment' | 'salary' | 'department' | 'workplace' | 'workType';

// Label words per field, in English and the main European languages. Whole-label matches over short
// strings (≤ 60 characters) of fixed alternatives, so every test is linear and cheap.
function labelPattern(words: readonly string[]): RegExp {
  return new RegExp(`^(?:${words.join('|')})$`, 'i');
}

const LABELS: ReadonlyArray<readonly [Field, RegExp]> = [
  [
    'location',
    labelPattern([
      '(?:job |work |office |primary )?locations?',
      'location\\(s\\)',
      'place of work',
      'city',
      'standorte?',
      'arbeitsort',
      'einsatzort',
      'dienstort',
      'ort',
      'lieu(?: de travail)?',
      'localisation',
      'ville',
      'ubicaci[óo]n',
      'localizaci[óo]n',
      'lugar de trabajo',
      'localidade',
      'local de trabalho',
      'localiza[çc][ãa]o',
      'sede',
      'luogo di lavoro',
      'locatie',
      'standplaats',
      'werkplek',
      'lokalizacja',
      'miejsce pracy',
      'arbetsort',
      'placering',
      'sijainti',
    ]),
  ],
  [
    'employment',
    labelPattern([
      '(?:employment|job|contract|position) type',
      'type of (?:employment|contract|position)',
      'employment',
      'contract',
      'schedule',
      'working hours',
      'anstellungsart',
      'besch[äa]ftigungsart',
      'anstellung',
      'arbeitszeit',
      'vertragsart',
      'art der anstellung',
      'type de contrat',
      "type d['’]emploi",
      'contrat',
      'temps de travail',
      'tipo de contrato',
      'tipo de empleo',
      'jornada(?: laboral)?',
      'tipo de contrata[çc][ãa]o',
      'tipo di contratto',
      'orario',
      'dienstverband',
      'rodzaj umowy',
      'wymiar (?:etatu|pracy)',
      'anst[äa]llningsform',
      'omfattning',
      'ty[öo]suhde',
    ]),
  ],
  [
    'salary',
    labelPattern([
      '(?:base |annual )?(?:salary|pay|compensation|wage)(?: range)?',
      'gehalt',
      'verg[üu]tung',
      'lohn',
      'jahresgehalt',
      'gehaltsspanne',
      'salaire',
      'r[ée]mun[ée]ration',
      'salario',
      'sueldo',
      'remuneraci[óo]n',
      'sal[áa]rio',
      'remunera[çc][ãa]o',
      'stipendio',
      'retribuzione',
      'salaris',
      'wynagrodzenie',
      'l[öo]n',
    ]),
  ],
  [
    'department',
    labelPattern([
      'department',
      'team',
      'division',
      'function',
      'business unit',
      'job family',
      'job category',
      'category',
      'abteilung',
      'bereich',
      'fachbereich',
      'funktion',
      'd[ée]partement',
      '[ée]quipe',
      'm[ée]tier',
      'departamento',
      '[áa]rea',
      'equipo',
      'reparto',
      'funzione',
      'afdeling',
      'dzia[łl]',
      'avdelning',
    ]),
  ],
  [
    'workplace',
    labelPattern([
      'workplace(?: type)?',
      'work (?:model|arrangement|mode|setting|location type)',
      'remote(?: work)?',
      'location type',
      'arbeitsmodell',
      'home-?office',
      'mode de travail',
      't[ée]l[ée]travail',
      'modalidad(?: de trabajo)?',
      'modalidade',
      'modalit[àa] di lavoro',
      'werkmodel',
      'tryb pracy',
      'arbetss[äa]tt',
    ]),
  ],
  // SEEK and others write "Work type: Full time": the value says which field it is.
  ['workType', labelPattern(['work type', 'job type', 'type'])],
];

const MAX_LABEL = 60;
const MAX_VALUE = 200;
/** Elements looked at per page: above the parser's own element cap, so every real page is read whole. */
const MAX_VISITED = 20_000;
/** "Label: value" on one line (colon, optionally spaced as in French "Lieu : Paris"). */
const LABEL_LINE = /^([^:\n]{2,60}?)\s?:\s*(\S[^\n]{0,199})$/;

function fieldOf(label: string): Field | null {
  const l = label
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[:*]+$/, '')
    .trim();
  if (l.length < 2 || l.length > MAX_LABEL) return null;
  for (const [field, pattern] of LABELS) if (pattern.test(l)) return field;
  return null;
}

const EMPLOYMENT_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /\b(?:full[- ]?time|vollzeit|temps (?:plein|complet)|tiempo completo|jornada completa|tempo (?:integral|pieno)|pe[łl]ny etat|heltid|voltijd|kokoaikainen)\b/i,
    'full-time',
  ],
  [
    /\b(?:part[- ]?time|teilzeit|temps partiel|tiempo parcial|media jornada|meio per[íi]odo|meio expediente|part-time|tempo parziale|cz[ęe][śs][ćc] etatu|niepe[łl]ny etat|deltid|deeltijd|osa-aikainen)\b/i,
    'part-time',
  ],
  [
    /\b(?:intern(?:ship)?|praktikum|werkstudent(?:in)?|stage|stagiaire|alternance|pr[áa]cticas|becario|est[áa]gio|tirocinio|stage curriculare|sta[żz]|praktik)\b/i,
    'internship',
  ],
  [/\b(?:contract(?:or)?|freelance|freiberuflich|werkvertrag|ind[ée]pendant|aut[óo]nomo|b2b)\b/i, 'contract'],
  [
    /\b(?:temporary|temp|befristet|cdd|interim|int[ée]rim|temporal|tempor[áa]rio|tempo determinato|tijdelijk|umowa na czas okre[śs]lony|visstid)\b/i,
    'temporary',
  ],
];

/**
 * An employment type from a label's value, in the languages postings are written in ("Vollzeit",
 * "Temps plein", "Jornada completa", "Teilzeit", "CDD", "Praktikum"); null for values that say
 * nothing about hours or contract ("Festanstellung", "CDI", "Permanent").
 */
export function employmentTypeFromLabel(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 10)) {
      const n = employmentTypeFromLabel(v);
      if (n) return n;
    }
    return null;
  }
  const structured = normalizeEmploymentType(value);
  if (structured) return structured;
  if (typeof value !== 'string') return null;
  const v = value.slice(0, MAX_VALUE);
  for (const [pattern, type] of EMPLOYMENT_WORDS) if (pattern.test(v)) return type;
  return null;
}

/**
 * A workplace type from a label's value ("Hybrid", "Homeoffice", "Télétravail", "Presencial",
 * "Praca zdalna"); null when it names none.
 */
export function workplaceFromLabel(value: unknown): WorkplaceType | null {
  const structured = normalizeWorkplace(value);
  if (structured) return structured;
  if (typeof value !== 'string') return null;
  const v = value.slice(0, MAX_VALUE).toLowerCase();
  if (/\b(?:hybrid|hybride|h[íi]brido|ibrido|hybrydow|hybr)/.test(v)) return 'hybrid';
  if (
    /\b(?:remote|homeoffice|home office|mobiles arbeiten|t[ée]l[ée]travail|teletrabajo|remoto|teletrabalho|da remoto|thuiswerk|zdaln|distans|fully remote|100 ?% remote)/.test(
      v,
    )
  )
    return 'remote';
  if (
    /\b(?:on-?site|in office|vor ort|pr[äa]senz|sur site|pr[ée]sentiel|presencial|in sede|op kantoor|stacjonarn|p[åa] plats)/.test(
      v,
    )
  )
    return 'onsite';
  return null;
}

function emptyFields(): LabelledFields {
  return { location: null, employmentType: null, salary: null, department: null, workplaceType: null };
}

function cleanValue(value: string): string | null {
  const v = value
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s:–—-]+|[\s|•·,;]+$/g, '')
    .trim();
  return v.length > 0 && v.length <= MAX_VALUE ? v : null;
}

/** Files one label/value pair into the fields (the first value of each field wins). */
function assign(fields: LabelledFields, field: Field, rawValue: string): void {
  const value = cleanValue(rawValue);
  if (!value) return;
  switch (field) {
    case 'location':
      fields.location ??= value;
      break;
    case 'employment':
      fields.employmentType ??= employmentTypeFromLabel(value);
      fields.workplaceType ??= workplaceFromLabel(value);
      break;
    case 'salary':
      if (/\d/.test(value)) fields.salary ??= value;
      break;
    case 'department':
      fields.department ??= value.length <= 100 ? value : null;
      break;
    case 'workplace':
      fields.workplaceType ??= workplaceFromLabel(value);
      break;
    case 'workType':
      fields.employmentType ??= employmentTypeFromLabel(value);
      fields.workplaceType ??= workplaceFromLabel(value);
      break;
  }
}

/** A "Label: value" line, or null. */
function labelLine(text: string): { field: Field; value: string } | null {
  if (text.length > MAX_LABEL + MAX_VALUE + 3 || !text.includes(':')) return null;
  const m = LABEL_LINE.exec(text);
  if (!m) return null;
  const field = fieldOf(m[1] ?? '');
  return field ? { field, value: m[2] ?? '' } : null;
}

function elementChildren(element: HtmlElement): HtmlElement[] {
  return element.children.filter((c): c is HtmlElement => c.type === 'element');
}

const BLOCK = new Set([
  'div',
  'p',
  'li',
  'ul',
  'ol',
  'table',
  'section',
  'article',
  'dl',
  ...HEADING_ELEMENTS,
  'form',
  'header',
  'footer',
  'nav',
]);

/** An element holding only inline content (text, spans, strong...): a candidate "Label: value" line. */
function isInlineOnly(element: HtmlElement): boolean {
  return element.children.every((c) => c.type !== 'element' || !BLOCK.has(c.name));
}

const INLINE = new Set([
  'a',
  'b',
  'em',
  'i',
  'span',
  'strong',
  'small',
  'u',
  'time',
  'abbr',
  'font',
  'mark',
  'sup',
  'sub',
  'code',
]);
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'nav',
  'footer',
  'svg',
  'select',
  'form',
  'button',
]);
const MAX_TEXT = MAX_LABEL + MAX_VALUE + 3;

const WHITESPACE = /[\s\u00a0\u200b\ufeff]+/g;

/**
 * An element's visible text, whitespace collapsed, read only as far as `limit` characters: a
 * label/value pair is short, so no element's text is collected past that (linear overall, and a
 * long paragraph costs a few dozen characters, not its length). `complete` says whether it all fit.
 */
function textUpTo(element: HtmlElement, limit: number): { text: string; complete: boolean } {
  let out = '';
  let checkpoint = limit * 2 + 64;
  const stack: HtmlNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      out += node.data;
      if (out.length > checkpoint) {
        out = out.replace(WHITESPACE, ' ').trimStart();
        if (out.length > limit) return { text: out.slice(0, limit), complete: false };
        checkpoint = out.length + limit * 2 + 64;
      }
    } else if (node === element || !isRawTextElement(node.name)) {
      if (!INLINE.has(node.name)) out += ' ';
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
    }
  }
  const text = out.replace(WHITESPACE, ' ').trim();
  return text.length <= limit ? { text, complete: true } : { text: text.slice(0, limit), complete: false };
}

/** The whole short text of an element, or null when it is longer than any label/value pair. */
function shortText(element: HtmlElement): string | null {
  const { text, complete } = textUpTo(element, MAX_TEXT);
  return complete ? text : null;
}

/** The element's text when it is short enough to be a label ("Standort", "Type de contrat :"). */
function labelText(element: HtmlElement): string | null {
  const { text, complete } = textUpTo(element, MAX_LABEL + 1);
  return complete && text.length > 0 ? text : null;
}

/** "<span>Location</span><span>Berlin</span>": a label element, then its value element(s). */
function assignPair(fields: LabelledFields, label: HtmlElement, values: readonly HtmlElement[]): void {
  if (!isInlineOnly(label)) return;
  const text = labelText(label);
  if (!text || text.includes(': ')) return;
  const field = fieldOf(text);
  if (!field || !values.every(isInlineOnly)) return;
  const value = values.map(shortText).join(' ');
  if (value.length <= MAX_VALUE) assign(fields, field, value);
}

/**
 * Reads label/value pairs from a page's content: definition lists, two-column table rows (`th`/`td`
 * or a first cell that is a label), "Label: value" lines, and a short label element followed by its
 * value element. Linear: each element is visited once and no element's text is read past a label/value
 * pair's length ({@link shortText}).
 */
export function readLabelledFields(root: HtmlElement): LabelledFields {
  const fields = emptyFields();
  const stack: HtmlElement[] = [root];
  let visited = 0;
  while (stack.length > 0 && visited < MAX_VISITED) {
    const element = stack.pop()!;
    visited += 1;
    const name = element.name;
    if (SKIPPED.has(name)) continue;
    const kids = elementChildren(element);
    if (name === 'dl') {
      for (let i = 0; i < kids.length; i += 1) {
        const dt = kids[i]!;
        const dd = kids[i + 1];
        if (dt.name !== 'dt' || dd?.name !== 'dd') continue;
        const field = fieldOf(labelText(dt) ?? '');
        if (field) assign(fields, field, shortText(dd) ?? '');
      }
      continue;
    }
    if (name === 'tr') {
      const cells = kids.filter((k) => k.name === 'td' || k.name === 'th');
      if (cells.length === 2) {
        const field = fieldOf(labelText(cells[0]!) ?? '');
        if (field) {
          assign(fields, field, shortText(cells[1]!) ?? '');
          continue;
        }
      }
    }
    if (name !== 'ul' && name !== 'ol' && name !== 'table' && name !== 'tbody' && isInlineOnly(element)) {
      // A leaf line: "Standort: Berlin", "<strong>Lieu :</strong> Paris".
      if (element !== root && element.children.length > 0) {
        // The colon of "Label: value" comes within a label's length: most lines are ruled out there.
        const head = textUpTo(element, MAX_LABEL + 3).text;
        const line = head.includes(':') ? labelLine(shortText(element) ?? '') : null;
        if (line) assign(fields, line.field, line.value);
        else if (kids.length >= 2) assignPair(fields, kids[0]!, kids.slice(1));
      }
      continue;
    }
    // "<div>Location</div><div>Berlin</div>": a child whose whole text is a label, then its value.
    for (let i = 0; i + 1 < kids.length; i += 1) {
      const label = kids[i]!;
      if (!isInlineOnly(label) || SKIPPED.has(label.name)) continue;
      assignPair(fields, label, [kids[i + 1]!]);
    }
    for (let i = kids.length - 1; i >= 0; i -= 1) stack.push(kids[i]!);
  }
  return fields;
}

const TAG = /<[^>]{0,500}>/g;
const ENTITY = /&(?:amp|nbsp|quot|#39|#x27|apos|lt|gt);/g;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&nbsp;': ' ',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&apos;': "'",
  '&lt;': '<',
  '&gt;': '>',
};
const MAX_TEXT_HEAD = 4000;

/**
 * Label lines at the top of a description given as an HTML or text string ("Location: Remote (US /
 * Canada)", "Work Hours: Full-time"), as employers often open a posting. Reads only the first
 * {@link MAX_TEXT_HEAD} characters, without parsing the HTML (the summariser parses it once later).
 */
export function readLabelledLines(description: string): LabelledFields {
  const fields = emptyFields();
  const text = description
    .slice(0, MAX_TEXT_HEAD)
    .replace(TAG, '\n')
    .replace(ENTITY, (e) => ENTITIES[e] ?? e);
  let seen = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.length === 0) continue;
    seen += 1;
    if (seen > 40) break;
    const found = labelLine(line);
    if (found && found.field !== 'department') assign(fields, found.field, found.value);
  }
  return fields;
}
