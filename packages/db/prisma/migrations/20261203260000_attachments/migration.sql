-- Attachments (附件): files of a proposal and its events; the bytes live in the attachment store.
-- CreateTable
CREATE TABLE "attachments" (
    "id" TEXT NOT NULL,
    "proposal_id" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploader_role" TEXT NOT NULL,
    "uploader_id" TEXT NOT NULL,
    "uploader_unit_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "attachments_proposal_id_created_at_idx" ON "attachments"("proposal_id", "created_at");

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;
