-- An externalId is unique per creator, not globally: one integrator's ids neither collide with nor reveal another's.
-- AlterTable
ALTER TABLE "proposals" ADD COLUMN "created_by" TEXT;

-- The creator of each existing proposal is the actor of its first history entry.
UPDATE "proposals" AS p
   SET "created_by" = (e."actor" ->> 'role') || ':' || (e."actor" ->> 'id')
  FROM "proposal_events" AS e
 WHERE e."proposal_id" = p."id" AND e."seq" = 1;

-- DropIndex
DROP INDEX "proposals_external_id_key";

-- CreateIndex
CREATE UNIQUE INDEX "proposals_created_by_external_id_key" ON "proposals"("created_by", "external_id");
