-- Notification channels beyond e-mail and the inbox (issue 17): a person's mobile number for SMS, and the group
-- robots (企业微信/政务微信, 钉钉) of units, leaders and the committee office, their URL and secret sealed at rest.
-- AlterTable
ALTER TABLE "people" ADD COLUMN "phone" TEXT;

-- CreateTable
CREATE TABLE "notice_robots" (
    "id" TEXT NOT NULL,
    "committee_id" TEXT NOT NULL DEFAULT 'default',
    "target" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "url_sealed" TEXT NOT NULL,
    "secret_sealed" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notice_robots_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "notice_robots_committee_id_target_kind_key" ON "notice_robots"("committee_id", "target", "kind");
