-- AlterTable
ALTER TABLE "CompanyReferrer" ADD COLUMN     "verified" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "emailCheckedAt" TIMESTAMP(3),
ADD COLUMN     "emailDomain" TEXT;

-- AlterTable
ALTER TABLE "PostingReferrer" ADD COLUMN     "verified" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CompanyDomain" (
    "companyId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "counts" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CompanyDomain_pkey" PRIMARY KEY ("companyId","domain")
);

-- AddForeignKey
ALTER TABLE "CompanyDomain" ADD CONSTRAINT "CompanyDomain_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
