import type { Db } from '../db/client.js';
import { isUniqueViolation, retryOnConflict } from '../db/unique-violation.js';
import { BURST_TRANSACTION_OPTIONS, type WithinTransaction } from '../db/within-transaction.js';
import { displayCompanyName, normalizeCompanyName } from './company-names.js';
import type { Members } from './members.js';
import type { Company, Member, Posting } from './records.js';
import { ReferralError } from './referral-error.js';
import type { VerificationStore } from './referrer-verification.js';

export interface CompanyDirectoryDeps {
  db: Db;
  members: Pick<Members, 'membersIn'>;
  /**
   * Whether a member is verified at a company right now (`referrer-verification.ts`), asked inside
   * the transaction that lists them; without it every new row is self-declared.
   */
  verifiedAt?: (store: VerificationStore, memberId: string, companyId: string | null) => Promise<boolean>;
  /** Who receives requests (`VOUCH_REFERRERS`): every referrer, or only verified ones. */
  referrerPolicy?: 'any' | 'verified';
}

/** A referrer with whether Vouch verified them at the company (their Slack e-mail is at its domain). */
export type VerifiedMember = Member & { verified: boolean };

/**
 * Who can refer where: companies by normalised name, the "who can refer at <company>" directory, and
 * the members listed on one posting's card ("I can refer").
 */
