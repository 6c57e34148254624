const NON_PEOPLE_MANAGER =
  /\b(?:program|product|project|account|marketing|community|office|success|category|partner|partnership|brand|content|social media|territory|case|property|relationship|campaign|release|delivery|facilities|payroll|event|events|store)\s+manager/i;

/**
 * A board's level field in our terms. LinkedIn's and SmartRecruiters' "Mid-Senior level" spans too
 * much to say either, and "Not Applicable" says nothing: both null.
 */
export function levelFromLabel(label: string | null): string | null {
  const l = (label ?? '').toLowerCase().replace(/[_-]+/g, ' ');
  if (/\bmid\s*senior\b|not applicable/.test(l)) return null;
  if (/\b(?:executive|c level|vp|vice president)\b/.test(l)) return 'executive';
  if (/\bdirector\b/.test(l)) return 'director';
  if (/\bintern(?:ship)?\b/.test(l)) return 'intern';
  if (/\b(?:entry|junior|graduate|associate|student)\b/.test(l)) return 'junior';
  if (/\bsenior\b/.test(l)) return 'senior';
  if (/\bmanager\b/.test(l)) return 'manager';
  if (/\b(?:mid|intermediate|experienced)\b/.test(l)) return 'mid';
  return null;
}

/**
 * Seniority from the title first ("Senior", "Staff", "Head of", "Manager II"), then from the level
 * the board states, then from the years of experience asked for. Null when none says.
 */
export function extractSeniority(
  title: string | null,
  minYears: number | null,
  statedLevel: string | null = null,
): string | null {
  const t = title ?? '';
  if (/\b(?:chief|c[etfo]o|vp|vice president|president|evp|svp)\b/i.test(t)) return 'executive';
  if (/\b(?:director|head of)\b/i.test(t)) return 'director';
  if (/\b(?:principal|distinguished|fellow)\b/i.test(t)) return 'principal';
  if (/\bstaff\b/i.test(t)) return 'staff';
  if (/\b(?:senior|sr\.?|snr)(?=[\s/,.-]|$)/i.test(t)) return 'senior';
  if (/\bmanager\b/i.test(t) && !NON_PEOPLE_MANAGER.test(t)) return 'manager';
  if (/\b(?:team lead|lead|leader)\b/i.test(t)) return 'lead';
  if (/\b(?:intern|internship|trainee|apprentice|ausbildung|stagiaire|werkstudent)\b/i.test(t))
    return 'intern';
  if (/\b(?:junior|jr\.?|entry[- ]level|graduate|new grad|associate)(?=[\s/,.-]|$)/i.test(t)) return 'junior';
  const stated = levelFromLabel(statedLevel);
  if (stated !== null) return stated;
  if (minYears !== null) {
    if (minYears >= 8) return 'senior';
    if (minYears >= 3) return 'mid';
    return 'junior';
  }
  return null;
}
