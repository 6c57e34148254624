const MAX_WORDS = 5000;

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The company's own spelling of a board slug, found in the posting text ("openai" → "OpenAI",
 * "palantir" → "Palantir"); otherwise the slug title-cased ("bright-machines" → "Bright Machines").
 */
export function companyFromSlug(slug: string | null, texts: readonly string[]): string | null {
  if (!slug) return null;
  const target = squash(slug);
  if (!target) return null;
  const counts = new Map<string, number>();
  const raw = texts.join(' ');
  const words =
    raw
      .slice(0, 200_000)
      .match(/[A-Za-z0-9][A-Za-z0-9&.'’-]*/g)
      ?.slice(0, MAX_WORDS) ?? [];
  for (let i = 0; i < words.length; i += 1) {
    for (let n = 1; n <= 3 && i + n <= words.length; n += 1) {
      const phrase = words
        .slice(i, i + n)
        .join(' ')
        .replace(/['’]s$/, '')
        .replace(/[.,]$/, '');
      if (squash(phrase) !== target) continue;
      if (!/[A-Z]/.test(phrase)) continue;
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  // "cnpp", "ibm": a slug without vowels, or of three letters, is an acronym, not a word.
  const letters = slug.replace(/[^a-z]/gi, '');
  if (letters.length >= 2 && letters.length <= 6 && (!/[aeiouy]/i.test(letters) || letters.length <= 3))
    return slug.toUpperCase();
  return slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * "At J.P. Morgan Chase, we have…", "At Acme, our mission…", "Borderlink is hiring…": the employer as
 * the posting's opening names itself. Used only when no structured field, board slug or page names the company. Up to
 * five capitalised words; null when the opening sentence is not of that form.
 */
export function companyFromOpening(paragraphs: readonly string[]): string | null {
  for (const paragraph of paragraphs.slice(0, 12)) {
    const text = paragraph.trim();
    const m = /^At ((?:[\p{Lu}&][\p{L}\p{N}.&'’-]*\s?){1,5}),\s+(?:we|our|you|every|the)\b/u.exec(text);
    if (m?.[1]) return m[1].trim();
    // "Borderlink is hiring Assistant Language Teachers", "Acme Health is looking for a nurse".
    const hiring =
      /^((?:[\p{Lu}&][\p{L}\p{N}.&'’-]*\s){1,4})(?:is|are) (?:hiring|looking for|seeking|recruiting)\b/u.exec(
        text,
      );
    const name = hiring?.[1]?.trim();
    if (name && !/^(?:The|Our|This|We|Your|A|An)\b/.test(name)) return name;
  }
  return null;
}
