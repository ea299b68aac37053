-- Who may act for whom (issue 14): the people and directory roles an integrator key may act for (X-On-Behalf-Of),
-- and delegations from a person away to another for a period.
-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN "acts_for_people" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "acts_for_roles" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "delegations" (
    "id" TEXT NOT NULL,
    "committee_id" TEXT NOT NULL DEFAULT 'default',
    "delegator_id" TEXT NOT NULL,
    "delegate_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "roles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "reason" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by" TEXT,

    CONSTRAINT "delegations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "delegations_delegate_id_ends_at_idx" ON "delegations"("delegate_id", "ends_at");

-- CreateIndex
CREATE INDEX "delegations_delegator_id_idx" ON "delegations"("delegator_id");

-- AddForeignKey
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_delegator_id_fkey" FOREIGN KEY ("delegator_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_delegate_id_fkey" FOREIGN KEY ("delegate_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;
