import type { Database } from "@huiyin/db";
import type { TestRedis } from "@huiyin/infra-local/testing";
import type { TestSmtpServer } from "@huiyin/infra-local/testing/smtp";
import { createLogger } from "@huiyin/logger";
import { verifyAckSignature } from "@huiyin/notify";
import { createQueue, queues, type RedisConnection } from "@huiyin/queue";
import type { Transporter } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NotifierTestbed, seedProposalWithDeadline, startNotifierTestbed } from "../test/testbed.ts";
import { importDirectory } from "./directory.ts";
import { type EmailJob, type EmailSettings, enqueueEmails, planEmails, sendEmail, startEmailWorker } from "./email.ts";

/** The e-mail channel against real PostgreSQL, Redis (BullMQ retries) and a real SMTP server. */
let bed: NotifierTestbed;
let database: Database;
let redis: TestRedis;
let connection: RedisConnection;
let smtp: TestSmtpServer;
let transport: Transporter;
const logger = createLogger({ service: "notifier-email-test", level: "silent", format: "json" });
const secret = "k".repeat(40);
const settings: EmailSettings = {
  from: "政协提案委员会 <tian@example.gov.cn>",
  publicBaseUrl: "https://huiyin.example",
  linkSecret: secret,
  attempts: 3,
  backoffMs: 50,
};
const dueAt = new Date(Date.now() - 3 * 86_400_000);

beforeAll(async () => {
  bed = await startNotifierTestbed("notifier-email-test");
  ({ database, redis, connection, smtp, transport } = bed);
  await importDirectory(database, {
    people: [
      { id: "wang", name: "王局长", email: "wang@zhujian.example", language: "zh-CN" },
      { id: "li", name: "Li Ming", email: "li@cppcc.example", language: "en" },
      { id: "zhao", name: "赵主任", email: "zhao@cppcc.example", channels: { "*": ["inbox"] } },
      { id: "chen", name: "陈委员", email: "chen@member.example", channels: { "*": ["inbox", "email"] } },
    ],
    units: [{ id: "u-1", name: "市住建局", headPersonId: "wang", supervisorLeaderId: "leader-9" }],
    roles: [
      { role: "leader", scope: "leader-9", personId: "li" },
      { role: "staff-head", personId: "zhao" },
      { role: "proposer", scope: "member-7", personId: "chen" },
    ],
  });
});

afterAll(() => bed.close());

/** A proposal with an overdue reply deadline of unit u-1, and one notice about it. */
async function overdueProposal(id: string): Promise<void> {
  await seedProposalWithDeadline(database, {
    id,
    title: "关于加强社区居家养老服务的建议",
    unitId: "u-1",
    dueAt,
    deadlineId: "dl1-reply",
  });
}

async function escalation(proposalId: string, level: number, recipients: unknown[]): Promise<string> {
  const id = `${proposalId}.${10 + level}.0`;
  await database.prisma.notice.create({
    data: {
      id,
      proposalId,
      deadlineId: "dl1-reply",
      kind: "deadline.escalation",
      level,
      recipients: recipients as never,
      content: { topic: "deadline.escalation", level },
    },
  });
  return id;
}

const context = () => ({ database, mailer: transport, settings, logger });
const deliveryOf = (noticeId: string, personId: string) =>
  database.prisma.noticeDelivery.findUniqueOrThrow({
    where: { noticeId_channel_recipient: { noticeId, channel: "email", recipient: `person:${personId}` } },
  });
const to = (personEmail: string) => bed.to(personEmail);

