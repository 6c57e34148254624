const NON_PEOPLE_MANAGER =
  /\b(?:program|product|project|account|marketing|community|office|success|category|partner|partnership|brand|content|social media|territory|case|property|relationship|campaign|release|delivery|facilities|payroll|event|events|store)\s+manager/i;

// Title words in German, French, Spanish, Portuguese, Dutch and Italian ("Geschäftsführer",
// "Directeur", "Teamleiter", "Jefe de equipo", "Werkstudent", "Stagiaire", "Estagiário", "Pleno").
const FOREIGN_EXECUTIVE =
  /\b(?:gesch[äa]ftsf[üu]hrer(?:in)?|directeur g[ée]n[ée]ral|directrice g[ée]n[ée]rale|director general|diretor geral|direttore generale|algemeen directeur)(?![\p{L}])/iu;
const FOREIGN_DIRECTOR =
  /\b(?:directeur|directrice|directora?|diretora?|direttore|direttrice|bereichsleiter(?:in)?|abteilungsleiter(?:in)?|leiter(?:in)?|leitung|hoofd)(?![\p{L}])/iu;
const FOREIGN_LEAD =
  /\b(?:teamleiter(?:in)?|teamleitung|teamlead|chef d['’][ée]quipe|jef[ea] de equipo|l[íi]der de equipo|l[íi]der t[ée]cnico|coordenador(?:a)?|coordinador(?:a)?|capo ?team|responsabile di team|teamleider)(?![\p{L}])/iu;
const FOREIGN_INTERN =
  /\b(?:praktikant(?:in)?|praktikum|werkstudent(?:in)?|azubi|auszubildende[rn]?|alternan(?:ce|t|te)|stagiair|stagista|tirocinante|tirocinio|becari[oa]|pr[áa]cticas|pasante|estagi[áa]ri[oa]|est[áa]gio|jovem aprendiz|apprenti(?:e)?)(?![\p{L}])/iu;

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
  if (FOREIGN_EXECUTIVE.test(t)) return 'executive';
  if (/\b(?:director|head of)\b/i.test(t) || FOREIGN_DIRECTOR.test(t)) return 'director';
  if (/\b(?:principal|distinguished|fellow)\b/i.test(t)) return 'principal';
  if (/\bstaff\b/i.test(t)) return 'staff';
  if (/\b(?:senior|sr\.?|snr|s[êe]nior)(?=[\s/,.()-]|$)/iu.test(t)) return 'senior';
  if (/\bmanager\b/i.test(t) && !NON_PEOPLE_MANAGER.test(t)) return 'manager';
  if (/\b(?:team lead|lead|leader)\b/i.test(t) || FOREIGN_LEAD.test(t)) return 'lead';
  if (/\b(?:intern|internship|trainee|apprentice|ausbildung|stagiaire|werkstudent)\b/i.test(t))
    return 'intern';
  if (FOREIGN_INTERN.test(t)) return 'intern';
  if (/\b(?:junior|jr\.?|entry[- ]level|graduate|new grad|associate|j[úu]nior)(?=[\s/,.()-]|$)/iu.test(t))
    return 'junior';
  if (/\bpleno\b/i.test(t)) return 'mid';
  const stated = levelFromLabel(statedLevel);
  if (stated !== null) return stated;
  if (minYears !== null) {
    if (minYears >= 8) return 'senior';
    if (minYears >= 3) return 'mid';
    return 'junior';
  }
  return null;
}
