-- CreateTable
CREATE TABLE "CandidateProfile" (
    "memberId" TEXT NOT NULL PRIMARY KEY,
    "profileUrl" TEXT,
    "resumeUrl" TEXT,
    "pitch" TEXT,
    "resumeFileId" TEXT,
    "resumeFileName" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CandidateProfile_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReferralProfile" (
    "referralId" TEXT NOT NULL PRIMARY KEY,
    "profileUrl" TEXT,
    "resumeUrl" TEXT,
    "pitch" TEXT,
    "resumeFileId" TEXT,
    "resumeFileName" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReferralProfile_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
