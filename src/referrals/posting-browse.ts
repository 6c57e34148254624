import type { Db } from '../db/client.js';
import { PLACE_ANYWHERE, placePattern } from '../postings/posting-search-keys.js';
import type { WorkplaceType } from '../postings/posting-summary.js';
import { publiclyListedPosting } from '../shares/share-store.js';
import { normalizeCompanyName } from './company-names.js';
import type { Company, Posting } from './records.js';

/** Postings on one page of a browse (App Home's "Browse open postings", `/vouch list`). */
export const BROWSE_PAGE_SIZE = 10;

/**
 * Counting stops here: a browse finds "1,000+" postings, 100 pages. An exact count reads every match
 * (1.7 s for "in berlin" among a million postings, bench figure 8); the first thousand are found in
 * about 10 ms, and nobody pages past the hundredth page.
 */
export const BROWSE_COUNT_CAP = 1_000;

/** The most words of typed text tried as a company name and a place (`text`). */
const MAX_TEXT_WORDS = 8;
const DAY_MS = 86_400_000;

/** What a member narrows the open postings of their workspace to; every filter is optional. */
export interface BrowseFilters {
  /** A company: its name, or the first words of it ("acme" finds "Acme Robotics"). */
  company?: string | null;
  /** A place within one of the card's locations: whole words, any case or accents ("berlin", "New York"). */
  place?: string | null;
  /**
   * Words that name a company, else a place, else a company followed or preceded by a place
   * ("acme", "berlin", "acme berlin"): what `/vouch list` reads from words that are no keyword.
   */
  text?: string | null;
  workplaceType?: WorkplaceType | null;
  /** Only postings someone can refer for: a referrer on the posting or at its company. */
  canRefer?: boolean;
  /** Only postings first shared in the last this many days. */
  sinceDays?: number | null;
}

/** A posting of a browse page, with the counts its card shows (never who). */
export interface BrowseRow {
  posting: Posting;
  counts: { referrers: number; interested: number };
}

/** How the filters were read, for the member to see what they got. */
export interface BrowseReading {
  /** The companies the company words found (display names). */
  companies: string[];
  /** The place looked for, as typed; null for anywhere. */
  place: string | null;
  /** Company words that name no company of the workspace (the page is then empty). */
  unknownCompany: string | null;
}

export interface BrowsePage {
  rows: BrowseRow[];
  /** 1-based; a page past the last is the last. */
  page: number;
  /** At least 1, even when there is nothing. */
  pages: number;
  /** Matching postings, counted up to BROWSE_COUNT_CAP. */
  total: number;
  /** true when counting stopped at BROWSE_COUNT_CAP: there may be more (pages past the last are not offered). */
  more: boolean;
  reading: BrowseReading;
}

export interface PostingBrowseDeps {
  db: Db;
  now?: () => Date;
}

const tidy = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * Browsing the open postings of a workspace: filters in SQL (the company by its id, the workplace
 * type and places by the keys the posting store writes with each card, `posting-search-keys.ts`;
 * "someone can refer" by the referrer counts the database keeps), newest first, a page at a time, with each row's counts.
 */
