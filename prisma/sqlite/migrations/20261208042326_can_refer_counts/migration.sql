-- "Someone can refer" as plain columns (bench figure 9: on PostgreSQL the browse's EXISTS over
-- PostingReferrer and CompanyReferrer became hashed subplans over both whole tables, 60-170 ms a
-- query at 100,000 and 50,000 rows). Each count is the number of referrer rows of the posting / the
-- company, kept here by triggers so that every write keeps it right, the cascades of an erasure
-- included; the app never writes it. Counts, not flags: +1 and -1 commute, so concurrent writes
-- cannot leave a wrong value.
--
-- ADD COLUMN rather than the table rebuild Prisma writes: same resulting schema, no copy of every row.
-- A later migration that rebuilds PostingReferrer or CompanyReferrer drops their triggers: write them
-- again there (test/integration/referrals/referrer-counts.test.ts fails otherwise).

-- AlterTable
ALTER TABLE "Company" ADD COLUMN "referrerCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Posting" ADD COLUMN "referrerCount" INTEGER NOT NULL DEFAULT 0;

-- Backfill
UPDATE "Posting" SET "referrerCount" = (
  SELECT COUNT(*) FROM "PostingReferrer" pr WHERE pr."postingId" = "Posting"."id"
) WHERE EXISTS (SELECT 1 FROM "PostingReferrer" pr WHERE pr."postingId" = "Posting"."id");
UPDATE "Company" SET "referrerCount" = (
  SELECT COUNT(*) FROM "CompanyReferrer" cr WHERE cr."companyId" = "Company"."id"
) WHERE EXISTS (SELECT 1 FROM "CompanyReferrer" cr WHERE cr."companyId" = "Company"."id");

-- Triggers
CREATE TRIGGER "PostingReferrer_count_insert" AFTER INSERT ON "PostingReferrer" BEGIN
  UPDATE "Posting" SET "referrerCount" = "referrerCount" + 1 WHERE "id" = NEW."postingId";
END;
CREATE TRIGGER "PostingReferrer_count_delete" AFTER DELETE ON "PostingReferrer" BEGIN
  UPDATE "Posting" SET "referrerCount" = "referrerCount" - 1 WHERE "id" = OLD."postingId";
END;
CREATE TRIGGER "PostingReferrer_count_update" AFTER UPDATE OF "postingId" ON "PostingReferrer"
WHEN OLD."postingId" <> NEW."postingId" BEGIN
  UPDATE "Posting" SET "referrerCount" = "referrerCount" - 1 WHERE "id" = OLD."postingId";
  UPDATE "Posting" SET "referrerCount" = "referrerCount" + 1 WHERE "id" = NEW."postingId";
END;
CREATE TRIGGER "CompanyReferrer_count_insert" AFTER INSERT ON "CompanyReferrer" BEGIN
  UPDATE "Company" SET "referrerCount" = "referrerCount" + 1 WHERE "id" = NEW."companyId";
END;
CREATE TRIGGER "CompanyReferrer_count_delete" AFTER DELETE ON "CompanyReferrer" BEGIN
  UPDATE "Company" SET "referrerCount" = "referrerCount" - 1 WHERE "id" = OLD."companyId";
END;
CREATE TRIGGER "CompanyReferrer_count_update" AFTER UPDATE OF "companyId" ON "CompanyReferrer"
WHEN OLD."companyId" <> NEW."companyId" BEGIN
  UPDATE "Company" SET "referrerCount" = "referrerCount" - 1 WHERE "id" = OLD."companyId";
  UPDATE "Company" SET "referrerCount" = "referrerCount" + 1 WHERE "id" = NEW."companyId";
END;
