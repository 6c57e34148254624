/** How far into a page's text the department is looked for: it is named near the top, beside the role. */
const MAX_TEXT = 20_000;

/**
 * "Für die Abteilung Product Development in der Firmenzentrale suchen wir…", "in unserer Abteilung
 * Einkauf", "für den Bereich Forschung & Entwicklung": German postings name the department right
 * after the word, and German nouns are capitalised, so the name is the run of capitalised words that
 * follows (up to four), ending at the first lower-case word ("in", "suchen").
 */
const GERMAN_DEPARTMENT =
  /(?<![\p{L}])(?:[Ff][üu]r|[Ii]n|[Ii]m|[Zz]ur) (?:die|der|den|unsere|unserer|unseren) (?:Abteilung|Fachabteilung|Bereich|Fachbereich)\s((?:\p{Lu}[\p{L}+-]*)(?:\s(?:&|und|\p{Lu}[\p{L}+-]*)){0,3})/u;
/** "for our Product Development department", "in the Finance department": a capitalised name before the word. */
const ENGLISH_DEPARTMENT =
  /\b(?:[Ff]or|[Ii]n|[Jj]oin|[Ww]ithin|to) (?:our|the) ((?:\p{Lu}[\p{L}&+-]*\s){1,4})(?:[Dd]epartment|[Dd]ivision)\b(?! of)/u;

/** Joining words the German reading may end on ("Einkauf und"): not part of the name. */
const TRAILING_JOINER = /\s(?:&|und)$/u;

/**
 * The department a page's prose names for the role ("Für die Abteilung Product Development…"),
 * or null. Cheap word checks run before the patterns, so most pages cost two `includes`.
 */
export function departmentFromText(text: string): string | null {
  const head = text.slice(0, MAX_TEXT);
  if (/Abteilung|Bereich/.test(head)) {
    const name = GERMAN_DEPARTMENT.exec(head)?.[1]?.replace(TRAILING_JOINER, '').trim();
    if (name) return name;
  }
  if (/[Dd]epartment|[Dd]ivision/.test(head)) {
    const name = ENGLISH_DEPARTMENT.exec(head)?.[1]?.trim();
    if (name) return name;
  }
  return null;
}
