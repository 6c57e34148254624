-- CreateIndex
CREATE INDEX "Posting_workspaceId_jobId_idx" ON "Posting"("workspaceId", "jobId");
