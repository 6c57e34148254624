import type { Db } from '../db/client.js';
import { isUniqueViolation, retryOnConflict } from '../db/unique-violation.js';
import { BURST_TRANSACTION_OPTIONS, type WithinTransaction } from '../db/within-transaction.js';
import { displayCompanyName, normalizeCompanyName } from './company-names.js';
import type { Members } from './members.js';
import type { Company, Member, Posting } from './records.js';
import { ReferralError } from './referral-error.js';

export interface CompanyDirectoryDeps {
  db: Db;
  members: Pick<Members, 'membersIn'>;
}

/**
 * Who can refer where: companies by normalised name, the "who can refer at <company>" directory, and
 * the members listed on one posting's card ("I can refer").
 */
export function createCompanyDirectory(deps: CompanyDirectoryDeps) {
  const { db, members } = deps;

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

    /** Members who can refer for a posting: on the posting first, then the company directory. */
    async referrersFor(posting: Posting): Promise<Member[]> {
      const [onPosting, atCompany] = await Promise.all([
        db.postingReferrer.findMany({ where: { postingId: posting.id }, select: { memberId: true } }),
        posting.companyId === null
          ? Promise.resolve([])
          : db.companyReferrer.findMany({
              where: { companyId: posting.companyId },
              select: { memberId: true },
            }),
      ]);
      const ids = [...new Set([...onPosting, ...atCompany].map((row) => row.memberId))];
      return members.membersIn(ids);
    },

    /**
     * "I can refer" toggles: on → the member is listed on this posting's card; off → removed.
     * Idempotent under double clicks: create races end in the unique constraint.
     */
    async toggleReferrer(
      postingId: string,
      memberId: string,
      within?: WithinTransaction<{ isReferrer: boolean }>,
    ): Promise<{ isReferrer: boolean }> {
      try {
        return await db.$transaction(async (tx) => {
          const removed = await tx.postingReferrer.deleteMany({ where: { postingId, memberId } });
          if (removed.count === 0) await tx.postingReferrer.create({ data: { postingId, memberId } });
          const written = { isReferrer: removed.count === 0 };
          await within?.(tx, written);
          return written;
        }, BURST_TRANSACTION_OPTIONS);
      } catch (error) {
        // A twin click listed them a moment earlier: listed is what both asked for.
        if (isUniqueViolation(error)) return { isReferrer: true };
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
      within?: WithinTransaction<{ company: Company; added: boolean }>,
    ): Promise<{ company: Company; added: boolean }> {
      const company = await ensureCompany(workspaceId, companyName);
      if (company === null)
        throw new ReferralError('invalid_company', `no company name in ${JSON.stringify(companyName)}`);
      try {
        return await db.$transaction(async (tx) => {
          const listed = await tx.companyReferrer.findUnique({
            where: { companyId_memberId: { companyId: company.id, memberId } },
            select: { memberId: true },
          });
          if (listed === null) await tx.companyReferrer.create({ data: { companyId: company.id, memberId } });
          const written = { company, added: listed === null };
          await within?.(tx, written);
          return written;
        }, BURST_TRANSACTION_OPTIONS);
      } catch (error) {
        // A twin request listed them a moment earlier (and wrote its follow-ups).
        if (isUniqueViolation(error)) return { company, added: false };
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
    ): Promise<{ company: Company | null; members: Member[] }> {
      const company = await findCompany(workspaceId, companyName);
      if (company === null) return { company: null, members: [] };
      const rows = await db.companyReferrer.findMany({
        where: { companyId: company.id },
        include: { member: true },
        orderBy: { createdAt: 'asc' },
      });
      return { company, members: rows.map((row) => row.member) };
    },

    async companiesOf(memberId: string): Promise<Company[]> {
      const rows = await db.companyReferrer.findMany({
        where: { memberId },
        include: { company: true },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((row) => row.company);
    },
  };
}

export type CompanyDirectory = ReturnType<typeof createCompanyDirectory>;
