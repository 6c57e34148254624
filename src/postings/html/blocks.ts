import {
  collapseWhitespace,
  HEADING_ELEMENTS,
  type HtmlElement,
  isRawTextElement,
  parseHtml,
} from './dom.js';

/**
 * A flat, structural view of a description: what the summariser reads.
 * - `heading`: h1-h6 (level 1-6), a paragraph that is entirely bold (level 7),
 *   or a short line ending with ':' (level 8, decided later by the summariser).
 * - `paragraph`: one line of prose (paragraphs are split at <br>).
 * - `item`: one list item; `depth` counts enclosing lists (1 = top level).
 */
export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string; strong: boolean }
  | { kind: 'item'; text: string; depth: number; label: boolean };

/** Elements that end a line of text. */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  ...HEADING_ELEMENTS,
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
  'br',
  'center',
  'menu',
  'caption',
]);
const STRONG_ELEMENTS = new Set(['strong', 'b']);
/**
 * Word processors' HTML (Word, Google Docs pasted into an ATS) sets bold as an inline style:
 * `<span style="font-weight: bold">`, `font-weight:700`. Read only when the attribute names a weight.
 */
const BOLD_STYLE = /font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)\b/i;
function setsBold(element: HtmlElement): boolean {
  if (STRONG_ELEMENTS.has(element.name)) return true;
  const style = element.attribs.style;
  return style?.includes('weight') === true && BOLD_STYLE.test(style);
}

/**
 * A typed bullet ("<p>● Maintain client records … state and federal health</p><p>regulations.</p>")
 * whose line was wrapped into the next paragraph: the previous line is this long and ends mid-sentence.
 */
const WRAPPED_LINE = 60;
const ENDS_SENTENCE = /[.!?:;。]$/;
const SKIP_ELEMENTS = new Set([
  'svg',
  'button',
  'select',
  'input',
  'img',
  'picture',
  'video',
  'audio',
  'canvas',
  'head',
]);
/** Upper bound on blocks per document: bounds the summariser's work on hostile input. */
const MAX_BLOCKS = 5000;
const MAX_LINE = 4000;

interface Segment {
  text: string;
  strong: boolean;
}

interface ItemContext {
  depth: number;
  /** The block emitted for this <li>, if any: later lines of the same item are appended to it. */
  block: Extract<Block, { kind: 'item' }> | null;
}

/** Converts a description's HTML (a fragment or a full element) into blocks, in one walk. */
export function htmlToBlocks(input: string | HtmlElement): Block[] {
  const root = typeof input === 'string' ? parseHtml(input) : input;
  const blocks: Block[] = [];
  let line: Segment[] = [];
  let listDepth = 0;
  let headingLevel = 0;
  let strongDepth = 0;
  const items: ItemContext[] = [];
  // The last block when it is a typed bullet, and the length of its last line: a plain paragraph
  // right after a wrapped one continues it.
  let typed: { block: Extract<Block, { kind: 'item' }>; lastLine: number } | null = null;

  const flush = (): void => {
    if (line.length === 0) return;
    const raw = line.map((s) => s.text).join('');
    const text = collapseWhitespace(raw).slice(0, MAX_LINE);
    let strongChars = 0;
    let allChars = 0;
    for (const segment of line) {
      const n = segment.text.replace(/[\s\u00a0:.,;\-–—]+/g, '').length;
      allChars += n;
      if (segment.strong) strongChars += n;
    }
    line = [];
    if (text.length === 0 || blocks.length >= MAX_BLOCKS) return;
    const item = items[items.length - 1];
    const glyph = headingLevel > 0 ? null : bulletGlyph(text);
    const strong = allChars > 0 && strongChars === allChars;
    const wrapped = typed;
    typed = null;
    if (
      wrapped &&
      headingLevel === 0 &&
      !glyph &&
      !strong &&
      !(item && item.depth === listDepth) &&
      wrapped.lastLine >= WRAPPED_LINE &&
      !ENDS_SENTENCE.test(wrapped.block.text)
    ) {
      wrapped.block.text = `${wrapped.block.text} ${text}`.slice(0, MAX_LINE);
      typed = { block: wrapped.block, lastLine: text.length };
      return;
    }
    if (headingLevel > 0) {
      blocks.push({ kind: 'heading', level: headingLevel, text });
    } else if (item && item.depth === listDepth) {
      if (item.block) item.block.text = `${item.block.text} ${text}`.slice(0, MAX_LINE);
      else {
        // "<li>• Python</li>": the list already says it is a bullet; drop the typed glyph.
        const itemText = glyph ? glyph.text : text;
        if (!itemText) return;
        item.block = { kind: 'item', text: itemText, depth: Math.max(item.depth, 1), label: false };
        blocks.push(item.block);
      }
    } else if (glyph) {
      // "<p>●&nbsp; Investigate data issues</p>", "• a<br>• b": a list typed as text.
      if (glyph.text) {
        const block: Extract<Block, { kind: 'item' }> = {
          kind: 'item',
          text: glyph.text,
          depth: listDepth + glyph.depth,
          label: false,
        };
        blocks.push(block);
        typed = { block, lastLine: glyph.text.length };
      }
    } else {
      blocks.push({ kind: 'paragraph', text, strong });
    }
  };

  const visit = (element: HtmlElement): void => {
    const name = element.name;
    if (isRawTextElement(name) || SKIP_ELEMENTS.has(name)) return;
    const isBlock = BLOCK_ELEMENTS.has(name);
    if (isBlock) flush();
    if (name === 'br' || name === 'hr') return;
    const heading = /^h[1-6]$/.test(name) ? Number(name[1]) : 0;
    const isList = name === 'ul' || name === 'ol';
    const isItem = name === 'li';
    const isStrong = setsBold(element);
    const savedHeading = headingLevel;
    if (heading > 0 && headingLevel === 0) headingLevel = heading;
    if (isList) listDepth += 1;
    if (isItem) items.push({ depth: listDepth, block: null });
    if (isStrong) strongDepth += 1;
    for (const child of element.children) {
      if (child.type === 'text') {
        if (child.data.length > 0)
          line.push({ text: child.data, strong: strongDepth > 0 || headingLevel > 0 });
      } else visit(child);
    }
    if (isBlock) flush();
    if (isStrong) strongDepth -= 1;
    if (isItem) items.pop();
    if (isList) listDepth -= 1;
    headingLevel = savedHeading;
  };

  visit(root);
  flush();
  markLabelItems(blocks);
  return blocks;
}

