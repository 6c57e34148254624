-- CreateTable
CREATE TABLE "ChannelSetting" (
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "cards" BOOLEAN,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("workspaceId", "channelId"),
    CONSTRAINT "ChannelSetting_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Share" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postingId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageTs" TEXT,
    "threadTs" TEXT,
    "cardTs" TEXT,
    "unfurlId" TEXT,
    "url" TEXT,
    "source" TEXT NOT NULL,
    "sharedById" TEXT,
    "note" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    "removedById" TEXT,
    "removedReason" TEXT,
    CONSTRAINT "Share_postingId_fkey" FOREIGN KEY ("postingId") REFERENCES "Posting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Share_sharedById_fkey" FOREIGN KEY ("sharedById") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Share_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Share" ("cardTs", "channelId", "createdAt", "dedupeKey", "id", "messageTs", "note", "postingId", "sharedById", "source", "threadTs", "unfurlId", "url") SELECT "cardTs", "channelId", "createdAt", "dedupeKey", "id", "messageTs", "note", "postingId", "sharedById", "source", "threadTs", "unfurlId", "url" FROM "Share";
DROP TABLE "Share";
ALTER TABLE "new_Share" RENAME TO "Share";
CREATE UNIQUE INDEX "Share_dedupeKey_key" ON "Share"("dedupeKey");
CREATE INDEX "Share_postingId_idx" ON "Share"("postingId");
CREATE INDEX "Share_channelId_messageTs_idx" ON "Share"("channelId", "messageTs");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
