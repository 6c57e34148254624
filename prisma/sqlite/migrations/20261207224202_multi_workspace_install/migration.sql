-- CreateTable
CREATE TABLE "Installation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT,
    "enterpriseId" TEXT,
    "isEnterpriseInstall" BOOLEAN NOT NULL DEFAULT false,
    "sealed" TEXT NOT NULL,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OrgWorkspace" (
    "teamId" TEXT NOT NULL PRIMARY KEY,
    "enterpriseId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WorkspaceRemoval" (
    "workspaceId" TEXT NOT NULL PRIMARY KEY,
    "eraseAfter" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- AlterTable (columns added in place: no rebuild of a possibly large Job table)
ALTER TABLE "Job" ADD COLUMN "teamId" TEXT;
ALTER TABLE "Job" ADD COLUMN "enterpriseId" TEXT;
ALTER TABLE "Job" ADD COLUMN "enterpriseInstall" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Installation_enterpriseId_idx" ON "Installation"("enterpriseId");

-- CreateIndex
CREATE INDEX "WorkspaceRemoval_eraseAfter_idx" ON "WorkspaceRemoval"("eraseAfter");
