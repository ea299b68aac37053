-- Invitations e-mailed when the deployment sends e-mail (issue 15). The link is a credential: its token is kept
-- sealed (AES-256-GCM under SECRETS_ENCRYPTION_KEYS, bound to the invitation's id) only until the e-mail is
-- delivered or given up, or the invitation is used or withdrawn; then the column is emptied. The status columns
-- track the one e-mail as notice_deliveries track theirs (at least once, never twice after delivery).
-- AlterTable
ALTER TABLE "invitations" ADD COLUMN "link_sealed" TEXT,
ADD COLUMN "email_status" TEXT,
ADD COLUMN "email_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "email_error" TEXT,
ADD COLUMN "emailed_at" TIMESTAMPTZ(3);
