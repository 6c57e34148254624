import { Parser } from 'htmlparser2';

/** An element of our small DOM. `parent` is null for the document root. */
export interface HtmlElement {
  type: 'element';
  name: string;
  attribs: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | null;
}

export interface HtmlText {
  type: 'text';
  data: string;
}

export type HtmlNode = HtmlElement | HtmlText;

/**
 * Deeper elements are flattened into their ancestor at this depth: real pages never nest
 * this deep, and a bounded depth keeps every recursive walk safe from stack overflows.
 */
export const MAX_DEPTH = 200;

/** Parsing stops once this many elements nested beyond MAX_DEPTH are pending: nothing readable lives there. */
/** The heading elements, h1 to h6. */
export const HEADING_ELEMENTS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

const MAX_SUPPRESSED = 2000;
const CHUNK = 16 * 1024;
/**
 * Real job pages have a few thousand elements (a 700 KB career page: ~1,400). Parsing stops well
 * beyond that, so a multi-megabyte page costs bounded time and memory.
 */
const MAX_ELEMENTS = 15_000;

const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'font',
]);

/** Elements whose content is not document text. */
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title', 'xmp', 'iframe']);

/**
 * Parses HTML into a small DOM in one htmlparser2 pass (entities decoded, tags lower-cased).
 * Never throws; depth is capped at {@link MAX_DEPTH}.
 */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { type: 'element', name: '#document', attribs: {}, children: [], parent: null };
  let current = root;
  let depth = 0;
  // Opens beyond MAX_DEPTH are not materialised; count them so their closes do not pop real elements.
  let suppressed = 0;
  let elements = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        elements += 1;
        if (depth >= MAX_DEPTH || elements > MAX_ELEMENTS) {
          suppressed += 1;
          return;
        }
        const element: HtmlElement = { type: 'element', name, attribs, children: [], parent: current };
        current.children.push(element);
        current = element;
        depth += 1;
      },
      ontext(data) {
        const last = current.children[current.children.length - 1];
        if (last && last.type === 'text') last.data += data;
        else current.children.push({ type: 'text', data });
      },
      onclosetag() {
        if (suppressed > 0) {
          suppressed -= 1;
          return;
        }
        if (current.parent) {
          current = current.parent;
          depth -= 1;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  try {
    // Fed in chunks so a pathologically nested document can be cut short: htmlparser2's own
    // open-element stack costs O(depth) per element, so unbounded nesting would be quadratic.
    for (let at = 0; at < html.length && suppressed < MAX_SUPPRESSED && elements <= MAX_ELEMENTS; at += CHUNK)
      parser.write(html.slice(at, at + CHUNK));
    parser.end();
  } catch {
    // htmlparser2 is forgiving; this only guards against the unexpected. Keep what was parsed.
  }
  return root;
}

/** Depth-first walk (iterative) calling `visit` on every element; return false to skip its children. */
export function walkElements(root: HtmlElement, visit: (element: HtmlElement) => boolean | undefined): void {
  const stack: HtmlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    if (node !== root && visit(node) === false) continue;
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
}

/** All elements matching the predicate, in document order. */
export function findAll(root: HtmlElement, predicate: (element: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = [];
  walkElements(root, (element) => {
    if (predicate(element)) found.push(element);
    return true;
  });
  return found;
}

/** The first element matching the predicate, in document order. */
export function findFirst(
  root: HtmlElement,
  predicate: (element: HtmlElement) => boolean,
): HtmlElement | null {
  let found: HtmlElement | null = null;
  walkElements(root, (element) => {
    if (found) return false;
    if (predicate(element)) {
      found = element;
      return false;
    }
    return true;
  });
  return found;
}

/** The raw text of an element (for scripts: the script source). */
export function rawText(element: HtmlElement): string {
  let out = '';
  const stack: HtmlNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') out += node.data;
    else for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
  return out;
}

/** Visible text of an element, whitespace collapsed; skips scripts, styles and similar. */
export function visibleText(element: HtmlElement): string {
  const parts: string[] = [];
  const stack: HtmlNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') parts.push(node.data);
    else if (node === element || !RAW_TEXT.has(node.name)) {
      // Block-level boundaries separate words ("<h3>Type</h3><span>Full-time</span>").
      if (!INLINE.has(node.name)) parts.push(' ');
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
    }
  }
  return collapseWhitespace(parts.join(''));
}

/** Collapses runs of whitespace (including NBSP) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/** Whether this element's name is one that carries no document text. */
export function isRawTextElement(name: string): boolean {
  return RAW_TEXT.has(name);
}

/** Class list contains the given class. */
export function hasClass(element: HtmlElement, className: string): boolean {
  const value = element.attribs.class;
  // Most elements lack the class altogether: a substring test before splitting (providers run
  // these checks over every element of pages that are not theirs).
  if (!value?.includes(className)) return false;
  return value.split(/\s+/).includes(className);
}
