-- AlterTable
ALTER TABLE "Share" ADD COLUMN     "removedAt" TIMESTAMP(3),
ADD COLUMN     "removedById" TEXT,
ADD COLUMN     "removedReason" TEXT;

-- CreateTable
CREATE TABLE "ChannelSetting" (
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "cards" BOOLEAN,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelSetting_pkey" PRIMARY KEY ("workspaceId","channelId")
);

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelSetting" ADD CONSTRAINT "ChannelSetting_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
