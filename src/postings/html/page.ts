import { findAll, type HtmlElement, parseHtml, rawText, visibleText } from './dom.js';

/** A parsed HTML page: the DOM (parsed once) plus the metadata every provider reads. */
export interface HtmlPage {
  root: HtmlElement;
  /** `<meta name|property=... content=...>` (first wins), keys lower-cased; `value=` accepted too (Lever). */
  meta: Map<string, string>;
  /** `<title>` text. */
  title: string | null;
  /** Every JSON-LD object on the page, `@graph`s flattened. */
  jsonLd: Record<string, unknown>[];
  /** Every `<script>` without src: its type attribute and source. */
  scripts: Array<{ readonly type: string; readonly text: string }>;
  canonicalLink: string | null;
}

const MAX_JSON_LD = 2_000_000;

/** Parses a page once and collects its metadata. Never throws. */
export function readHtmlPage(html: string): HtmlPage {
  const root = parseHtml(html);
  const meta = new Map<string, string>();
  const scripts: HtmlPage['scripts'] = [];
  let title: string | null = null;
  let canonicalLink: string | null = null;
  for (const element of findAll(
    root,
    (e) => e.name === 'meta' || e.name === 'script' || e.name === 'title' || e.name === 'link',
  )) {
    if (element.name === 'meta') {
      const key = (
        element.attribs.property ??
        element.attribs.name ??
        element.attribs.itemprop ??
        ''
      ).toLowerCase();
      const content = element.attribs.content ?? element.attribs.value;
      if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
    } else if (element.name === 'script') {
      if (!element.attribs.src) {
        // Script text is materialised only when a provider asks for it (most are never read).
        let text: string | null = null;
        scripts.push({
          type: (element.attribs.type ?? '').trim().toLowerCase(),
          get text() {
            text ??= rawText(element);
            return text;
          },
        });
      }
    } else if (element.name === 'title') {
      if (title === null) title = visibleText(element) || null;
    } else if (element.name === 'link' && (element.attribs.rel ?? '').toLowerCase() === 'canonical') {
      canonicalLink ??= element.attribs.href ?? null;
    }
  }
  const jsonLd: Record<string, unknown>[] = [];
  for (const script of scripts) {
    // Some sites HTML-escape the "+" (`application/ld&#x2B;json`); the parser has decoded it by now.
    if (!/^application\/ld\+json/.test(script.type)) continue;
    if (script.text.length > MAX_JSON_LD) continue;
    collectJsonLd(parseJsonLd(script.text), jsonLd, 0);
  }
  return { root, meta, title, jsonLd, scripts, canonicalLink };
}

function collectJsonLd(value: unknown, out: Record<string, unknown>[], depth: number): void {
  if (depth > 4 || out.length > 50) return;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 50)) collectJsonLd(v, out, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  out.push(value);
  if (value['@graph'] !== undefined) collectJsonLd(value['@graph'], out, depth + 1);
  // A WebPage/ItemPage that wraps the posting: `{"@type":"WebPage","mainEntity":{"@type":"JobPosting"}}`.
  if (isRecord(value.mainEntity)) collectJsonLd(value.mainEntity, out, depth + 1);
}

const HTML_ENTITY = /&(?:quot|#34|#x22|amp|#38|lt|gt|apos|#39|#x27|nbsp);/g;
const HTML_ENTITIES: Record<string, string> = {
  '&quot;': '"',
  '&#34;': '"',
  '&#x22;': '"',
  '&amp;': '&',
  '&#38;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&apos;': "'",
  '&#39;': "'",
  '&#x27;': "'",
  '&nbsp;': ' ',
};
// Raw control characters (a literal newline or tab inside a string) make JSON.parse fail; as JSON
// whitespace outside strings they mean nothing, so a space keeps every value readable.
const CONTROL = /[\u0000-\u001f]/g;
const HAS_CONTROL = /[\u0000-\u001f]/;

const OPENERS = ['<!--', '//<![CDATA[', '<![CDATA['];
const CLOSERS = ['-->', '//]]>', ']]>'];

/** A script body without the `<!-- -->` / CDATA wrapper old templates put around it (string checks only). */
function unwrapScript(text: string): string {
  let out = text;
  const opener = OPENERS.find((o) => out.startsWith(o));
  if (opener) out = out.slice(opener.length).trimStart();
  const closer = CLOSERS.find((c) => out.endsWith(c));
  if (closer) out = out.slice(0, -closer.length).trimEnd();
  // "//<![CDATA[ … // ]]>": the comment slashes of the closing line are left behind.
  if (opener && out.endsWith('//')) out = out.slice(0, -2).trimEnd();
  return out;
}

/**
 * The JSON of one JSON-LD script as sites really write it: wrapped in `<!-- -->` or CDATA, with raw
 * newlines inside strings, HTML-escaped (`{&quot;@type&quot;:…}`), or encoded twice (a JSON string
 * whose content is the JSON). Undefined when none of these parses.
 */
export function parseJsonLd(raw: string): unknown {
  const text = unwrapScript(raw.trim());
  let parsed = safeJsonParse(text);
  if (parsed === undefined && HAS_CONTROL.test(text)) parsed = safeJsonParse(text.replace(CONTROL, ' '));
  if (parsed === undefined && /&(?:quot|#34|#x22);/.test(text)) {
    const decoded = text.replace(HTML_ENTITY, (e) => HTML_ENTITIES[e] ?? e);
    parsed = safeJsonParse(decoded) ?? safeJsonParse(decoded.replace(CONTROL, ' '));
  }
  // Encoded twice: the script holds a JSON string whose content is the JSON-LD.
  if (typeof parsed === 'string' && /^\s*[[{]/.test(parsed)) parsed = safeJsonParse(parsed);
  return parsed;
}

/** JSON.parse that returns undefined instead of throwing. */
export function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The JSON object assigned in an inline script (`window.__appData = {...};`), read with
 * JSON.parse on the balanced braces. Null when absent or not JSON.
 */
export function assignedJson(page: HtmlPage, variable: string): unknown {
  for (const script of page.scripts) {
    const at = script.text.indexOf(variable);
    if (at < 0) continue;
    const start = script.text.indexOf('{', at + variable.length);
    if (start < 0) continue;
    // Fast path: the assignment usually ends at the first "};" — JSON.parse tells if it really did.
    const quick = script.text.indexOf('};', start);
    if (quick > 0) {
      const parsed = safeJsonParse(script.text.slice(start, quick + 1));
      if (parsed !== undefined) return parsed;
    }
    const end = closingBracket(script.text, start);
    if (end < 0) continue;
    const parsed = safeJsonParse(script.text.slice(start, end + 1));
    if (parsed !== undefined) return parsed;
  }
  return null;
}

/**
 * Index of the bracket closing the `{` or `[` at `start`, honouring strings; -1 when unbalanced.
 * Counting `[` too finds the same end as counting braces alone whenever the slice is JSON.
 */
export function closingBracket(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth += 1;
    else if (c === 125 || c === 93) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}
