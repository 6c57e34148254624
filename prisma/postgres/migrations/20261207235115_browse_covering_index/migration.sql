-- DropIndex
DROP INDEX "Posting_workspaceId_isJob_status_createdAt_id_idx";

-- CreateIndex
CREATE INDEX "Posting_workspaceId_isJob_status_createdAt_id_workplaceType_idx" ON "Posting"("workspaceId", "isJob", "status", "createdAt", "id", "workplaceType", "places");
