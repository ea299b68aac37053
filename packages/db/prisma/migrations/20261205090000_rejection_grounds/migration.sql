-- A rejected proposal's ground from the regulations' list (不予立案的情形: `review.reject`'s `ground`), which the
-- statistics count by. Rejections derived before it named none: `unspecified`, as the derivation says of them.
ALTER TABLE "stat_proposals" ADD COLUMN "rejection_ground" TEXT;
UPDATE "stat_proposals" SET "rejection_ground" = 'unspecified' WHERE "not_registered" = 'rejected';
