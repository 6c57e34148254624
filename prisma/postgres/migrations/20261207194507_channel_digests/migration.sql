-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('daily', 'weekly');

-- CreateTable
CREATE TABLE "ChannelDigest" (
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "frequency" "DigestFrequency" NOT NULL,
    "coveredUntil" TIMESTAMP(3) NOT NULL,
    "nextDueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelDigest_pkey" PRIMARY KEY ("workspaceId","channelId")
);

-- CreateIndex
CREATE INDEX "ChannelDigest_nextDueAt_idx" ON "ChannelDigest"("nextDueAt");

-- AddForeignKey
ALTER TABLE "ChannelDigest" ADD CONSTRAINT "ChannelDigest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
