-- CreateTable
CREATE TABLE "ChannelDigest" (
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "coveredUntil" DATETIME NOT NULL,
    "nextDueAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("workspaceId", "channelId"),
    CONSTRAINT "ChannelDigest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ChannelDigest_nextDueAt_idx" ON "ChannelDigest"("nextDueAt");
