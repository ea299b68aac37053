-- Running proposals moved to a new machine version or new rules: a run of a plan and its per-proposal items.
-- CreateTable
CREATE TABLE "migration_runs" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "plan" JSONB NOT NULL,
    "dry_run" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "started_by" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "migration_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "migration_items" (
    "run_id" TEXT NOT NULL,
    "proposal_id" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "report" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "migration_items_pkey" PRIMARY KEY ("run_id","proposal_id")
);

-- CreateIndex
CREATE INDEX "migration_runs_plan_id_status_idx" ON "migration_runs"("plan_id", "status");

-- CreateIndex
CREATE INDEX "migration_items_run_id_outcome_idx" ON "migration_items"("run_id", "outcome");

-- AddForeignKey
ALTER TABLE "migration_items" ADD CONSTRAINT "migration_items_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "migration_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
