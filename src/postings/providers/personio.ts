import { z } from 'zod';
import { hoursFromText, normalizeEmploymentType } from '../description/employment-type.js';
import { htmlToBlocks } from '../html/blocks.js';
import { type PostingIdentity, postingIdentity } from '../posting-identity.js';
import { escapeHtmlText, uniqueStrings } from './shared.js';
import type { ApiRequest, ParseContext, PostingDraft, Provider } from './types.js';
import { emptyDraft, str, unlistedDraft } from './types.js';
import { child, children, childText, parseXmlTree, type XmlElement } from './xml-tree.js';

/** `{company}.jobs.personio.de` and `{company}.jobs.personio.com` serve the same career site. */
const PERSONIO_HOST = /^([a-z0-9][a-z0-9-]*)\.jobs\.personio\.(?:de|com)$/;
const DIGITS = /^\d+$/;

function personioIdentity(company: string, jobId: string): PostingIdentity {
  return postingIdentity('personio', company, jobId, `https://${company}.jobs.personio.de/job/${jobId}`);
}

/** One `<position>` of the feed, its fields as text (the XML tree is read into this shape first). */
const positionSchema = z.object({
  id: z.string().regex(DIGITS),
  name: z.string().min(1),
  subcompany: z.string().nullable(),
  offices: z.array(z.string()),
  department: z.string().nullable(),
  recruitingCategory: z.string().nullable(),
  employmentType: z.string().nullable(),
  seniority: z.string().nullable(),
  schedule: z.string().nullable(),
  descriptions: z.array(z.object({ name: z.string().nullable(), html: z.string() })),
});
type Position = z.infer<typeof positionSchema>;

function readPosition(position: XmlElement): Position | null {
  const additional = child(position, 'additionalOffices');
  // `<additionalOffices>` holds `<office>` children; some feeds write the names as its text.
  const additionalNames = additional
    ? children(additional, 'office').length > 0
      ? children(additional, 'office').map((o) => o.text)
      : additional.text.split(',')
    : [];
  const parsed = positionSchema.safeParse({
    id: childText(position, 'id') ?? '',
    name: str(childText(position, 'name')) ?? '',
    subcompany: str(childText(position, 'subcompany')),
    offices: uniqueStrings([childText(position, 'office'), ...additionalNames].map((o) => str(o, 200))),
    department: str(childText(position, 'department')),
    recruitingCategory: str(childText(position, 'recruitingCategory')),
    employmentType: str(childText(position, 'employmentType'), 50),
    seniority: str(childText(position, 'seniority'), 50),
    schedule: str(childText(position, 'schedule'), 50),
    descriptions: children(child(position, 'jobDescriptions'), 'jobDescription').map((d) => ({
      name: str(childText(d, 'name'), 300),
      html: childText(d, 'value') ?? '',
    })),
  });
  return parsed.success ? parsed.data : null;
}

/** The position's name and the first sentence of its first description block: where a posting states its hours. */
function openingWords(position: Position): string {
  const first = position.descriptions.find((d) => d.html.trim().length > 0);
  const line = first
    ? htmlToBlocks(first.html.slice(0, 20_000)).find((b) => b.kind !== 'item')?.text
    : undefined;
  const sentence = line?.split(/(?<=[.!?])\s/)[0] ?? '';
  return `${position.name}\n${sentence}`;
}

/**
 * Personio's `employmentType` names the contract (`permanent`, `intern`, `trainee`, `freelance`)
 * and `schedule` the hours (`full-time`, `part-time`): a contract other than permanent says more
 * than the hours; a permanent one is described by its hours. When the position's name or the
 * opening sentence states the other hours in so many words ("…suchen wir einen Office Manager (m/w)
 * in Teilzeit" under `<schedule>full-time`, Personio's own documented example), the employer's
 * words win: the schedule is a form field that is easily left as it was.
 * @see https://developer.personio.de/docs/retrieving-open-job-positions
 */
function employmentTypeOf(position: Position): string | null {
  const contract = (position.employmentType ?? '').toLowerCase();
  if (contract === 'intern' || contract === 'trainee') return 'internship';
  if (contract === 'freelance') return 'contract';
  const schedule = normalizeEmploymentType(position.schedule);
  if (schedule === 'full-time' || schedule === 'part-time') {
    const stated = hoursFromText(openingWords(position));
    if (stated && stated !== schedule) return stated;
  }
  return schedule ?? normalizeEmploymentType(position.employmentType);
}

function draftFromPosition(position: Position, company: string | null): PostingDraft {
  const draft = emptyDraft('personio');
  draft.title = position.name;
  draft.company = position.subcompany;
  draft.companySlug = company;
  draft.url = company ? personioIdentity(company, position.id).canonicalUrl : null;
  draft.locations = position.offices;
  draft.department = position.department;
  draft.employmentType = employmentTypeOf(position);
  draft.statedLevel = position.seniority;
  // Each block is a named section ("Deine Aufgaben", "Your profile"): its name becomes a heading.
  draft.descriptionHtml = position.descriptions
    .filter((d) => d.html.trim().length > 0)
    .map((d) => (d.name ? `<h3>${escapeHtmlText(d.name)}</h3>${d.html}` : d.html));
  if (draft.descriptionHtml.length === 0) draft.limitation = 'no-description';
  return draft;
}

/**
 * Personio: the public career site's XML feed (`https://{company}.jobs.personio.de/xml`, root
 * `<workzag-jobs>`, one `<position>` per published job with its description blocks as HTML in
 * CDATA). The feed lists every open job, so one missing from it is no longer listed. Job pages
 * also carry JSON-LD, which the generic path reads when the feed cannot be had.
 * @see https://developer.personio.de/docs/retrieving-open-job-positions
 */
export const personioProvider: Provider = {
  id: 'personio',
  identify(url: URL): PostingIdentity | null {
    const company = PERSONIO_HOST.exec(url.hostname.toLowerCase())?.[1];
    if (!company) return null;
    // /job/{id}, /job/{id}/apply, /{locale}/job/{id} (a language query is dropped with the query).
    const segs = url.pathname.split('/').filter(Boolean);
    const at = segs.indexOf('job');
    const id = at >= 0 && at <= 1 ? segs[at + 1] : undefined;
    if (!id || !DIGITS.test(id)) return null;
    return personioIdentity(company, id);
  },
  apiRequest(identity: PostingIdentity): ApiRequest | null {
    if (identity.source !== 'personio' || !identity.tenant || !identity.jobId) return null;
    return {
      url: `https://${encodeURIComponent(identity.tenant)}.jobs.personio.de/xml`,
      accept: 'application/xml, text/xml;q=0.9',
    };
  },
  parseXml(xml: string, context: ParseContext): PostingDraft | null {
    const root = parseXmlTree(xml);
    if (root?.name.toLowerCase() !== 'workzag-jobs') return null;
    const company = context.identity?.source === 'personio' ? context.identity.tenant : null;
    // Only a Personio job link names the wanted position; a feed read on its own gives its first.
    const wanted = context.identity?.source === 'personio' ? context.identity.jobId : null;
    const positions = children(root, 'position').slice(0, 5000);
    const match = wanted
      ? positions.find((p) => childText(p, 'id') === wanted)
      : positions.find((p) => readPosition(p) !== null);
    if (!match) {
      if (!wanted) return null;
      // The feed is the whole board: a job it does not list is closed (an empty feed included).
      return unlistedDraft('personio', company);
    }
    const position = readPosition(match);
    return position ? draftFromPosition(position, company) : null;
  },
};
