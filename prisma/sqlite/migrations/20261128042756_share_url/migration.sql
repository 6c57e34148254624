-- AlterTable
ALTER TABLE "Share" ADD COLUMN "url" TEXT;
