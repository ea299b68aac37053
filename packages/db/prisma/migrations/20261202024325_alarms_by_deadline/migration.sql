-- CreateIndex
CREATE INDEX "alarms_proposal_id_deadline_id_idx" ON "alarms"("proposal_id", "deadline_id");
