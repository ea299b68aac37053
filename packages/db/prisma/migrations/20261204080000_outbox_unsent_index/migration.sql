-- The relay claims unsent rows in id order. An index of every row ((sent_at, id)) kept a day of sent rows, and
-- their dead versions, under the claim; a partial index holds only what is still to be sent (issue 18).
-- Partial indexes are outside Prisma's schema language: schema.prisma says so beside OutboxMessage.
CREATE INDEX "outbox_unsent_idx" ON "outbox" ("id") WHERE "sent_at" IS NULL;

-- Pruning (sent rows older than the retention) walks the sent rows alone, oldest first.
DROP INDEX "outbox_sent_at_id_idx";
CREATE INDEX "outbox_sent_at_idx" ON "outbox" ("sent_at") WHERE "sent_at" IS NOT NULL;
