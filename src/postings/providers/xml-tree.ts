import { Parser } from 'htmlparser2';

/**
 * One element of a job feed (Personio's `/xml`, Teamtailor's `jobs.rss`): its name as written
 * (prefixes kept: `tt:location`), attributes, child elements and its own text (CDATA included,
 * entities decoded), in document order.
 */
export interface XmlElement {
  name: string;
  attribs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Feeds list every open job of a company; a few hundred positions, each a few dozen elements. */
const MAX_ELEMENTS = 100_000;
/** Feed nesting is shallow (root → position → jobDescriptions → jobDescription → value). */
const MAX_DEPTH = 32;
const MAX_TEXT_PER_ELEMENT = 1_000_000;

/**
 * Parses an XML document with htmlparser2 in XML mode (no new dependency, the same tokenizer the
 * HTML path uses) into a small bounded tree; null when there is no root element. Elements past
 * {@link MAX_DEPTH} are folded into their ancestor's text, and parsing stops after
 * {@link MAX_ELEMENTS}, so a hostile feed costs bounded time and memory. Never throws.
 */
export function parseXmlTree(xml: string): XmlElement | null {
  const root: XmlElement = { name: '#document', attribs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let count = 0;
  let suppressed = 0;
  let stopped = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (stopped) return;
        if (count >= MAX_ELEMENTS) {
          stopped = true;
          return;
        }
        if (stack.length > MAX_DEPTH) {
          suppressed += 1;
          return;
        }
        count += 1;
        const element: XmlElement = { name, attribs, children: [], text: '' };
        stack.at(-1)!.children.push(element);
        stack.push(element);
      },
      ontext(data) {
        if (stopped) return;
        const current = stack.at(-1)!;
        if (current.text.length < MAX_TEXT_PER_ELEMENT) current.text += data;
      },
      onclosetag() {
        if (stopped) return;
        if (suppressed > 0) {
          suppressed -= 1;
          return;
        }
        if (stack.length > 1) stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  try {
    parser.write(xml);
    parser.end();
  } catch {
    return null;
  }
  return root.children.find((c) => c.name !== '#document') ?? null;
}

/** The first child element of that name (case-insensitive), or null. */
export function child(element: XmlElement | null | undefined, name: string): XmlElement | null {
  if (!element) return null;
  const wanted = name.toLowerCase();
  return element.children.find((c) => c.name.toLowerCase() === wanted) ?? null;
}

/** Every child element of that name (case-insensitive). */
export function children(element: XmlElement | null | undefined, name: string): XmlElement[] {
  if (!element) return [];
  const wanted = name.toLowerCase();
  return element.children.filter((c) => c.name.toLowerCase() === wanted);
}

/** The trimmed text of a child element, or null when absent or blank. */
export function childText(element: XmlElement | null | undefined, name: string): string | null {
  const text = child(element, name)?.text.trim();
  return text ? text : null;
}
