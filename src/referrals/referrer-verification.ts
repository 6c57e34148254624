import type { Db } from '../db/client.js';
import { BURST_TRANSACTION_OPTIONS, type WithinTransaction } from '../db/within-transaction.js';
import type { CompanyDirectory } from './company-directory.js';
import { companyDomains, emailVerifies, unusableDomainReason } from './company-domains.js';
import type { Company } from './records.js';
import { ReferralError } from './referral-error.js';

/** The tables verification reads and writes, inside a transaction or not. */
export type VerificationStore = Pick<
  Db,
  'member' | 'company' | 'posting' | 'companyDomain' | 'companyReferrer' | 'postingReferrer'
>;

/** Postings whose newest shares are redrawn when a company's verified referrers change. */
const POSTINGS_REDRAWN = 50;
/** The postings whose URLs make a company's domains (its newest). */
const POSTINGS_READ = 100;

/** A referrer whose row turned verified: under `VOUCH_REFERRERS=verified` they now receive requests. */
export interface NewlyVerified {
  memberId: string;
  slackUserId: string;
  where: { postingId: string } | { companyId: string };
}

/** What a re-check changed: the cards to redraw, and who turned verified. */
export interface VerificationChanges {
  postingIds: string[];
  newlyVerified: NewlyVerified[];
}

/** A company's domains as `/vouch company-domain <company>` lists them. */
export interface CompanyDomainList {
  company: Company | null;
  domains: Array<{ domain: string; from: 'posting' | 'admin' }>;
  /** Removed by an admin: not counted even when a posting shows them. */
  removed: string[];
}

export interface ReferrerVerificationDeps {
  db: Db;
  directory: Pick<CompanyDirectory, 'ensureCompany' | 'findCompany'>;
  now?: () => Date;
}

/**
 * Verified referrers, stored on the referrer rows so cards render without asking Slack: a member's
 * Slack e-mail domain (`Member.emailDomain`, read by the Slack side with users:read.email) against the
 * company's domains (its own postings' sites and an admin's list, `company-domains.ts`). Re-checked
 * when either side changes: a member's e-mail, an admin's list.
 */
