-- Saved filters of the proposals list, per person (issue 15): a name and the list's query string.
-- CreateTable
CREATE TABLE "saved_filters" (
    "id" TEXT NOT NULL,
    "committee_id" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_filters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "saved_filters_committee_id_owner_id_name_key" ON "saved_filters"("committee_id", "owner_id", "name");
