import type { Db } from '../db/client.js';

/**
 * Who a posting's card counts and the few it names, computed in SQL: the card shows counts and about
 * ten names per list, and reading every row to count them cost a heavy posting (300 referrers, 1,000
 * interested, a company with 2,000 referrers) 2,800 member rows per refresh (bench figure 9).
 *
 * The rules are the card's, unchanged:
 * - "can refer": members listed on the posting, then the company's directory without them;
 * - a referrer is verified (✓) when either of their rows says so (the posting's or the company's);
 * - "interested": every referral of the posting that was not withdrawn; a candidate is named only when
 *   they chose "Show my name on the card" (`showName`), never otherwise.
 *
 * Plain SQL that SQLite and PostgreSQL both read the same way (quoted identifiers, `CASE` for
 * booleans: SQLite stores them as 0/1, PostgreSQL as boolean; counts come back as number or bigint).
 */

/** The counts a card shows: its totals, and how long each list is beyond the names it shows. */
export interface CardPeopleCounts {
  /** Members listed on the posting ("I can refer"). */
  onPosting: number;
  /** The company's directory, without those listed on the posting. */
  directory: number;
  /** Referrers of both lists with the ✓. */
  verified: number;
  /** Live interest: every referral but the withdrawn ones. */
  interested: number;
  /** Of those, the candidates who chose to be named. */
  named: number;
}

/** One name a card shows: a member id, in the list's order (first listed first). */
export interface CardPersonRow {
  memberId: string;
  verified: boolean;
}

export interface CardPeople {
  counts: CardPeopleCounts;
  /** The first `limit` of each list, oldest first. */
  onPosting: CardPersonRow[];
  directory: CardPersonRow[];
  named: string[];
}

type Count = number | bigint | null;

/**
 * Counts and the first `limit` names of each list for one posting (`companyId` null: no directory).
 * Two statements, run side by side; indexes: PostingReferrer's and CompanyReferrer's keys,
 * `Referral (postingId, candidateId)`.
 */
export async function readCardPeople(
  db: Db,
  posting: { id: string; companyId: string | null },
  limit: number,
): Promise<CardPeople> {
  const postingId = posting.id;
  // No company: an id no row has, so the directory's queries find nothing without a second SQL text.
  const companyId = posting.companyId ?? '';
  const [countRows, nameRows] = await Promise.all([
    db.$queryRaw<
      Array<{
        onPosting: Count;
        onPostingVerified: Count;
        directory: Count;
        directoryVerified: Count;
        interested: Count;
        named: Count;
      }>
    >`
      SELECT p."onPosting", p."onPostingVerified", d."directory", d."directoryVerified",
             r."interested", r."named"
      FROM (
        SELECT COUNT(*) AS "onPosting",
               SUM(CASE WHEN pr."verified" OR EXISTS (
                     SELECT 1 FROM "CompanyReferrer" cr
                     WHERE cr."companyId" = ${companyId} AND cr."memberId" = pr."memberId" AND cr."verified"
                   ) THEN 1 ELSE 0 END) AS "onPostingVerified"
        FROM "PostingReferrer" pr
        WHERE pr."postingId" = ${postingId}
      ) p,
      (
        SELECT COUNT(*) AS "directory",
               SUM(CASE WHEN cr."verified" THEN 1 ELSE 0 END) AS "directoryVerified"
        FROM "CompanyReferrer" cr
        WHERE cr."companyId" = ${companyId}
          AND NOT EXISTS (
            SELECT 1 FROM "PostingReferrer" pr
            WHERE pr."postingId" = ${postingId} AND pr."memberId" = cr."memberId"
          )
      ) d,
      (
        SELECT COUNT(*) AS "interested",
               SUM(CASE WHEN r."showName" THEN 1 ELSE 0 END) AS "named"
        FROM "Referral" r
        WHERE r."postingId" = ${postingId} AND r."status" <> 'withdrawn'
      ) r`,
    db.$queryRaw<Array<{ list: string; memberId: string; verified: Count }>>`
      SELECT * FROM (
        SELECT 'posting' AS "list", pr."memberId" AS "memberId",
               CASE WHEN pr."verified" OR EXISTS (
                 SELECT 1 FROM "CompanyReferrer" cr
                 WHERE cr."companyId" = ${companyId} AND cr."memberId" = pr."memberId" AND cr."verified"
               ) THEN 1 ELSE 0 END AS "verified"
        FROM "PostingReferrer" pr
        WHERE pr."postingId" = ${postingId}
        ORDER BY pr."createdAt", pr."memberId"
        LIMIT ${limit}
      ) a
      UNION ALL
      SELECT * FROM (
        SELECT 'directory' AS "list", cr."memberId" AS "memberId",
               CASE WHEN cr."verified" THEN 1 ELSE 0 END AS "verified"
        FROM "CompanyReferrer" cr
        WHERE cr."companyId" = ${companyId}
          AND NOT EXISTS (
            SELECT 1 FROM "PostingReferrer" pr
            WHERE pr."postingId" = ${postingId} AND pr."memberId" = cr."memberId"
          )
        ORDER BY cr."createdAt", cr."memberId"
        LIMIT ${limit}
      ) b
      UNION ALL
      SELECT * FROM (
        SELECT 'named' AS "list", r."candidateId" AS "memberId", 0 AS "verified"
        FROM "Referral" r
        WHERE r."postingId" = ${postingId} AND r."status" <> 'withdrawn' AND r."showName"
        ORDER BY r."createdAt", r."candidateId"
        LIMIT ${limit}
      ) c`,
  ]);
  const counts = countRows[0];
  const n = (value: Count | undefined) => Number(value ?? 0);
  const rows = (list: string) =>
    nameRows
      .filter((row) => row.list === list)
      .map((row) => ({ memberId: row.memberId, verified: n(row.verified) === 1 }));
  return {
    counts: {
      onPosting: n(counts?.onPosting),
      directory: n(counts?.directory),
      verified: n(counts?.onPostingVerified) + n(counts?.directoryVerified),
      interested: n(counts?.interested),
      named: n(counts?.named),
    },
    onPosting: rows('posting'),
    directory: rows('directory'),
    named: rows('named').map((row) => row.memberId),
  };
}
