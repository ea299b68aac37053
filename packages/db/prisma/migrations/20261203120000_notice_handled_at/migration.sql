-- AlterTable
ALTER TABLE "notices" ADD COLUMN     "handled_at" TIMESTAMPTZ(3);

-- A notice that reached an inbox before this column existed was handled then.
UPDATE "notices" n SET "handled_at" = n."created_at"
 WHERE EXISTS (SELECT 1 FROM "notice_deliveries" d WHERE d."notice_id" = n."id" AND d."channel" = 'inbox');

-- CreateIndex
CREATE INDEX "notices_handled_at_idx" ON "notices"("handled_at");
