-- Statistics with rates (issue 16): figures derived from each proposal's history, so that the unit table and the
-- session summary are aggregates over small rows instead of a replay of every event at each request.
--
-- `stat_dirty` is written in the engine's own transaction by a trigger on `proposal_events` (no engine code
-- involved): a proposal whose history grew is marked with its newest event id. The api derives the figures of the
-- marked proposals again from their history (services/api/src/stats/figures-store.ts) before it answers, and
-- removes a mark only if no newer event came meanwhile, so no event is ever missed. The derived tables can be
-- dropped and rebuilt from the history at any time (mark every proposal).

-- CreateTable
CREATE TABLE "stat_dirty" (
    "proposal_id" TEXT NOT NULL,
    "last_event_id" BIGINT NOT NULL,

    CONSTRAINT "stat_dirty_pkey" PRIMARY KEY ("proposal_id")
);

-- CreateTable
CREATE TABLE "stat_proposals" (
    "proposal_id" TEXT NOT NULL,
    "committee_id" TEXT NOT NULL,
    "session_id" TEXT,
    "category" TEXT,
    "leader_id" TEXT,
    "proposer_type" TEXT,
    "source_channel" TEXT,
    "unit_ids" TEXT[],
    "submitted_at" TIMESTAMPTZ(3),
    "registered_at" TIMESTAMPTZ(3),
    "not_registered" TEXT,
    "assigned_at" TIMESTAMPTZ(3),
    "replied_at" TIMESTAMPTZ(3),
    "replied_on_time" BOOLEAN,
    "reply_working_days" INTEGER,
    "rehandled" BOOLEAN NOT NULL DEFAULT false,
    "overdue_ever" BOOLEAN NOT NULL DEFAULT false,
    "grades_a" INTEGER NOT NULL DEFAULT 0,
    "grades_b" INTEGER NOT NULL DEFAULT 0,
    "grades_c" INTEGER NOT NULL DEFAULT 0,
    "rated_satisfied" INTEGER NOT NULL DEFAULT 0,
    "rated_basically" INTEGER NOT NULL DEFAULT 0,
    "rated_unsatisfied" INTEGER NOT NULL DEFAULT 0,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stat_proposals_pkey" PRIMARY KEY ("proposal_id")
);

-- CreateTable
CREATE TABLE "stat_parts" (
    "proposal_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "committee_id" TEXT NOT NULL,
    "session_id" TEXT,
    "submitted_at" TIMESTAMPTZ(3),
    "role" TEXT NOT NULL,
    "assigned_at" TIMESTAMPTZ(3),
    "replied_at" TIMESTAMPTZ(3),
    "replied_on_time" BOOLEAN,
    "reply_working_days" INTEGER,
    "grade" TEXT,
    "rehandled" BOOLEAN NOT NULL DEFAULT false,
    "overdue_ever" BOOLEAN NOT NULL DEFAULT false,
    "rated_satisfied" INTEGER NOT NULL DEFAULT 0,
    "rated_basically" INTEGER NOT NULL DEFAULT 0,
    "rated_unsatisfied" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "stat_parts_pkey" PRIMARY KEY ("proposal_id","unit_id")
);

-- CreateTable
CREATE TABLE "stat_ratings" (
    "proposal_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "unit_id" TEXT NOT NULL,
    "committee_id" TEXT NOT NULL,
    "proposer_id" TEXT,
    "result" TEXT NOT NULL,

    CONSTRAINT "stat_ratings_pkey" PRIMARY KEY ("proposal_id","position","unit_id")
);

-- CreateIndex
CREATE INDEX "stat_proposals_committee_id_submitted_at_idx" ON "stat_proposals"("committee_id", "submitted_at");

-- CreateIndex
CREATE INDEX "stat_proposals_committee_id_session_id_idx" ON "stat_proposals"("committee_id", "session_id");

-- CreateIndex
CREATE INDEX "stat_parts_committee_id_unit_id_idx" ON "stat_parts"("committee_id", "unit_id");

-- CreateIndex
CREATE INDEX "stat_parts_committee_id_session_id_idx" ON "stat_parts"("committee_id", "session_id");

-- CreateIndex
CREATE INDEX "stat_ratings_committee_id_unit_id_idx" ON "stat_ratings"("committee_id", "unit_id");

-- AddForeignKey
ALTER TABLE "stat_proposals" ADD CONSTRAINT "stat_proposals_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stat_parts" ADD CONSTRAINT "stat_parts_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stat_ratings" ADD CONSTRAINT "stat_ratings_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The mark, in the transaction that appends to the history: one statement-level trigger, so a bulk insert of many
-- events costs one upsert per proposal, not one per row.
CREATE FUNCTION stat_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_dirty (proposal_id, last_event_id)
  SELECT proposal_id, max(id) FROM new_events GROUP BY proposal_id
  ON CONFLICT (proposal_id) DO UPDATE SET last_event_id = GREATEST(stat_dirty.last_event_id, EXCLUDED.last_event_id);
  RETURN NULL;
END $$;

CREATE TRIGGER proposal_events_stat_dirty AFTER INSERT ON proposal_events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION stat_mark_dirty();

-- Proposals from before the figures existed: derived on the first read.
INSERT INTO stat_dirty (proposal_id, last_event_id) SELECT proposal_id, max(id) FROM proposal_events GROUP BY proposal_id;