/**
 * A list item that only introduces a nested list ("Technical Skills" followed by sub-items)
 * is a label, not a bullet of its own.
 */
function markLabelItems(blocks: Block[]): void {
  for (let i = 0; i < blocks.length - 1; i += 1) {
    const block = blocks[i]!;
    const next = blocks[i + 1]!;
    if (block.kind !== 'item' || next.kind !== 'item' || next.depth <= block.depth) continue;
    const words = block.text.split(' ').length;
    if (block.text.endsWith(':') || (words <= 10 && !/[.!?]$/.test(block.text))) block.label = true;
  }
}

/**
 * A line typed as a bullet: at its very start, a bullet glyph ("●", "•", "▪", "◦", "✓", ...) or
 * a dash or asterisk followed by a space ("- ", "– ", "* "). Only the start of a line counts, so
 * "Python • SQL" or "full-time - remote" stay prose, and "-5%" or "*conditions apply" are no
 * bullets. "◦" and "○" are word processors' second-level glyphs: their items sit one level deeper.
 */
const BULLET_GLYPH = /^(?:(?<glyph>[•●▪▫■□◆◇►▸▹➢➤→✓✔‣⁃∙·◦○])\s*|(?<dash>[-–—*])\s+)/;

function bulletGlyph(line: string): { text: string; depth: number } | null {
  const m = BULLET_GLYPH.exec(line);
  if (!m) return null;
  const glyph = m.groups?.glyph;
  // "●Python" is a bullet; the middle dots also serve as separators and decimal points, so they
  // need the space ("· Python", not "·5").
  if ((glyph === '·' || glyph === '∙') && !/\s/.test(m[0])) return null;
  return { text: line.slice(m[0].length).trim(), depth: glyph === '◦' || glyph === '○' ? 2 : 1 };
}

/** Plain text of blocks, one block per line (bullets prefixed with "- "). */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks.map((b) => (b.kind === 'item' ? `- ${b.text}` : b.text)).join('\n');
}

/** Blocks from plain text: lines, with bullet glyphs ("-", "*", "•", "●", ...) or "1." prefixes read as bullets. */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const rawLine of text.slice(0, 2_000_000).split(/\r?\n/)) {
    if (blocks.length >= MAX_BLOCKS) break;
    const line = collapseWhitespace(rawLine).slice(0, MAX_LINE);
    if (!line) continue;
    const glyph = bulletGlyph(line);
    const numbered = glyph ? null : /^\d{1,2}[.)]\s+/.exec(line);
    if (glyph) {
      if (glyph.text) blocks.push({ kind: 'item', text: glyph.text, depth: glyph.depth, label: false });
    } else if (numbered)
      blocks.push({ kind: 'item', text: line.slice(numbered[0].length), depth: 1, label: false });
    else blocks.push({ kind: 'paragraph', text: line, strong: false });
  }
  return blocks;
}
