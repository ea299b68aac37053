-- The history, deadlines and alarms are written by one writer alone: the engine's write statements (packages/engine
-- sql.ts), in the statement that updates or inserts their proposal, under that proposal's row lock; nothing else
-- inserts into them, and proposals are never deleted by the application. Their foreign keys checked, per inserted
-- row, what that statement already guarantees (a proposal-row lookup FOR KEY SHARE each: 22 % of the write
-- statement's time, issue 18). Dropped; schema.prisma keeps the relations, which Prisma's queries use, and says so.
ALTER TABLE "proposal_events" DROP CONSTRAINT "proposal_events_proposal_id_fkey";
ALTER TABLE "deadlines" DROP CONSTRAINT "deadlines_proposal_id_fkey";
ALTER TABLE "alarms" DROP CONSTRAINT "alarms_proposal_id_deadline_id_fkey";