export function createPostingBrowse(deps: PostingBrowseDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  /** Companies whose normalised name is `name`'s, or (with `byFirstWords`) starts with its words. */
  async function companiesNamed(
    workspaceId: string,
    name: string,
    byFirstWords: boolean,
  ): Promise<Company[]> {
    const key = normalizeCompanyName(name);
    if (key === '') return [];
    return db.company.findMany({
      where: {
        workspaceId,
        OR: [
          { normalizedName: key },
          ...(byFirstWords ? [{ normalizedName: { startsWith: `${key} ` } }] : []),
        ],
      },
      orderBy: { normalizedName: 'asc' },
      take: 20,
    });
  }

  /**
   * `text` read as a company, else as a company and a place (its first or last words a company's
   * name, the rest the place), else as a place; one query for every reading.
   */
  async function readText(
    workspaceId: string,
    text: string,
  ): Promise<{ companies: Company[]; place: string | null }> {
    const words = text.split(' ').slice(0, MAX_TEXT_WORDS);
    const splits: Array<{ company: string; place: string | null }> = [
      { company: words.join(' '), place: null },
    ];
    // Longest company first: "new york times berlin" is New York Times in Berlin, not New York.
    for (let cut = words.length - 1; cut >= 1; cut -= 1) {
      splits.push({ company: words.slice(0, cut).join(' '), place: words.slice(cut).join(' ') });
      splits.push({
        company: words.slice(words.length - cut).join(' '),
        place: words.slice(0, -cut).join(' '),
      });
    }
    const keys = [...new Set(splits.map((split) => normalizeCompanyName(split.company)).filter(Boolean))];
    const known = new Map(
      (await db.company.findMany({ where: { workspaceId, normalizedName: { in: keys } } })).map((c) => [
        c.normalizedName,
        c,
      ]),
    );
    for (const split of splits) {
      const company = known.get(normalizeCompanyName(split.company));
      if (company !== undefined) return { companies: [company], place: split.place };
    }
    return { companies: [], place: text };
  }

  /** The companies and the place the filters ask for; `unknownCompany` when company words found none. */
  async function read(
    workspaceId: string,
    filters: BrowseFilters,
  ): Promise<{ companies: Company[] | null; place: string | null; unknownCompany: string | null }> {
    const companyText = tidy(filters.company);
    const text = tidy(filters.text);
    let place: string | null = tidy(filters.place) || null;
    let companies: Company[] | null = null;
    if (companyText !== '') {
      companies = await companiesNamed(workspaceId, companyText, true);
      if (companies.length === 0) return { companies, place, unknownCompany: companyText };
    }
    if (text !== '') {
      if (companies !== null) {
        // The company is named: the words are more of the place.
        place = place === null ? text : `${place} ${text}`;
      } else if (place !== null) {
        // The place is named: the words must be a company.
        companies = await companiesNamed(workspaceId, text, false);
        if (companies.length === 0) return { companies, place, unknownCompany: text };
      } else {
        const found = await readText(workspaceId, text);
        companies = found.companies.length > 0 ? found.companies : null;
        place = found.place;
      }
    }
    return { companies, place, unknownCompany: null };
  }

  return {
    /**
     * One page (`BROWSE_PAGE_SIZE` rows, 1-based, clamped to the last) of the workspace's open job
     * postings that pass `filters`, newest first (ties by id, so pages never overlap), with counts.
     */
    async browsePostings(workspaceId: string, filters: BrowseFilters, page = 1): Promise<BrowsePage> {
      const { companies, place, unknownCompany } = await read(workspaceId, filters);
      const reading: BrowseReading = {
        companies: (companies ?? []).map((c) => c.displayName),
        place,
        unknownCompany,
      };
      if (unknownCompany !== null) return { rows: [], page: 1, pages: 1, total: 0, more: false, reading };
      const pattern = place === null ? null : placePattern(place);
      const sinceDays = filters.sinceDays ?? null;
      const where = {
        // The companies were read in this workspace, and a posting's company is of its own workspace:
        // without `workspaceId` here SQLite takes the company index (else it walks the workspace).
        ...(companies !== null ? { companyId: { in: companies.map((c) => c.id) } } : { workspaceId }),
        isJob: true,
        status: 'open' as const,
        ...(filters.workplaceType ? { workplaceType: filters.workplaceType } : {}),
        ...(sinceDays !== null ? { createdAt: { gte: new Date(now().getTime() - sinceDays * DAY_MS) } } : {}),
        AND: [
          // A posting whose every card was removed is no longer offered to everyone.
          publiclyListedPosting,
          ...(pattern !== null
            ? [{ OR: [{ places: { contains: pattern } }, { places: { contains: PLACE_ANYWHERE } }] }]
            : []),
          // The referrer counts the database keeps (migration `can_refer_counts`): an EXISTS over
          // each table here became hashed subplans over both whole tables on PostgreSQL.
          ...(filters.canRefer
            ? [{ OR: [{ referrerCount: { gt: 0 } }, { company: { referrerCount: { gt: 0 } } }] }]
            : []),
        ],
      };
      // In the pages' order, so the count walks the same index and stops at the cap (Prisma orders a
      // capped count by id otherwise: every match sorted first, seconds at a million postings).
      const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
      const total = await db.posting.count({ where, orderBy: newestFirst, take: BROWSE_COUNT_CAP });
      const more = total >= BROWSE_COUNT_CAP;
      const pages = Math.max(1, Math.ceil(total / BROWSE_PAGE_SIZE));
      const current = Math.min(Math.max(1, Math.floor(page)), pages);
      if (total === 0) return { rows: [], page: current, pages, total, more, reading };
      // The page's ids first: ordering and skipping narrow tuples, not cards (PostgreSQL sorted whole
      // rows, summaries included, on disk: 80 ms for page 500 of 10,000, bench in the report).
      const pageIds = await db.posting.findMany({
        where,
        select: { id: true },
        orderBy: newestFirst,
        skip: (current - 1) * BROWSE_PAGE_SIZE,
        take: BROWSE_PAGE_SIZE,
      });
      const byId = new Map(
        (await db.posting.findMany({ where: { id: { in: pageIds.map((row) => row.id) } } })).map((p) => [
          p.id,
          p,
        ]),
      );
      const postings = pageIds.flatMap((row) => byId.get(row.id) ?? []);
      return { rows: await withCounts(postings), page: current, pages, total, more, reading };
    },
  };

  /**
   * Each posting with "N can refer · M interested", as its card counts them (the posting's referrers
   * and its company's, each member once): the company's count is the one the database keeps, and
   * only the posting's referrers are looked up in its directory, so a company with thousands of
   * referrers is not read row by row (2,000 rows for the heavy company of bench figure 9).
   */
  async function withCounts(postings: Posting[]): Promise<BrowseRow[]> {
    if (postings.length === 0) return [];
    const ids = postings.map((p) => p.id);
    const companyIds = [...new Set(postings.flatMap((p) => (p.companyId === null ? [] : [p.companyId])))];
    const [onPostings, companies, interest] = await Promise.all([
      db.postingReferrer.findMany({
        where: { postingId: { in: ids } },
        select: { postingId: true, memberId: true },
      }),
      companyIds.length === 0
        ? Promise.resolve([])
        : db.company.findMany({
            where: { id: { in: companyIds } },
            select: { id: true, referrerCount: true },
          }),
      db.referral.groupBy({
        by: ['postingId'],
        where: { postingId: { in: ids }, status: { notIn: ['withdrawn'] } },
        _count: { _all: true },
      }),
    ]);
    const listedOnPostings = [...new Set(onPostings.map((row) => row.memberId))];
    const alsoAtCompanies =
      companyIds.length === 0 || listedOnPostings.length === 0
        ? []
        : await db.companyReferrer.findMany({
            where: { companyId: { in: companyIds }, memberId: { in: listedOnPostings } },
            select: { companyId: true, memberId: true },
          });
    const atCompany = new Map(companies.map((c) => [c.id, c.referrerCount]));
    const both = new Set(alsoAtCompanies.map((row) => `${row.companyId} ${row.memberId}`));
    const interested = new Map(interest.map((row) => [row.postingId, row._count._all]));
    return postings.map((posting) => {
      const listed = onPostings.filter((row) => row.postingId === posting.id);
      const company = posting.companyId;
      const directory =
        company === null
          ? 0
          : (atCompany.get(company) ?? 0) -
            listed.filter((row) => both.has(`${company} ${row.memberId}`)).length;
      return {
        posting,
        counts: { referrers: listed.length + directory, interested: interested.get(posting.id) ?? 0 },
      };
    });
  }
}

export type PostingBrowse = ReturnType<typeof createPostingBrowse>;
