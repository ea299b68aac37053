-- Several committees in one deployment (a province hosting its counties): the committees, and the column that says
-- which one a proposal, unit, person, API key, webhook subscription and audit entry belongs to. A deployment with
-- one committee never names it: everything is in 'default', which exists from the start.
-- CreateTable
CREATE TABLE "committees" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "committees_pkey" PRIMARY KEY ("id")
);

INSERT INTO "committees" ("id", "name") VALUES ('default', '政协委员会');

-- AlterTable
ALTER TABLE "proposals" ADD COLUMN "committee_id" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "units" ADD COLUMN "committee_id" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "people" ADD COLUMN "committee_id" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "api_keys" ADD COLUMN "committee_id" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "webhook_subscriptions" ADD COLUMN "committee_id" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "audit_log" ADD COLUMN "committee_id" TEXT;

-- CreateIndex
CREATE INDEX "proposals_committee_id_stage_idx" ON "proposals"("committee_id", "stage");
CREATE INDEX "units_committee_id_idx" ON "units"("committee_id");
CREATE INDEX "people_committee_id_idx" ON "people"("committee_id");
