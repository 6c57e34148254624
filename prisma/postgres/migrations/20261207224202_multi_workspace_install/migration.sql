-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "enterpriseId" TEXT,
ADD COLUMN     "enterpriseInstall" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "teamId" TEXT;

-- CreateTable
CREATE TABLE "Installation" (
    "id" TEXT NOT NULL,
    "teamId" TEXT,
    "enterpriseId" TEXT,
    "isEnterpriseInstall" BOOLEAN NOT NULL DEFAULT false,
    "sealed" TEXT NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgWorkspace" (
    "teamId" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgWorkspace_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "WorkspaceRemoval" (
    "workspaceId" TEXT NOT NULL,
    "eraseAfter" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkspaceRemoval_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "Installation_enterpriseId_idx" ON "Installation"("enterpriseId");

-- CreateIndex
CREATE INDEX "WorkspaceRemoval_eraseAfter_idx" ON "WorkspaceRemoval"("eraseAfter");
