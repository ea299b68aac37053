-- Webhook secrets are stored sealed (AES-256-GCM, key from SECRETS_ENCRYPTION_KEYS). SQL has no key, so existing
-- clear secrets stay in "secret" until the api or the worker starts: both seal any remaining ones and empty it.
-- AlterTable
ALTER TABLE "webhook_subscriptions" ADD COLUMN     "secret_sealed" TEXT,
ALTER COLUMN "secret" DROP NOT NULL;

-- Errors recorded before the outbound policy could name internal hosts and system errors (what a port scan
-- reads): keep only the kind of failure, as the worker now writes it.
UPDATE "webhook_deliveries" SET "last_error" = 'connection failed'
WHERE "last_error" IS NOT NULL AND "last_error" !~ '^HTTP [0-9]{3}$';
