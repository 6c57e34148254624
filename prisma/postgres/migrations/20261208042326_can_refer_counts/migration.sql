-- "Someone can refer" as plain columns (bench figure 9: the browse's EXISTS over PostingReferrer and
-- CompanyReferrer became hashed subplans over both whole tables, 60-170 ms a query at 100,000 and
-- 50,000 rows). Each count is the number of referrer rows of the posting / the company, kept here by
-- triggers so that every write keeps it right, the cascades of an erasure included; the app never
-- writes it. Counts, not flags: +1 and -1 commute (each UPDATE re-reads the row it waited for), so
-- concurrent writes cannot leave a wrong value. The functions keep the migration's search_path (the
-- app's queries name the schema; its connections may not have it on their path).

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "referrerCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Posting" ADD COLUMN     "referrerCount" INTEGER NOT NULL DEFAULT 0;

-- Backfill
UPDATE "Posting" p SET "referrerCount" = c.n
FROM (SELECT "postingId", COUNT(*) AS n FROM "PostingReferrer" GROUP BY "postingId") c
WHERE p."id" = c."postingId";
UPDATE "Company" co SET "referrerCount" = c.n
FROM (SELECT "companyId", COUNT(*) AS n FROM "CompanyReferrer" GROUP BY "companyId") c
WHERE co."id" = c."companyId";

-- Triggers
CREATE FUNCTION "PostingReferrer_count"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "Posting" SET "referrerCount" = "referrerCount" - 1 WHERE "id" = OLD."postingId";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE "Posting" SET "referrerCount" = "referrerCount" + 1 WHERE "id" = NEW."postingId";
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "PostingReferrer_count" AFTER INSERT OR DELETE OR UPDATE OF "postingId" ON "PostingReferrer"
FOR EACH ROW EXECUTE FUNCTION "PostingReferrer_count"();

CREATE FUNCTION "CompanyReferrer_count"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "Company" SET "referrerCount" = "referrerCount" - 1 WHERE "id" = OLD."companyId";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE "Company" SET "referrerCount" = "referrerCount" + 1 WHERE "id" = NEW."companyId";
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "CompanyReferrer_count" AFTER INSERT OR DELETE OR UPDATE OF "companyId" ON "CompanyReferrer"
FOR EACH ROW EXECUTE FUNCTION "CompanyReferrer_count"();
