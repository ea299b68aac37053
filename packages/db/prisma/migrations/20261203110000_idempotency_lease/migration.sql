-- AlterTable
ALTER TABLE "idempotent_requests" ADD COLUMN     "lease_until" TIMESTAMPTZ(3),
ADD COLUMN     "owner" TEXT;
