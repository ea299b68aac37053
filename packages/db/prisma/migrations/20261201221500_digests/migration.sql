-- CreateTable
CREATE TABLE "digests" (
    "id" BIGSERIAL NOT NULL,
    "person_id" TEXT NOT NULL,
    "digest_date" DATE NOT NULL,
    "content" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "digests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "digests_digest_date_status_idx" ON "digests"("digest_date", "status");

-- CreateIndex
CREATE UNIQUE INDEX "digests_person_id_digest_date_key" ON "digests"("person_id", "digest_date");

-- AddForeignKey
ALTER TABLE "digests" ADD CONSTRAINT "digests_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;
