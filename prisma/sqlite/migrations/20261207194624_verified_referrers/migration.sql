-- AlterTable
ALTER TABLE "Member" ADD COLUMN "emailCheckedAt" DATETIME;
ALTER TABLE "Member" ADD COLUMN "emailDomain" TEXT;

-- CreateTable
CREATE TABLE "CompanyDomain" (
    "companyId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "counts" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("companyId", "domain"),
    CONSTRAINT "CompanyDomain_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CompanyReferrer" (
    "companyId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verified" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("companyId", "memberId"),
    CONSTRAINT "CompanyReferrer_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CompanyReferrer_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CompanyReferrer" ("companyId", "createdAt", "memberId") SELECT "companyId", "createdAt", "memberId" FROM "CompanyReferrer";
DROP TABLE "CompanyReferrer";
ALTER TABLE "new_CompanyReferrer" RENAME TO "CompanyReferrer";
CREATE INDEX "CompanyReferrer_memberId_idx" ON "CompanyReferrer"("memberId");
CREATE TABLE "new_PostingReferrer" (
    "postingId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verified" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("postingId", "memberId"),
    CONSTRAINT "PostingReferrer_postingId_fkey" FOREIGN KEY ("postingId") REFERENCES "Posting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PostingReferrer_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PostingReferrer" ("createdAt", "memberId", "postingId") SELECT "createdAt", "memberId", "postingId" FROM "PostingReferrer";
DROP TABLE "PostingReferrer";
ALTER TABLE "new_PostingReferrer" RENAME TO "PostingReferrer";
CREATE INDEX "PostingReferrer_memberId_idx" ON "PostingReferrer"("memberId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
