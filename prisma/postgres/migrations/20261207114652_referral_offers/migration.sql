-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('invited', 'offered', 'accepted', 'declined');

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "channelId" TEXT;

-- CreateTable
CREATE TABLE "ReferralOffer" (
    "id" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "referrerId" TEXT NOT NULL,
    "status" "OfferStatus" NOT NULL DEFAULT 'invited',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReferralOffer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferralOffer_referrerId_status_idx" ON "ReferralOffer"("referrerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralOffer_referralId_referrerId_key" ON "ReferralOffer"("referralId", "referrerId");

-- AddForeignKey
ALTER TABLE "ReferralOffer" ADD CONSTRAINT "ReferralOffer_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralOffer" ADD CONSTRAINT "ReferralOffer_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