export function createCompanyDirectory(deps: CompanyDirectoryDeps) {
  const { db, members } = deps;
  const verifiedAt = deps.verifiedAt ?? (async () => false);
  const verifiedOnly = deps.referrerPolicy === 'verified';
  /** Whether a row of this verification receives requests under the workspace's policy. */
  const receives = (verified: boolean) => verified || !verifiedOnly;

  /** Members of referrer rows, each verified when any of their rows is. */
  async function withVerification(rows: Array<{ memberId: string; verified: boolean }>) {
    const verified = new Map<string, boolean>();
    for (const row of rows) verified.set(row.memberId, (verified.get(row.memberId) ?? false) || row.verified);
    const found = await members.membersIn([...verified.keys()]);
    return found.map((member): VerifiedMember => ({ ...member, verified: verified.get(member.id) ?? false }));
  }

  async function ensureCompany(workspaceId: string, name: string): Promise<Company | null> {
    const normalizedName = normalizeCompanyName(name);
    if (normalizedName.length === 0) return null;
    const displayName = displayCompanyName(name);
    const company = await retryOnConflict(() =>
      db.company.upsert({
        where: { workspaceId_normalizedName: { workspaceId, normalizedName } },
        create: { workspaceId, normalizedName, displayName, aliases: [displayName] },
        update: {},
      }),
    );
    const aliases = Array.isArray(company.aliases) ? (company.aliases as string[]) : [];
    if (!aliases.includes(displayName)) {
      return db.company.update({
        where: { id: company.id },
        data: { aliases: [...aliases, displayName].slice(0, 20) },
      });
    }
    return company;
  }

  async function findCompany(workspaceId: string, name: string): Promise<Company | null> {
    const normalizedName = normalizeCompanyName(name);
    if (normalizedName.length === 0) return null;
    return db.company.findUnique({ where: { workspaceId_normalizedName: { workspaceId, normalizedName } } });
  }

  return {
    ensureCompany,
    findCompany,

    /**
     * Members who can refer for a posting and receive its requests: on the posting first, then the
     * company directory; under `VOUCH_REFERRERS=verified` only the verified ones.
     */
    async referrersFor(posting: Posting): Promise<VerifiedMember[]> {
      const [onPosting, atCompany] = await Promise.all([
        db.postingReferrer.findMany({
          where: { postingId: posting.id },
          select: { memberId: true, verified: true },
        }),
        posting.companyId === null
          ? Promise.resolve([])
          : db.companyReferrer.findMany({
              where: { companyId: posting.companyId },
              select: { memberId: true, verified: true },
            }),
      ]);
      return (await withVerification([...onPosting, ...atCompany])).filter((m) => receives(m.verified));
    },

    /** Whether Vouch's policy lets a referrer of this verification receive requests. */
    receivesRequests: receives,

    /**
     * "I can refer" toggles: on → the member is listed on this posting's card; off → removed.
     * Idempotent under double clicks: create races end in the unique constraint.
     */
    async toggleReferrer(
      postingId: string,
      memberId: string,
      within?: WithinTransaction<ReferrerListed & { isReferrer: boolean }>,
    ): Promise<ReferrerListed & { isReferrer: boolean }> {
      const toggle = () =>
        db.$transaction(async (tx) => {
          const removed = await tx.postingReferrer.deleteMany({ where: { postingId, memberId } });
          let verified = false;
          if (removed.count === 0) {
            const posting = await tx.posting.findUnique({
              where: { id: postingId },
              select: { companyId: true },
            });
            verified = await verifiedAt(tx, memberId, posting?.companyId ?? null);
            await tx.postingReferrer.create({ data: { postingId, memberId, verified } });
          }
          const written = { isReferrer: removed.count === 0, verified, receivesRequests: receives(verified) };
          await within?.(tx, written);
          return written;
        }, BURST_TRANSACTION_OPTIONS);
      try {
        return await toggle();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      // A twin listed them a moment earlier, in another process, and committed: toggle once more
      // against what it wrote. A twin run of this very delivery (its lease taken over) finds it done
      // in `within` and rolls back, so its member is not thanked twice; a second click un-lists, as
      // in one process, where clicks of one member on one card run one after the other.
      try {
        return await toggle();
      } catch (error) {
        // A third click raced this one too: listed is what the last commit says.
        if (isUniqueViolation(error)) {
          const row = await db.postingReferrer.findUnique({
            where: { postingId_memberId: { postingId, memberId } },
            select: { verified: true },
          });
          const verified = row?.verified ?? false;
          return { isReferrer: true, verified, receivesRequests: receives(verified) };
        }
        throw error;
      }
    },

    /**
     * Adds the member to the "who can refer at <company>" directory; `within` runs in the same
     * transaction (told whether this call added them), for the follow-ups that must commit with it.
     */
    async rememberCompanyReferrer(
      workspaceId: string,
      companyName: string,
      memberId: string,
      within?: WithinTransaction<ReferrerListed & { company: Company; added: boolean }>,
    ): Promise<ReferrerListed & { company: Company; added: boolean }> {
      const company = await ensureCompany(workspaceId, companyName);
      if (company === null)
        throw new ReferralError('invalid_company', `no company name in ${JSON.stringify(companyName)}`);
      const remember = () =>
        db.$transaction(async (tx) => {
          const listed = await tx.companyReferrer.findUnique({
            where: { companyId_memberId: { companyId: company.id, memberId } },
            select: { verified: true },
          });
          let verified = listed?.verified ?? false;
          if (listed === null) {
            verified = await verifiedAt(tx, memberId, company.id);
            await tx.companyReferrer.create({ data: { companyId: company.id, memberId, verified } });
          }
          const written = { company, added: listed === null, verified, receivesRequests: receives(verified) };
          await within?.(tx, written);
          return written;
        }, BURST_TRANSACTION_OPTIONS);
      try {
        return await remember();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      // A twin request listed them a moment earlier (and wrote its follow-ups) and committed: once
      // more, it finds them listed. `within` runs again with `added: false`, so a twin run of this
      // very delivery (another process took its lease over) finds it handled and rolls back, instead
      // of answering the member a second time.
      try {
        return await remember();
      } catch (error) {
        if (isUniqueViolation(error)) {
          const row = await db.companyReferrer.findUnique({
            where: { companyId_memberId: { companyId: company.id, memberId } },
            select: { verified: true },
          });
          const verified = row?.verified ?? false;
          return { company, added: false, verified, receivesRequests: receives(verified) };
        }
        throw error;
      }
    },

    async forgetCompanyReferrer(
      workspaceId: string,
      companyName: string,
      memberId: string,
    ): Promise<{ company: Company | null; removed: boolean }> {
      const company = await findCompany(workspaceId, companyName);
      if (company === null) return { company: null, removed: false };
      const { count } = await db.companyReferrer.deleteMany({ where: { companyId: company.id, memberId } });
      return { company, removed: count > 0 };
    },

    async companyReferrers(
      workspaceId: string,
      companyName: string,
    ): Promise<{ company: Company | null; members: VerifiedMember[] }> {
      const company = await findCompany(workspaceId, companyName);
      if (company === null) return { company: null, members: [] };
      const rows = await db.companyReferrer.findMany({
        where: { companyId: company.id },
        include: { member: true },
        orderBy: { createdAt: 'asc' },
      });
      return { company, members: rows.map((row) => ({ ...row.member, verified: row.verified })) };
    },

    async companiesOf(memberId: string): Promise<Array<Company & { verified: boolean }>> {
      const rows = await db.companyReferrer.findMany({
        where: { memberId },
        include: { company: true },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((row) => ({ ...row.company, verified: row.verified }));
    },
  };
}

export type CompanyDirectory = ReturnType<typeof createCompanyDirectory>;

/** What listing a referrer wrote: verified or self-declared, and whether they receive requests. */
export interface ReferrerListed {
  verified: boolean;
  /** false under `VOUCH_REFERRERS=verified` for a self-declared referrer: listed, never asked. */
  receivesRequests: boolean;
}
