-- DropIndex
DROP INDEX "Posting_status_checkedAt_idx";

-- DropIndex
DROP INDEX "Share_postingId_idx";

-- CreateIndex
CREATE INDEX "Posting_status_isJob_checkedAt_idx" ON "Posting"("status", "isJob", "checkedAt");

-- CreateIndex
CREATE INDEX "Share_postingId_removedAt_idx" ON "Share"("postingId", "removedAt");