export function createReferrerVerification(deps: ReferrerVerificationDeps) {
  const { db, directory } = deps;
  const now = deps.now ?? (() => new Date());

  async function domainsOf(store: VerificationStore, companyId: string) {
    const [company, postings, listed] = await Promise.all([
      store.company.findUnique({ where: { id: companyId }, select: { displayName: true, aliases: true } }),
      store.posting.findMany({
        where: { companyId },
        select: { url: true, canonicalUrl: true },
        orderBy: { createdAt: 'desc' },
        take: POSTINGS_READ,
      }),
      store.companyDomain.findMany({ where: { companyId }, select: { domain: true, counts: true } }),
    ]);
    const aliases = Array.isArray(company?.aliases)
      ? (company.aliases as unknown[]).filter((a): a is string => typeof a === 'string')
      : [];
    const removed = listed.filter((row) => !row.counts).map((row) => row.domain);
    return {
      removed,
      domains: companyDomains({
        names: company === null ? [] : [company.displayName, ...aliases],
        postingUrls: postings.flatMap((p) => [p.url, p.canonicalUrl]),
        added: listed.filter((row) => row.counts).map((row) => row.domain),
        removed,
      }),
    };
  }

  async function domainNames(store: VerificationStore, companyId: string): Promise<string[]> {
    return (await domainsOf(store, companyId)).domains.map((d) => d.domain);
  }

  /** Whether a member, with the e-mail domain Vouch last read, is verified at a company. */
  async function verifiedAt(
    store: VerificationStore,
    memberId: string,
    companyId: string | null,
  ): Promise<boolean> {
    if (companyId === null) return false;
    const member = await store.member.findUnique({ where: { id: memberId }, select: { emailDomain: true } });
    const emailDomain = member?.emailDomain ?? null;
    // Most members never verify anywhere (no e-mail read, free mail): no need to read the company.
    if (emailDomain === null || unusableDomainReason(emailDomain) !== null) return false;
    return emailVerifies(emailDomain, await domainNames(store, companyId));
  }

  /**
   * Brings the `verified` flag of these referrer rows up to date, company by company. Returns the
   * postings whose cards show a changed row, and the rows that turned verified.
   */
  async function recheck(
    store: VerificationStore,
    rows: {
      company: Array<{ companyId: string; memberId: string; verified: boolean }>;
      posting: Array<{ postingId: string; memberId: string; verified: boolean; companyId: string | null }>;
    },
  ): Promise<VerificationChanges> {
    const memberIds = [...new Set([...rows.company, ...rows.posting].map((r) => r.memberId))];
    const members = new Map(
      (
        await store.member.findMany({
          where: { id: { in: memberIds } },
          select: { id: true, emailDomain: true, slackUserId: true },
        })
      ).map((m) => [m.id, m]),
    );
    const companyIds = [
      ...new Set([
        ...rows.company.map((r) => r.companyId),
        ...rows.posting.flatMap((r) => r.companyId ?? []),
      ]),
    ];
    const domains = new Map<string, string[]>();
    for (const companyId of companyIds) domains.set(companyId, await domainNames(store, companyId));
    const should = (memberId: string, companyId: string | null) =>
      companyId !== null &&
      emailVerifies(members.get(memberId)?.emailDomain ?? null, domains.get(companyId) ?? []);

    const changes: VerificationChanges = { postingIds: [], newlyVerified: [] };
    const redrawCompanies = new Set<string>();
    for (const row of rows.company) {
      const verified = should(row.memberId, row.companyId);
      if (verified === row.verified) continue;
      await store.companyReferrer.update({
        where: { companyId_memberId: { companyId: row.companyId, memberId: row.memberId } },
        data: { verified },
      });
      redrawCompanies.add(row.companyId);
      const slackUserId = members.get(row.memberId)?.slackUserId;
      if (verified && slackUserId !== undefined)
        changes.newlyVerified.push({
          memberId: row.memberId,
          slackUserId,
          where: { companyId: row.companyId },
        });
    }
    const postingIds = new Set<string>();
    for (const row of rows.posting) {
      const verified = should(row.memberId, row.companyId);
      if (verified === row.verified) continue;
      await store.postingReferrer.update({
        where: { postingId_memberId: { postingId: row.postingId, memberId: row.memberId } },
        data: { verified },
      });
      postingIds.add(row.postingId);
      const slackUserId = members.get(row.memberId)?.slackUserId;
      if (verified && slackUserId !== undefined)
        changes.newlyVerified.push({
          memberId: row.memberId,
          slackUserId,
          where: { postingId: row.postingId },
        });
    }
    if (redrawCompanies.size > 0) {
      const shown = await store.posting.findMany({
        where: { companyId: { in: [...redrawCompanies] }, status: 'open', isJob: true },
        select: { id: true },
        orderBy: { createdAt: 'desc' },
        take: POSTINGS_REDRAWN,
      });
      for (const posting of shown) postingIds.add(posting.id);
    }
    changes.postingIds = [...postingIds];
    return changes;
  }

  async function companyRows(store: VerificationStore, companyId: string) {
    const [company, posting] = await Promise.all([
      store.companyReferrer.findMany({ where: { companyId } }),
      store.postingReferrer.findMany({
        where: { posting: { companyId } },
        select: { postingId: true, memberId: true, verified: true },
      }),
    ]);
    return { company, posting: posting.map((row) => ({ ...row, companyId })) };
  }

  /** An admin's change to a company's list, with the re-check of its referrers, in one transaction. */
  async function changeList(
    workspaceId: string,
    companyName: string,
    domain: string,
    counts: boolean,
    within?: WithinTransaction<VerificationChanges & { company: Company; verifiedCount: number }>,
  ) {
    const company = counts
      ? await directory.ensureCompany(workspaceId, companyName)
      : await directory.findCompany(workspaceId, companyName);
    if (company === null) {
      if (!counts) return null;
      throw new ReferralError('invalid_company', `no company name in ${JSON.stringify(companyName)}`);
    }
    return db.$transaction(async (tx) => {
      await tx.companyDomain.upsert({
        where: { companyId_domain: { companyId: company.id, domain } },
        create: { companyId: company.id, domain, counts },
        update: { counts },
      });
      const changes = await recheck(tx, await companyRows(tx, company.id));
      const verifiedCount = await tx.companyReferrer.count({
        where: { companyId: company.id, verified: true },
      });
      const written = { ...changes, company, verifiedCount };
      await within?.(tx, written);
      return written;
    }, BURST_TRANSACTION_OPTIONS);
  }

  return {
    /** For the rows being written by the company directory: verified at this company right now? */
    verifiedAt,

    /**
     * Records the e-mail domain just read from Slack for a member (null: none, or unreadable) and, when
     * it changed, re-checks every referrer row of theirs in the same transaction (`within` runs only
     * when something was written). A member Vouch has no row for (erased) is not brought back.
     */
    async recordEmailDomain(
      memberId: string,
      emailDomain: string | null,
      within?: WithinTransaction<VerificationChanges>,
    ): Promise<VerificationChanges & { changed: boolean }> {
      const unchanged = { changed: false, postingIds: [], newlyVerified: [] };
      // Most profile changes (a status, a photo) leave the e-mail as it was: nothing to write then.
      const stored = await db.member.findUnique({
        where: { id: memberId },
        select: { emailDomain: true, emailCheckedAt: true },
      });
      if (stored === null || (stored.emailDomain === emailDomain && stored.emailCheckedAt !== null))
        return unchanged;
      return db.$transaction(async (tx) => {
        const member = await tx.member.findUnique({ where: { id: memberId }, select: { emailDomain: true } });
        if (member === null) return unchanged;
        const changed = member.emailDomain !== emailDomain;
        await tx.member.update({ where: { id: memberId }, data: { emailDomain, emailCheckedAt: now() } });
        let changes: VerificationChanges = { postingIds: [], newlyVerified: [] };
        if (changed) {
          const [company, posting] = await Promise.all([
            tx.companyReferrer.findMany({ where: { memberId } }),
            tx.postingReferrer.findMany({
              where: { memberId },
              select: {
                postingId: true,
                memberId: true,
                verified: true,
                posting: { select: { companyId: true } },
              },
            }),
          ]);
          changes = await recheck(tx, {
            company,
            posting: posting.map(({ posting: p, ...row }) => ({ ...row, companyId: p.companyId })),
          });
        }
        await within?.(tx, changes);
        return { changed, ...changes };
      }, BURST_TRANSACTION_OPTIONS);
    },

    /** Re-checks a company's referrers (its domains may have changed: a posting on a new own site). */
    async recheckCompany(
      companyId: string,
      within?: WithinTransaction<VerificationChanges>,
    ): Promise<VerificationChanges> {
      return db.$transaction(async (tx) => {
        const changes = await recheck(tx, await companyRows(tx, companyId));
        await within?.(tx, changes);
        return changes;
      }, BURST_TRANSACTION_OPTIONS);
    },

    /** `/vouch company-domain <company> <domain>`: the domain counts as the company's own. */
    addCompanyDomain(
      workspaceId: string,
      companyName: string,
      domain: string,
      within?: WithinTransaction<VerificationChanges & { company: Company; verifiedCount: number }>,
    ) {
      return changeList(workspaceId, companyName, domain, true, within);
    },

    /**
     * `/vouch company-domain remove <company> <domain>`: it no longer counts, from postings either.
     * null when Vouch knows no such company.
     */
    removeCompanyDomain(
      workspaceId: string,
      companyName: string,
      domain: string,
      within?: WithinTransaction<VerificationChanges & { company: Company; verifiedCount: number }>,
    ) {
      return changeList(workspaceId, companyName, domain, false, within);
    },

    /** `/vouch company-domain <company>`: its domains and where each comes from. */
    async listCompanyDomains(workspaceId: string, companyName: string): Promise<CompanyDomainList> {
      const company = await directory.findCompany(workspaceId, companyName);
      if (company === null) return { company: null, domains: [], removed: [] };
      return { company, ...(await domainsOf(db, company.id)) };
    },

    /** A company's domains, for telling a self-declared referrer why they are not verified. */
    async domainsOfCompany(companyId: string): Promise<string[]> {
      return domainNames(db, companyId);
    },

    /**
     * Slack ids of a company's referrers whose e-mail Vouch never read (listed before verification
     * existed): the Slack side reads theirs before an admin's change is re-checked.
     */
    async uncheckedReferrersAt(workspaceId: string, companyName: string, limit = 50): Promise<string[]> {
      const company = await directory.findCompany(workspaceId, companyName);
      if (company === null) return [];
      const members = await db.member.findMany({
        where: {
          emailCheckedAt: null,
          OR: [
            { companyReferrals: { some: { companyId: company.id } } },
            { postingReferrals: { some: { posting: { companyId: company.id } } } },
          ],
        },
        select: { slackUserId: true },
        take: limit,
      });
      return members.map((m) => m.slackUserId);
    },
  };
}

export type ReferrerVerification = ReturnType<typeof createReferrerVerification>;
