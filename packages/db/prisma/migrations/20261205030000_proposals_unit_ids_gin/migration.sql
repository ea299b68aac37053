-- My work and the proposal list of a unit (issue 15): the proposals assigned to a unit, found through its units
-- (`unit_ids @> ARRAY[unit]`) instead of reading all 100,000. `unit_ids` changes only when units are assigned or
-- replaced, not with every transition, so the updates of the other transitions stay HOT.
CREATE INDEX "proposals_unit_ids_idx" ON "proposals" USING GIN ("unit_ids");
