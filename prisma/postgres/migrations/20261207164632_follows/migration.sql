-- CreateTable
CREATE TABLE "Follow" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "words" TEXT NOT NULL,
    "workplaceType" TEXT,
    "place" TEXT,
    "label" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowNotice" (
    "memberId" TEXT NOT NULL,
    "postingId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "batchKey" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowNotice_pkey" PRIMARY KEY ("memberId","postingId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Follow_memberId_dedupeKey_key" ON "Follow"("memberId", "dedupeKey");

-- CreateIndex
CREATE INDEX "FollowNotice_memberId_sentAt_idx" ON "FollowNotice"("memberId", "sentAt");

-- CreateIndex
CREATE INDEX "FollowNotice_postingId_idx" ON "FollowNotice"("postingId");

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowNotice" ADD CONSTRAINT "FollowNotice_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowNotice" ADD CONSTRAINT "FollowNotice_postingId_fkey" FOREIGN KEY ("postingId") REFERENCES "Posting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
