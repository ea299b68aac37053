-- The committee's year: sessions (届次) with their plenary dates and number counters; a proposal's session,
-- plenary flag, number and origin copied out of its snapshot for lists, search by number and statistics.
-- CreateTable
CREATE TABLE "committee_sessions" (
    "id" TEXT NOT NULL,
    "committee_id" TEXT NOT NULL DEFAULT 'default',
    "name" TEXT NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "plenary_starts_on" DATE NOT NULL,
    "plenary_ends_on" DATE NOT NULL,
    "number_pattern" TEXT NOT NULL DEFAULT '{n}',
    "last_number" INTEGER NOT NULL DEFAULT 0,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "committee_sessions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "committee_sessions_span_check" CHECK ("starts_on" <= "plenary_starts_on"
        AND "plenary_starts_on" <= "plenary_ends_on" AND "plenary_ends_on" <= "ends_on"),
    CONSTRAINT "committee_sessions_last_number_check" CHECK ("last_number" >= 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "committee_sessions_committee_id_name_key" ON "committee_sessions"("committee_id", "name");

-- CreateIndex
CREATE INDEX "committee_sessions_committee_id_starts_on_idx" ON "committee_sessions"("committee_id", "starts_on");

-- AlterTable
ALTER TABLE "proposals" ADD COLUMN "session_id" TEXT,
ADD COLUMN "plenary" BOOLEAN,
ADD COLUMN "number" INTEGER,
ADD COLUMN "number_label" TEXT,
ADD COLUMN "proposer_type" TEXT,
ADD COLUMN "source_channel" TEXT;

-- CreateIndex: a number is never given twice in a session
CREATE UNIQUE INDEX "proposals_session_id_number_key" ON "proposals"("session_id", "number");

-- CreateIndex
CREATE INDEX "proposals_number_label_idx" ON "proposals"("number_label");

-- AddForeignKey
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "committee_sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
