-- Disclosure (公开): a proposal and its accepted reply as published, with the redactions recorded.
-- CreateTable
CREATE TABLE "publications" (
    "proposal_id" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "redactions" JSONB NOT NULL,
    "published_by" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdrawn_by" TEXT,
    "withdraw_reason" TEXT,

    CONSTRAINT "publications_pkey" PRIMARY KEY ("proposal_id")
);

-- CreateIndex
CREATE INDEX "publications_published_at_idx" ON "publications"("published_at");

-- AddForeignKey
ALTER TABLE "publications" ADD CONSTRAINT "publications_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;
