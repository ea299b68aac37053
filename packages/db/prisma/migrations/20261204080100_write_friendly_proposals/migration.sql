-- Write-friendly tables (issue 18). Every transition rewrites its proposal row, and every deadline's alarms and the
-- deadline itself change status once: an update is HOT (no new index entry, the old version pruned in the page)
-- only when no indexed column changes and the page has room for the new version.

-- Room for the new version in the same page.
ALTER TABLE "proposals" SET (fillfactor = 70);

-- `updated_at` changes with every transition, so its index made every update non-HOT. Lists that filter by it
-- (updatedFrom/updatedTo) or order by it (My work) do so beside filters on committee and stage, whose index
-- narrows the rows first.
DROP INDEX "proposals_updated_at_idx";

-- Every query by stage is scoped by committee: (committee_id, stage) serves them; one index on stage less to write
-- when a transition changes the stage.
DROP INDEX "proposals_stage_idx";

-- Pending alarms and open deadlines are what is looked up (the reconciler walks pending alarms in id order; lists
-- and metrics look at open deadlines by due time); a fired alarm or a closed deadline leaves these indexes and is
-- never looked up through them again. Partial indexes: the update that closes one adds no entry to them.
DROP INDEX "alarms_status_fire_at_idx";
CREATE INDEX "alarms_pending_idx" ON "alarms" ("id") WHERE "status" = 'pending';
DROP INDEX "deadlines_status_due_at_idx";
CREATE INDEX "deadlines_open_due_at_idx" ON "deadlines" ("due_at") WHERE "status" = 'open';
