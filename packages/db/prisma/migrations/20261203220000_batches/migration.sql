-- Bulk work: a batch (one event, many proposals) and the result of each of its items.
-- CreateTable
CREATE TABLE "batches" (
    "id" TEXT NOT NULL,
    "committee_id" TEXT NOT NULL DEFAULT 'default',
    "created_by" TEXT NOT NULL,
    "api_key_id" TEXT NOT NULL,
    "idempotency_key" TEXT,
    "event" JSONB NOT NULL,
    "proposal_ids" TEXT[],
    "if_match" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "batch_items" (
    "batch_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "proposal_id" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "code" TEXT,
    "message" TEXT,
    "version" INTEGER,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "batch_items_pkey" PRIMARY KEY ("batch_id","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "batches_api_key_id_idempotency_key_key" ON "batches"("api_key_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "batches_created_at_idx" ON "batches"("created_at");

-- AddForeignKey
ALTER TABLE "batch_items" ADD CONSTRAINT "batch_items_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;
