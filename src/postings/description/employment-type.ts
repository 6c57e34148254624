const MAX_TEXT = 200_000;

/**
 * Normalises a structured employment type ("FULL_TIME", "Full time /", "FullTime", "Part-time",
 * "Contract", "Intern") to the summary's vocabulary; null for values that say nothing about hours
 * or contract ("Regular").
 */
export function normalizeEmploymentType(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const n = normalizeEmploymentType(v);
      if (n) return n;
    }
    return null;
  }
  if (typeof value !== 'string') return null;
  const v = value.toLowerCase().replace(/[^a-z]/g, '');
  if (v.startsWith('fulltime') || v === 'permanentfulltime') return 'full-time';
  if (v.startsWith('parttime')) return 'part-time';
  if (v.includes('intern') || v === 'werkstudent' || v === 'apprenticeship' || v === 'ausbildung')
    return 'internship';
  if (v.includes('contract') || v === 'freelance' || v === 'contractor') return 'contract';
  if (v.includes('temporary') || v === 'temp' || v === 'seasonal') return 'temporary';
  return null;
}

/** Employment type stated in prose ("full-time", "part-time", "fixed-term contract", "internship"). */
export function employmentTypeFromText(text: string, title: string | null): string | null {
  if (title && /\b(?:intern|internship|stagiaire|praktikum|werkstudent)\b/i.test(title)) return 'internship';
  const t = text.slice(0, MAX_TEXT);
  if (/\bfull[- ]time\b/i.test(t)) return 'full-time';
  if (/\bpart[- ]time\b/i.test(t)) return 'part-time';
  if (/\b(?:fixed[- ]term contract|contract (?:role|position)|contractor role|freelance)\b/i.test(t))
    return 'contract';
  if (/\b(?:temporary (?:role|position|contract))\b/i.test(t)) return 'temporary';
  return null;
}
