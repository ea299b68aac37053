export { createDatabase, type Database, type DatabaseOptions, type PoolClient } from "./client.ts";
export type {
  Alarm,
  Batch,
  BatchItem,
  Committee,
  CommitteeSession,
  Deadline,
  Notice,
  NoticeDelivery,
  Proposal,
  ProposalEvent,
  WebhookDelivery,
} from "./generated/prisma/client.ts";
export { Prisma, PrismaClient } from "./generated/prisma/client.ts";
export { checkDatabase, expectedMigrations, type MigrationState, migrationState } from "./readiness.ts";
export { isDatabaseUnavailable, TRANSACTION_WAIT_MESSAGE } from "./unavailable.ts";
