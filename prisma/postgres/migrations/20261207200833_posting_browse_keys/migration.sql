-- DropIndex
DROP INDEX "Posting_companyId_idx";

-- DropIndex
DROP INDEX "Posting_workspaceId_isJob_status_createdAt_idx";

-- AlterTable
ALTER TABLE "Posting" ADD COLUMN     "places" TEXT,
ADD COLUMN     "workplaceType" TEXT;

-- CreateIndex
CREATE INDEX "Posting_workspaceId_isJob_status_createdAt_id_idx" ON "Posting"("workspaceId", "isJob", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Posting_companyId_isJob_status_createdAt_id_idx" ON "Posting"("companyId", "isJob", "status", "createdAt", "id");
