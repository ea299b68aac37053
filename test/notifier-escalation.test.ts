import { createDatabase, type Database } from "@huiyin/db";
import { defaultPolicy } from "@huiyin/domain";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@huiyin/infra-local/testing";
import { startTestSmtpServer, type TestSmtpServer } from "@huiyin/infra-local/testing/smtp";
import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importLeaders, lateReply } from "./support/late-reply.ts";
import { eventually, type Spawned, serviceEnv, spawnEntry } from "./support/processes.ts";

/**
 * Issue 6 end to end: the real worker and notifier as processes, a real SMTP server, the proposal machine in
 * compressed time. A reply deadline passes: level 1 goes to the unit's head (in Chinese), level 2 to the
 * supervising leader (in English), each e-mail exactly once, although the notifier is killed with SIGKILL while
 * the SMTP server has its message and has not answered it.
 */
let testDatabase: TestDatabase;
let redis: TestRedis;
let db: Database;
let smtp: TestSmtpServer;
const processes: Spawned[] = [];
const logger = createLogger({ service: "notifier-e2e", level: "silent", format: "json" });

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  redis = createTestRedis();
  db = createDatabase(testDatabase.url, { maxConnections: 4 });
  smtp = await startTestSmtpServer();
  await importLeaders(db);
});

afterAll(async () => {
  for (const spawned of processes) if (spawned.child.exitCode === null) spawned.child.kill("SIGKILL");
  await smtp.close();
  await db.close();
  await redis.cleanup();
  await testDatabase.drop();
});

async function start(name: "worker" | "notifier"): Promise<Spawned> {
  const stores = { databaseUrl: testDatabase.url, redisUrl: redis.url, prefix: redis.prefix };
  const spawned = spawnEntry(
    `services/${name}/src/main.ts`,
    await serviceEnv(stores, { SMTP_URL: smtp.url, NOTIFY_EMAIL_BACKOFF_MS: "200" }),
  );
  processes.push(spawned);
  return spawned;
}

describe("a proposal left past its reply deadline", () => {
  it("e-mails level 1 to the unit head and level 2 to the supervising leader, each once, across a notifier crash", {
    timeout: 180_000,
  }, async () => {
    const policy = { ...defaultPolicy, timeScale: 1 / 864_000 }; // a day lasts 100 ms: the reply is due in ~9 s
    // First contact is made, so the only escalations left are those of the unanswered reply.
    const proposal = { id: await lateReply({ db, logger }, "关于加快老旧小区改造的建议", policy) };

    // Nothing the first notifier sends is ever answered: it is killed with its message on the wire.
    const held = smtp.hold();
    const firstNotifier = await start("notifier");
    await start("worker");
    await held;
    firstNotifier.child.kill("SIGKILL");
    expect(await firstNotifier.exited).toBe(137);
    smtp.release();
    expect(smtp.messages).toHaveLength(0);
    const secondNotifier = await start("notifier");

    const accepted = (email: string) => smtp.messages.filter((m) => JSON.stringify(m.to).includes(email));
    // Every escalation level has fired and every e-mail has settled before anything is counted.
    await eventually(
      async () =>
        accepted("li@cppcc.example").length >= 1 &&
        (await db.prisma.alarm.count({ where: { proposalId: proposal.id, kind: "escalate", status: "pending" } })) ===
          0 &&
        (await db.prisma.noticeDelivery.count({
          where: { notice: { proposalId: proposal.id }, channel: "email", status: { not: "delivered" } },
        })) === 0,
      90_000,
      () => secondNotifier.output().slice(-3000),
    );

    const [toHead, ...moreToHead] = accepted("wang@zhujian.example");
    const [toLeader, ...moreToLeader] = accepted("li@cppcc.example");
    expect(moreToHead).toHaveLength(0);
    expect(moreToLeader).toHaveLength(0);
    expect(smtp.messages).toHaveLength(2);
    expect(toHead?.subject).toBe("【回音】逾期督办（第1级）：关于加快老旧小区改造的建议");
    expect(toHead?.text).toContain("期限：答复期限");
    expect(toHead?.text).toContain("承办单位：市住建局");
    expect(toHead?.text).toContain(`查看提案：https://huiyin.example/console/proposals/${proposal.id}`);
    expect(toLeader?.subject).toBe("[huiyin] Escalation (level 2): 关于加快老旧小区改造的建议");
    expect(toLeader?.text).toContain("Deadline: written reply");
    expect(toLeader?.text).toContain(`Open the proposal: https://huiyin.example/console/proposals/${proposal.id}`);

    const rows = await db.prisma.noticeDelivery.findMany({
      where: { notice: { proposalId: proposal.id }, channel: "email" },
      include: { notice: { select: { kind: true, level: true } } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((row) => [row.recipient, row.notice.kind, row.notice.level, row.status])).toEqual([
      ["person:wang", "deadline.escalation", 1, "delivered"],
      ["person:li", "deadline.escalation", 2, "delivered"],
    ]);
    // Each e-mail the killed notifier had on the wire (never answered) was sent again after the restart.
    const heldFor: string[] = smtp.heldFor().map((address) => `person:${address.split("@")[0]}`);
    expect(heldFor.length).toBeGreaterThan(0);
    // (One accepted message per recipient is asserted above; an attempt that timed out on a loaded machine may be
    // retried, so the others count at least one attempt, not exactly one.)
    for (const row of rows) {
      if (heldFor.includes(row.recipient)) expect(row.attempts).toBeGreaterThanOrEqual(2);
      else expect(row.attempts).toBeGreaterThanOrEqual(1);
    }
  });
});
