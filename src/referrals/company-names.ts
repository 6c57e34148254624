/** Legal-form and filler words that do not distinguish one employer from another. */
const SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'l.l.c',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'bv',
  'nv',
  'plc',
  'pty',
  'srl',
  'spa',
  'oy',
  'ab',
  'as',
  'kk',
  'technologies',
  'technology',
  'labs',
  'holdings',
  'group',
  'platform',
]);

/**
 * The key a company is matched by, so "Pinterest, Inc.", "pinterest" and "PINTEREST Inc" are one
 * company: accents folded, punctuation dropped, trailing legal forms removed (never the whole name).
 * Non-Latin names keep their letters.
 */
export function normalizeCompanyName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Letters and digits of any script: "Яндекс" and "株式会社メルカリ" are names too.
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1] as string)) words.pop();
  return words.join(' ');
}

/** A tidy display form of what a person typed: trimmed, inner whitespace collapsed. */
export function displayCompanyName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').slice(0, 120);
}
