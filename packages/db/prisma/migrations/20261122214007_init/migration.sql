-- CreateTable
CREATE TABLE "proposals" (
    "id" TEXT NOT NULL,
    "external_id" TEXT,
    "machine_version" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "stage" TEXT NOT NULL,
    "states" TEXT[],
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT,
    "proposer_id" TEXT NOT NULL,
    "unit_ids" TEXT[],
    "leader_id" TEXT,
    "is_key" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "proposals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proposal_events" (
    "id" BIGSERIAL NOT NULL,
    "proposal_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actor" JSONB NOT NULL,
    "payload" JSONB NOT NULL,
    "from_states" TEXT[],
    "to_states" TEXT[],
    "machine_version" TEXT NOT NULL,
    "idempotency_key" TEXT,
    "request_id" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "proposal_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dropped_events" (
    "id" BIGSERIAL NOT NULL,
    "proposal_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dropped_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deadlines" (
    "proposal_id" TEXT NOT NULL,
    "deadline_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "unit_id" TEXT,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "definition" JSONB NOT NULL,

    CONSTRAINT "deadlines_pkey" PRIMARY KEY ("proposal_id","deadline_id")
);

-- CreateTable
CREATE TABLE "alarms" (
    "id" TEXT NOT NULL,
    "proposal_id" TEXT NOT NULL,
    "deadline_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 0,
    "fire_at" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "fired_at" TIMESTAMPTZ(3),

    CONSTRAINT "alarms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox" (
    "id" BIGSERIAL NOT NULL,
    "proposal_id" TEXT,
    "action" TEXT NOT NULL,
    "job_name" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "run_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notices" (
    "id" TEXT NOT NULL,
    "proposal_id" TEXT NOT NULL,
    "deadline_id" TEXT,
    "kind" TEXT NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 0,
    "recipients" JSONB NOT NULL,
    "content" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" TEXT,

    CONSTRAINT "notices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "notice_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "delivered_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notice_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "proposals_external_id_key" ON "proposals"("external_id");

-- CreateIndex
CREATE INDEX "proposals_stage_idx" ON "proposals"("stage");

-- CreateIndex
CREATE INDEX "proposals_updated_at_idx" ON "proposals"("updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "proposal_events_proposal_id_seq_key" ON "proposal_events"("proposal_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "proposal_events_proposal_id_idempotency_key_key" ON "proposal_events"("proposal_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "dropped_events_proposal_id_idx" ON "dropped_events"("proposal_id");

-- CreateIndex
CREATE INDEX "deadlines_status_due_at_idx" ON "deadlines"("status", "due_at");

-- CreateIndex
CREATE INDEX "alarms_status_fire_at_idx" ON "alarms"("status", "fire_at");

-- CreateIndex
CREATE INDEX "outbox_sent_at_id_idx" ON "outbox"("sent_at", "id");

-- CreateIndex
CREATE INDEX "notices_proposal_id_idx" ON "notices"("proposal_id");

-- CreateIndex
CREATE UNIQUE INDEX "notice_deliveries_notice_id_channel_recipient_key" ON "notice_deliveries"("notice_id", "channel", "recipient");

-- AddForeignKey
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_proposal_id_deadline_id_fkey" FOREIGN KEY ("proposal_id", "deadline_id") REFERENCES "deadlines"("proposal_id", "deadline_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_deliveries" ADD CONSTRAINT "notice_deliveries_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE CASCADE ON UPDATE CASCADE;
