-- CreateTable
CREATE TABLE "CandidateProfile" (
    "memberId" TEXT NOT NULL,
    "profileUrl" TEXT,
    "resumeUrl" TEXT,
    "pitch" TEXT,
    "resumeFileId" TEXT,
    "resumeFileName" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CandidateProfile_pkey" PRIMARY KEY ("memberId")
);

-- CreateTable
CREATE TABLE "ReferralProfile" (
    "referralId" TEXT NOT NULL,
    "profileUrl" TEXT,
    "resumeUrl" TEXT,
    "pitch" TEXT,
    "resumeFileId" TEXT,
    "resumeFileName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReferralProfile_pkey" PRIMARY KEY ("referralId")
);

-- AddForeignKey
ALTER TABLE "CandidateProfile" ADD CONSTRAINT "CandidateProfile_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralProfile" ADD CONSTRAINT "ReferralProfile_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;
