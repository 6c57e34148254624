-- AlterTable
ALTER TABLE "Referral" ADD COLUMN "channelId" TEXT;

-- CreateTable
CREATE TABLE "ReferralOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "referralId" TEXT NOT NULL,
    "referrerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'invited',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReferralOffer_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReferralOffer_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReferralOffer_referrerId_status_idx" ON "ReferralOffer"("referrerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralOffer_referralId_referrerId_key" ON "ReferralOffer"("referralId", "referrerId");
