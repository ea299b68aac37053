-- A committee's rules as data: its calendar changes (official years loaded, local days off) and its policy versions.

-- CreateTable
CREATE TABLE "calendar_changes" (
    "id" BIGSERIAL NOT NULL,
    "committee_id" TEXT NOT NULL DEFAULT 'default',
    "calendar_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER,
    "data" JSONB NOT NULL,
    "source" TEXT,
    "loaded_by" TEXT NOT NULL,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_versions" (
    "committee_id" TEXT NOT NULL DEFAULT 'default',
    "version" INTEGER NOT NULL,
    "override" JSONB NOT NULL,
    "policy" JSONB NOT NULL,
    "changed_by" TEXT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "policy_versions_pkey" PRIMARY KEY ("committee_id","version")
);

-- CreateIndex
CREATE INDEX "calendar_changes_committee_id_calendar_id_id_idx" ON "calendar_changes"("committee_id", "calendar_id", "id");
