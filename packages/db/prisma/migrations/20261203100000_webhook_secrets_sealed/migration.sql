-- Webhook secrets are stored sealed (AES-256-GCM, key from SECRETS_ENCRYPTION_KEYS). SQL has no key, so existing
-- clear secrets stay in "secret" until the api or the worker starts: both seal any remaining ones and empty it.
-- AlterTable
ALTER TABLE "webhook_subscriptions" ADD COLUMN     "secret_sealed" TEXT,
ALTER COLUMN "secret" DROP NOT NULL;
