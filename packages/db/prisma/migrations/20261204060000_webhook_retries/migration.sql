-- Webhooks integrators can rely on (issue 17): the time of a delivery's next attempt kept in PostgreSQL (a Redis
-- loss rebuilds the job at that time), redeliveries that point at the delivery they send again, test pings that
-- concern no proposal, and a rotated secret's predecessor kept (sealed) for an overlap during which both sign.
-- AlterTable
ALTER TABLE "webhook_subscriptions" ADD COLUMN "previous_secret_sealed" TEXT,
ADD COLUMN "previous_secret_expires_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "webhook_deliveries" ALTER COLUMN "proposal_id" DROP NOT NULL,
ADD COLUMN "next_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN "redelivery_of" TEXT;
