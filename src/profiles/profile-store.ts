import type { Db } from '../db/client.js';
import { isEmptyProfile, type ProfileFields } from './profile-fields.js';

/** A row of `CandidateProfile` or `ReferralProfile`, as both store the fields. */
interface ProfileRow {
  profileUrl: string | null;
  resumeUrl: string | null;
  pitch: string | null;
  resumeFileId: string | null;
  resumeFileName: string | null;
}

/** The columns of a profile's fields. */
export function profileColumns(profile: ProfileFields): ProfileRow {
  return {
    profileUrl: profile.profileUrl,
    resumeUrl: profile.resumeUrl,
    pitch: profile.pitch,
    resumeFileId: profile.resumeFile?.id ?? null,
    resumeFileName: profile.resumeFile?.name ?? null,
  };
}

/** The fields of a stored profile row. */
export function profileOf(row: ProfileRow): ProfileFields {
  return {
    profileUrl: row.profileUrl,
    resumeUrl: row.resumeUrl,
    pitch: row.pitch,
    resumeFile:
      row.resumeFileId !== null ? { id: row.resumeFileId, name: row.resumeFileName ?? 'résumé' } : null,
  };
}

/** What a transaction needs to write profiles (the referral lifecycle's, the profile form's). */
type ProfileWriter = Pick<Db, 'candidateProfile' | 'referralProfile'>;

/**
 * Saves a member's profile within `tx`; an empty profile deletes the row (nothing is kept that says
 * nothing).
 */
export async function writeCandidateProfile(
  tx: ProfileWriter,
  memberId: string,
  profile: ProfileFields,
): Promise<void> {
  if (isEmptyProfile(profile)) {
    await tx.candidateProfile.deleteMany({ where: { memberId } });
    return;
  }
  const columns = profileColumns(profile);
  await tx.candidateProfile.upsert({
    where: { memberId },
    create: { memberId, ...columns },
    update: columns,
  });
}

/** Stores the profile sent with a referral request within `tx` (empty: none is kept). */
export async function writeReferralProfile(
  tx: ProfileWriter,
  referralId: string,
  profile: ProfileFields,
): Promise<void> {
  if (isEmptyProfile(profile)) {
    await tx.referralProfile.deleteMany({ where: { referralId } });
    return;
  }
  const columns = profileColumns(profile);
  await tx.referralProfile.upsert({
    where: { referralId },
    create: { referralId, ...columns },
    update: columns,
  });
}

/**
 * Candidate profiles (README in this folder): a member's own, edited from App Home, and the one sent
 * with each referral request, which only a referrer the candidate named or accepted receives.
 */
export function createProfileStore(deps: { db: Db }) {
  const { db } = deps;
  return {
    /** The member's profile; null when they have none. */
    async get(memberId: string): Promise<ProfileFields | null> {
      const row = await db.candidateProfile.findUnique({ where: { memberId } });
      return row === null ? null : profileOf(row);
    },

    /** Saves the member's profile (an empty one removes it). */
    async save(memberId: string, profile: ProfileFields): Promise<void> {
      await writeCandidateProfile(db, memberId, profile);
    },

    /** The profile the candidate sent with a referral request; null when they sent none. */
    async sentWith(referralId: string): Promise<ProfileFields | null> {
      const row = await db.referralProfile.findUnique({ where: { referralId } });
      return row === null ? null : profileOf(row);
    },

    /** `sentWith` the referral an offer (`ReferralOffer.id`) belongs to. */
    async sentWithOffer(offerId: string): Promise<ProfileFields | null> {
      const row = await db.referralProfile.findFirst({
        where: { referral: { offers: { some: { id: offerId } } } },
      });
      return row === null ? null : profileOf(row);
    },
  };
}

export type ProfileStore = ReturnType<typeof createProfileStore>;
