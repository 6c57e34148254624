/**
 * Level numerals a title-casing step spelt "Ii", "Iii", "Iv" ("Manager Ii"). Only those: "Vi" and "Xi"
 * are also names ("Xi'an").
 */
const TITLE_CASED_ROMAN = /\b(?:Iii?|Iv)\b/g;

/** A job title as the card shows it: level numerals back in capitals ("Manager Ii" → "Manager II"). */
export function tidyTitle(title: string | null): string | null {
  if (title === null) return null;
  return title.replace(TITLE_CASED_ROMAN, (numeral) => numeral.toUpperCase());
}
