import { createDatabase, type Database } from "@huiyin/db";
import { createTestDatabase, createTestRedis, type TestRedis } from "@huiyin/infra-local/testing";
import { startTestSmtpServer, type TestSmtpServer } from "@huiyin/infra-local/testing/smtp";
import { createRedisConnection, type RedisConnection } from "@huiyin/queue";
import type { ParsedMail } from "mailparser";
import { createTransport, type Transporter } from "nodemailer";

/** What the notifier's integration tests run against: a database and a queue prefix of their own, a real SMTP server. */
export interface NotifierTestbed {
  database: Database;
  /** The URL of `database`, for processes a test starts. */
  databaseUrl: string;
  redis: TestRedis;
  connection: RedisConnection;
  smtp: TestSmtpServer;
  /** A nodemailer transport to `smtp`. */
  transport: Transporter;
  /** The messages the SMTP server accepted for an address. */
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

export async function startNotifierTestbed(name: string): Promise<NotifierTestbed> {
  const testDatabase = await createTestDatabase();
  const database = createDatabase(testDatabase.url, { maxConnections: 6 });
  const redis = createTestRedis();
  const connection = createRedisConnection({ urls: [redis.url], mode: "standalone", role: "worker", name }, () => {});
  const smtp = await startTestSmtpServer();
  const transport = createTransport(smtp.url);
  return {
    database,
    databaseUrl: testDatabase.url,
    redis,
    connection,
    smtp,
    transport,
    to: (address) => smtp.messages.filter((message) => JSON.stringify(message.to).includes(address)),
    async close() {
      transport.close();
      await smtp.close();
      await connection.quit();
      await redis.cleanup();
      await database.close();
      await testDatabase.drop();
    },
  };
}

/** A proposal being handled, with one open deadline of a unit (overdue when `dueAt` has passed). */
export async function seedProposalWithDeadline(
  database: Database,
  seed: { id: string; title: string; unitId: string; dueAt: Date; deadlineId: string; leaderId?: string },
): Promise<void> {
  await database.prisma.proposal.create({
    data: {
      id: seed.id,
      machineVersion: "test",
      snapshot: {},
      stage: "handle",
      states: ["handle.lead.awaitingReply"],
      version: 5,
      title: seed.title,
      proposerId: "member-zhang",
      unitIds: [seed.unitId],
      leaderId: seed.leaderId ?? null,
      isKey: seed.leaderId !== undefined,
    },
  });
  await database.prisma.deadline.create({
    data: {
      proposalId: seed.id,
      deadlineId: seed.deadlineId,
      kind: "reply",
      unitId: seed.unitId,
      dueAt: seed.dueAt,
      status: "open",
      openedAt: new Date(seed.dueAt.getTime() - 90 * 86_400_000),
      definition: {},
    },
  });
}
