import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@huiyin/db";
import { sealSecret } from "@huiyin/engine";
import type { TestSmtpServer } from "@huiyin/infra-local/testing/smtp";
import { createLogger } from "@huiyin/logger";
import { createQueue, queues, type RedisConnection } from "@huiyin/queue";
import type { Transporter } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NotifierTestbed, startNotifierTestbed } from "../test/testbed.ts";
import { importDirectory } from "./directory.ts";
import { type EmailSettings, type InvitationEmailJob, sendInvitationEmail } from "./email.ts";
import { rebuildNotifierJobs } from "./rebuild.ts";

/**
 * Invitations e-mailed (issue 15) against real PostgreSQL, Redis and SMTP: the link sealed on the row goes out once,
 * in the person's language, and the seal is emptied once it is delivered, given up or no longer needed.
 */
let bed: NotifierTestbed;
let database: Database;
let smtp: TestSmtpServer;
let transport: Transporter;
let connection: RedisConnection;
const logger = createLogger({ service: "notifier-invitation-test", level: "silent", format: "json" });
const keyring = [{ id: "t1", key: randomBytes(32) }];
const settings: EmailSettings = {
  from: "政协提案委员会 <tian@example.gov.cn>",
  publicBaseUrl: "https://huiyin.example",
  attempts: 3,
  backoffMs: 50,
};
const context = () => ({ database, mailer: transport, settings, keyring, timeZone: "Asia/Shanghai", logger });

beforeAll(async () => {
  bed = await startNotifierTestbed("notifier-invitation-test");
  ({ database, smtp, transport, connection } = bed);
  await importDirectory(database, {
    people: [
      { id: "wang", name: "王局长", email: "wang@zhujian.example", language: "zh-CN" },
      { id: "li", name: "Li Ming", email: "li@cppcc.example", language: "en" },
    ],
    units: [],
    roles: [],
  });
});

afterAll(() => bed.close());

/** An invitation as the api makes one when e-mail is on: the token's hash, and the token sealed to the row. */
async function invitation(personId: string, options: { expiresInMs?: number } = {}) {
  const id = `inv-${randomBytes(6).toString("hex")}`;
  const token = randomBytes(32).toString("base64url");
  await database.prisma.invitation.create({
    data: {
      id,
      personId,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: new Date(Date.now() + (options.expiresInMs ?? 3_600_000)),
      createdBy: "test",
      linkSealed: sealSecret(keyring, token, id),
      emailStatus: "queued",
    },
  });
  return { id, token };
}

const rowOf = (id: string) => database.prisma.invitation.findUniqueOrThrow({ where: { id } });
const sentTo = (address: string) => bed.to(address);

describe("an invitation e-mail", () => {
  it("carries the link to the person in their language, once, and then the sealed link is gone", async () => {
    const { id, token } = await invitation("li");
    const job: InvitationEmailJob = { invitationId: id };
    expect(await sendInvitationEmail(context(), job, false)).toBe("sent");
    // A retried or re-added job after delivery sends nothing.
    expect(await sendInvitationEmail(context(), job, false)).toBe("skipped");
    const messages = sentTo("li@cppcc.example");
    expect(messages).toHaveLength(1);
    expect(messages[0]?.subject).toMatch(/invited/);
    expect(messages[0]?.text).toContain(`https://huiyin.example/console/invitation#${token}`);
    expect(messages[0]?.messageId).toBe(`<invitation.${id}@huiyin>`);
    const row = await rowOf(id);
    expect(row).toMatchObject({ emailStatus: "delivered", linkSealed: null, emailAttempts: 1 });
    expect(row.emailedAt).not.toBeNull();
  });

  it("is retried after a refusing answer (the seal kept meanwhile), and given up with the seal emptied", async () => {
    const { id } = await invitation("wang");
    smtp.refuse(1, 451);
    await expect(sendInvitationEmail(context(), { invitationId: id }, false)).rejects.toThrow();
    expect(await rowOf(id)).toMatchObject({ emailStatus: "retrying", linkSealed: expect.any(String) });
    expect(await sendInvitationEmail(context(), { invitationId: id }, false)).toBe("sent");
    expect(sentTo("wang@zhujian.example").at(-1)?.subject).toBe("邀请您登录回音提案办理系统");

    const refused = await invitation("wang");
    smtp.refuse(1, 550);
    await expect(sendInvitationEmail(context(), { invitationId: refused.id }, false)).rejects.toThrow();
    expect(await rowOf(refused.id)).toMatchObject({ emailStatus: "dead", linkSealed: null });
  });

  it("is not sent for an invitation used, withdrawn or expired before it went out, whose seal is emptied", async () => {
    const used = await invitation("wang");
    await database.prisma.invitation.update({ where: { id: used.id }, data: { usedAt: new Date() } });
    const expired = await invitation("wang", { expiresInMs: -1_000 });
    const before = smtp.messages.length;
    for (const { id } of [used, expired]) {
      expect(await sendInvitationEmail(context(), { invitationId: id }, false)).toBe("skipped");
      expect(await rowOf(id)).toMatchObject({ emailStatus: "withdrawn", linkSealed: null });
    }
    expect(smtp.messages.length).toBe(before);
  });

  it("whose job Redis lost is added again by the notifier's rebuild, and only that one", async () => {
    const { id } = await invitation("li");
    const prefix = bed.redis.prefix;
    const queue = createQueue<InvitationEmailJob>(queues.invitationEmail, connection, { prefix });
    const notices = createQueue(queues.notices, connection, { prefix });
    const digests = createQueue(queues.digests, connection, { prefix });
    try {
      const rebuilt = await rebuildNotifierJobs({
        database,
        logger,
        redis: connection,
        queues: { notices, digests, invitationEmails: queue },
        emailSettings: settings,
      });
      expect(rebuilt.invitationEmails).toBe(1);
      const job = await queue.getJob(`invitation-email-${id}`);
      expect(job?.data).toEqual({ invitationId: id });
    } finally {
      await Promise.all([queue.close(), notices.close(), digests.close()]);
    }
  });
});