describe("e-mail delivery", () => {
  it("sends level 1 to the unit head in Chinese and level 2 to the supervising leader in English, each once", async () => {
    await overdueProposal("p_mail1");
    const level1 = await escalation("p_mail1", 1, [{ role: "unit-head", unitId: "u-1" }]);
    const jobs1 = await planEmails(database, level1, logger);
    expect(jobs1).toEqual([{ noticeId: level1, personId: "wang" }]);
    expect((await deliveryOf(level1, "wang")).status).toBe("queued");
    // The same job three times (a retry after a crash, a re-added job): one e-mail.
    const outcomes = [];
    for (let run = 0; run < 3; run += 1) outcomes.push(await sendEmail(context(), jobs1[0] as EmailJob, false));
    expect(outcomes).toEqual(["sent", "skipped", "skipped"]);
    const [chinese, ...more] = to("wang@zhujian.example");
    expect(more).toHaveLength(0);
    expect(chinese?.subject).toBe("【回音】逾期督办（第1级）：关于加强社区居家养老服务的建议");
    expect(chinese?.text).toContain("承办单位：市住建局");
    expect(chinese?.text).toContain("已逾期：3 天");
    expect(chinese?.text).toContain("查看提案：https://huiyin.example/console/proposals/p_mail1");
    expect(chinese?.messageId).toBe(`<${level1}.wang@huiyin>`);
    expect(chinese?.headers.get("x-huiyin-notice")).toBe(level1);
    const delivered = await deliveryOf(level1, "wang");
    expect([delivered.status, delivered.attempts, delivered.deliveredAt === null]).toEqual(["delivered", 1, false]);

    const level2 = await escalation("p_mail1", 2, [{ role: "supervising-leader" }]);
    const jobs2 = await planEmails(database, level2, logger);
    expect(jobs2).toEqual([{ noticeId: level2, personId: "li" }]);
    await sendEmail(context(), jobs2[0] as EmailJob, false);
    const english = to("li@cppcc.example");
    expect(english).toHaveLength(1);
    expect(english[0]?.subject).toBe("[huiyin] Escalation (level 2): 关于加强社区居家养老服务的建议");
    expect(english[0]?.text).toContain("Overdue by: 3 days");
    expect(english[0]?.text).toContain("Notified before: 王局长");
    expect(english[0]?.text).toContain("Expected: reply to the proposer in writing");
    const ack = new URL(/Acknowledge: (\S+)/.exec(english[0]?.text ?? "")?.[1] ?? "https://x/");
    expect(ack.pathname).toBe(`/v1/notifications/${level2}/ack-link`);
    const expires = Number(ack.searchParams.get("exp"));
    expect(verifyAckSignature(secret, level2, "li", expires, ack.searchParams.get("sig") ?? "")).toBe(true);
  });

  it("tells a proposer who handles the proposal by the units' names, and carries the accepted reply", async () => {
    await overdueProposal("p_mailp");
    const proposer = [{ role: "proposer", id: "member-7" }];
    const notice = async (seq: number, content: Record<string, unknown>) => {
      const id = `p_mailp.${seq}.0`;
      await database.prisma.notice.create({
        data: {
          id,
          proposalId: "p_mailp",
          kind: String(content.topic),
          recipients: proposer,
          content: content as never,
        },
      });
      const jobs = await planEmails(database, id, logger);
      expect(jobs).toEqual([{ noticeId: id, personId: "chen" }]);
      expect(await sendEmail(context(), jobs[0] as EmailJob, false)).toBe("sent");
    };
    await notice(3, {
      topic: "assignment.announced",
      recipients: proposer,
      units: [
        { unitId: "u-1", role: "lead" },
        { unitId: "u-gone", role: "co" },
      ],
    });
    await notice(9, {
      topic: "reply.released",
      recipients: proposer,
      replies: [{ unitId: "u-1", classification: "A", text: "已完成改造 12 处。", at: dueAt.toISOString() }],
    });
    const [announced, released, ...more] = to("chen@member.example");
    expect(more).toHaveLength(0);
    expect(announced?.subject).toBe("【回音】提案已交办：关于加强社区居家养老服务的建议");
    // A unit not (or no longer) in the directory shows by its id.
    expect(announced?.text).toContain("承办单位：市住建局（主办）、u-gone（会办）");
    expect(released?.subject).toBe("【回音】提案答复：关于加强社区居家养老服务的建议");
    expect(released?.text).toContain("市住建局的答复：A类（所提问题已经解决或采纳）\n已完成改造 12 处。");
  });

  it("sends nothing by e-mail to people who chose the inbox only, or who are not in the directory", async () => {
    await overdueProposal("p_mail2");
    const notice = await escalation("p_mail2", 1, [{ role: "staff-head" }, { role: "chairs-meeting" }]);
    expect(await planEmails(database, notice, logger)).toEqual([]);
    expect(await database.prisma.noticeDelivery.count({ where: { noticeId: notice } })).toBe(0);
  });

  describe("through BullMQ", () => {
    const queue = () => createQueue<EmailJob>(queues.noticeEmail, connection, { prefix: redis.prefix });

    async function runUntilSettled(noticeId: string, personId: string) {
      const worker = startEmailWorker({ ...context(), redis: connection, prefix: redis.prefix });
      const producer = queue();
      try {
        await enqueueEmails(producer, await planEmails(database, noticeId, logger), settings);
        // The same jobs again, as a relay or a retried notice job would: still one job per e-mail.
        await enqueueEmails(producer, await planEmails(database, noticeId, logger), settings);
        for (;;) {
          const row = await deliveryOf(noticeId, personId);
          if (row.status === "delivered" || row.status === "dead") return row;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        await worker.close();
        await producer.close();
      }
    }

    it("retries a server that refuses for a while, and the message arrives once", async () => {
      await overdueProposal("p_mail3");
      const notice = await escalation("p_mail3", 1, [{ role: "unit-head", unitId: "u-1" }]);
      const before = to("wang@zhujian.example").length;
      const refusedBefore = smtp.refusals();
      smtp.refuse(2);
      const row = await runUntilSettled(notice, "wang");
      expect(smtp.refusals() - refusedBefore).toBe(2);
      expect([row.status, row.attempts]).toEqual(["delivered", 3]);
      const arrived = to("wang@zhujian.example").slice(before);
      expect(arrived.map((message) => message.headers.get("x-huiyin-notice"))).toEqual([notice]);
    });

    it("gives up on a server that never accepts: the delivery is dead, with the answer", async () => {
      await overdueProposal("p_mail4");
      const notice = await escalation("p_mail4", 2, [{ role: "supervising-leader" }]);
      smtp.refuse(Number.POSITIVE_INFINITY);
      try {
        const row = await runUntilSettled(notice, "li");
        expect([row.status, row.attempts, row.deliveredAt]).toEqual(["dead", settings.attempts, null]);
        expect(row.lastError).toContain("451");
      } finally {
        smtp.refuse(0);
      }
      expect(smtp.messages.some((message) => message.headers.get("x-huiyin-notice") === notice)).toBe(false);
    });

    it("gives up at once on a permanent refusal (5xx)", async () => {
      await overdueProposal("p_mail5");
      const notice = await escalation("p_mail5", 1, [{ role: "unit-head", unitId: "u-1" }]);
      smtp.refuse(Number.POSITIVE_INFINITY, 550);
      try {
        const row = await runUntilSettled(notice, "wang");
        expect([row.status, row.attempts]).toEqual(["dead", 1]);
        expect(row.lastError).toContain("550");
      } finally {
        smtp.refuse(0);
      }
    });
  });
});
