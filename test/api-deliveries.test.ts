import { startTestSmtpServer, type TestSmtpServer } from "@huiyin/infra-local/testing/smtp";
import { createQueue, createRedisConnection, type JobPayload, queues, type RedisConnection } from "@huiyin/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmailRequeue, emailRequeue } from "../services/api/src/notifications/email-requeue.ts";
import { type ApiHarness, type ApiResponse, startApi } from "./support/api.ts";
import { type Contract, openApiContract } from "./support/contract.ts";
import { eventually, type Spawned, serviceEnv, spawnEntry } from "./support/processes.ts";

/**
 * Delivery status per channel and the dead letters, end to end: the real worker and notifier as processes, an
 * SMTP server that refuses every recipient, the API over real HTTP. A notice's e-mails die after their attempts;
 * the back office sees them dead, each caller sees only their own deliveries; once the server recovers, an
 * admin's retry (repeated) sends the e-mail exactly once.
 */
let api: ApiHarness;
let contract: Contract;
let smtp: TestSmtpServer;
let connection: RedisConnection;
let requeue: EmailRequeue | undefined;
let emailQueue: ReturnType<typeof createQueue<JobPayload<"email">>>;
let keys: Record<"staff" | "water" | "roads" | "proposer" | "leader" | "integrator", string>;
let proposalId: string;
let assignedNoticeId: string;
const processes: Spawned[] = [];

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  smtp.refuse(Number.POSITIVE_INFINITY, 451);
  // The api gets the e-mail queue of this file's Redis prefix, which exists once the harness does.
  api = await startApi({
    overrides: {
      emailRequeue: {
        requeue: (noticeId, personId) => {
          if (!requeue) throw new Error("the e-mail queue is not open yet");
          return requeue.requeue(noticeId, personId);
        },
      },
    },
  });
  connection = createRedisConnection(
    { urls: [api.redis.url], mode: "standalone", role: "producer", name: "deliveries-test" },
    () => {},
  );
  emailQueue = createQueue<JobPayload<"email">>(queues.noticeEmail, connection, { prefix: api.redis.prefix });
  requeue = emailRequeue(emailQueue, {
    attempts: 2,
    backoffMs: 100,
  });
  contract = await openApiContract(api);
  keys = {
    staff: await api.issueKey("staff", "staff-1"),
    water: await api.issueKey("unit", "clerk-w", "water"),
    roads: await api.issueKey("unit", "clerk-r", "roads"),
    proposer: await api.issueKey("proposer", "member-1"),
    leader: await api.issueKey("leader", "leader-9"),
    integrator: await api.issueKey("integrator", "oa"),
  };
  // Each unit's contact wants assignments by e-mail too; the directory is built through the API.
  const assignedByEmail = { "proposal.assigned": ["inbox", "email"] };
  for (const [id, unit, email] of [
    ["chen", "water", "chen@water.example"],
    ["liu", "roads", "liu@roads.example"],
  ] as const) {
    const person = await api.call("PUT", `/v1/directory/people/${id}`, {
      body: { name: id, email, channels: assignedByEmail },
    });
    expect(person.status).toBe(201);
    expect((await api.call("PUT", `/v1/directory/roles/unit:${unit}/people/${id}`)).status).toBe(201);
  }
  processes.push(await start("worker"), await start("notifier"));
});

afterAll(async () => {
  for (const spawned of processes) if (spawned.child.exitCode === null) spawned.child.kill("SIGKILL");
  await smtp.close();
  connection.disconnect();
  await api.close();
});

async function start(name: "worker" | "notifier"): Promise<Spawned> {
  const stores = { databaseUrl: api.databaseUrl, redisUrl: api.redis.url, prefix: api.redis.prefix };
  return spawnEntry(
    `services/${name}/src/main.ts`,
    await serviceEnv(stores, { SMTP_URL: smtp.url, NOTIFY_EMAIL_ATTEMPTS: "2", NOTIFY_EMAIL_BACKOFF_MS: "100" }),
  );
}

const output = () => processes.map((p) => p.output().slice(-2000)).join("\n---\n");

async function call(method: string, path: string, documented: string, key: string): Promise<ApiResponse> {
  const response = await api.call(method, path, { key });
  contract.expectConforms(method, documented, response);
  return response;
}

const emailRows = () =>
  api.database.prisma.noticeDelivery.findMany({
    where: { notice: { proposalId }, channel: "email" },
    orderBy: { recipient: "asc" },
  });

describe("an e-mail the SMTP server never accepts", () => {
  it("ends dead after its attempts, and the back office sees it", { timeout: 120_000 }, async () => {
    const created = await api.call("POST", "/v1/proposals", {
      key: keys.proposer,
      body: {
        title: "关于改善农村饮水安全的建议",
        reasons: "部分村庄供水不稳定。",
        suggestions: ["实施农村供水提质工程"],
        category: "livelihood",
        proposers: [{ id: "member-1" }],
        submit: true,
      },
    });
    proposalId = created.body.id;
    for (const body of [
      { type: "review.register", category: "livelihood" },
      {
        type: "assign",
        mode: "lead-co",
        units: [
          { unitId: "water", role: "lead" },
          { unitId: "roads", role: "co" },
        ],
      },
    ]) {
      expect((await api.call("POST", `/v1/proposals/${proposalId}/events`, { key: keys.staff, body })).status).toBe(
        200,
      );
    }
    await eventually(
      async () => {
        const rows = await emailRows();
        return rows.length === 2 && rows.every((row) => row.status === "dead");
      },
      90_000,
      output,
    );

    const dead = await call("GET", "/v1/notice-deliveries?status=dead", "/v1/notice-deliveries", keys.staff);
    expect(dead.status).toBe(200);
    expect(dead.body.items).toHaveLength(2);
    for (const item of dead.body.items) {
      expect(item).toMatchObject({ proposalId, kind: "proposal.assigned", channel: "email", attempts: 2 });
      expect(item.lastError).toContain("451");
      expect(item.deliveredAt).toBeNull();
    }
    expect(dead.body.items.map((item: { recipient: string }) => item.recipient).sort()).toEqual([
      "person:chen",
      "person:liu",
    ]);
    assignedNoticeId = dead.body.items[0].noticeId;

    const filtered = (query: string) =>
      call("GET", `/v1/notice-deliveries?${query}`, "/v1/notice-deliveries", keys.staff);
    expect((await filtered("status=dead&channel=inbox")).body.items).toEqual([]);
    expect((await filtered("status=dead&proposalId=p_other")).body.items).toEqual([]);
    expect((await filtered(`status=dead&proposalId=${proposalId}&channel=email`)).body.items).toHaveLength(2);
    expect((await filtered(`noticeId=${assignedNoticeId}&status=delivered`)).body.items).toHaveLength(2);
    const all = (await filtered("limit=100")).body.items.map((item: { id: string }) => item.id);
    expect(await api.pageIds("/v1/notice-deliveries?limit=1", keys.staff)).toEqual(all);
    for (const query of ["status=lost", "channel=webhook", "cursor=abc", "limit=0", "colour=red"]) {
      const refused = await filtered(query);
      expect(refused.status, query).toBe(400);
      expect(refused.body.error.code).toBe("INVALID_QUERY");
    }

    const notice = await call("GET", `/v1/notices/${assignedNoticeId}`, "/v1/notices/{id}", keys.staff);
    expect(notice.status).toBe(200);
    expect(notice.body).toMatchObject({ id: assignedNoticeId, proposalId, kind: "proposal.assigned" });
    const summary = notice.body.deliveries.map((d: { channel: string; recipient: string; status: string }) =>
      [d.channel, d.recipient, d.status].join(" "),
    );
    expect(summary.sort()).toEqual([
      "email person:chen dead",
      "email person:liu dead",
      "inbox unit:roads delivered",
      "inbox unit:water delivered",
    ]);
    expect((await call("GET", "/v1/notices/nope", "/v1/notices/{id}", keys.staff)).status).toBe(404);
  });

  it("shows each caller, on its notifications, only the deliveries to it", async () => {
    const deliveriesOf = async (key: string) => {
      const inbox = await call("GET", "/v1/notifications?limit=100", "/v1/notifications", key);
      const assigned = inbox.body.items.find((item: { id: string }) => item.id === assignedNoticeId);
      return assigned?.deliveries.map((d: { channel: string; recipient: string; status: string; attempts: number }) =>
        [d.channel, d.recipient, d.status, d.attempts].join(" "),
      );
    };
    expect(await deliveriesOf(keys.water)).toEqual(["inbox unit:water delivered 1", "email person:chen dead 2"]);
    expect(await deliveriesOf(keys.roads)).toEqual(["inbox unit:roads delivered 1", "email person:liu dead 2"]);
    // Staff's own notices carry every delivery (the back office sees all), here the submission's.
    const staff = await call("GET", "/v1/notifications?limit=100", "/v1/notifications", keys.staff);
    const submitted = staff.body.items.find((item: { topic: string }) => item.topic === "proposal.submitted");
    expect(submitted.deliveries).toMatchObject([{ channel: "inbox", recipient: "staff", status: "delivered" }]);
  });

  it("is for the back office only: 403 for everybody else, retry for the admin alone", async () => {
    const [row] = await emailRows();
    const others = [keys.water, keys.roads, keys.proposer, keys.leader, keys.integrator];
    for (const key of others) {
      expect((await call("GET", "/v1/notice-deliveries", "/v1/notice-deliveries", key)).status).toBe(403);
      expect((await call("GET", `/v1/notices/${assignedNoticeId}`, "/v1/notices/{id}", key)).status).toBe(403);
    }
    for (const key of [keys.staff, ...others]) {
      const refused = await call(
        "POST",
        `/v1/notice-deliveries/${row?.id}/retry`,
        "/v1/notice-deliveries/{id}/retry",
        key,
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("FORBIDDEN");
    }
    expect((await emailRows()).every((r) => r.status === "dead")).toBe(true);
  });
});

describe("POST /v1/notice-deliveries/:id/retry", () => {
  const retry = (id: string) =>
    call("POST", `/v1/notice-deliveries/${id}/retry`, "/v1/notice-deliveries/{id}/retry", api.adminKey);

  it("refuses what cannot be retried: unknown (404), delivered (409)", async () => {
    for (const id of ["999999", "abc", "99999999999999999999"]) {
      const missing = await retry(id);
      expect(missing.status, id).toBe(404);
      expect(missing.body.error.code).toBe("NOT_FOUND");
    }
    const inbox = await api.database.prisma.noticeDelivery.findFirstOrThrow({
      where: { noticeId: assignedNoticeId, channel: "inbox" },
    });
    const delivered = await retry(inbox.id.toString());
    expect(delivered.status).toBe(409);
    expect(delivered.body.error.code).toBe("ALREADY_DELIVERED");
  });

  it("puts a dead e-mail back on the queue, idempotently: once the server recovers it is sent once", {
    timeout: 120_000,
  }, async () => {
    // The notifier is stopped, so that both retries below find the e-mail waiting, not already sent.
    const notifier = processes[1];
    notifier?.child.kill("SIGTERM");
    expect(await notifier?.exited).toBe(143);
    smtp.refuse(0);
    const [chen, liu] = await emailRows();
    const id = chen?.id.toString() ?? "";
    // The notifier keeps a failed job (a week): BullMQ would ignore a new job with its id, so it is added anew.
    const job = () => emailQueue.getJob(`email-${assignedNoticeId}-chen`.replaceAll(":", "_"));
    expect(await (await job())?.getState()).toBe("failed");
    const first = await retry(id);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ id, recipient: "person:chen", status: "queued", attempts: 2 });
    const waiting = await job();
    expect(await waiting?.getState()).toBe("waiting");
    expect(waiting?.attemptsMade).toBe(0);
    const again = await retry(id);
    expect(again.status).toBe(202);
    expect(again.body.status).toBe("queued");
    expect(await emailQueue.getJobCounts("waiting", "failed")).toMatchObject({ waiting: 1, failed: 1 });

    processes.push(await start("notifier"));
    await eventually(async () => (await emailRows())[0]?.status === "delivered", 60_000, output);
    const to = (address: string) => smtp.messages.filter((m) => JSON.stringify(m.to).includes(address));
    expect(to("chen@water.example")).toHaveLength(1);
    expect(to("liu@roads.example")).toHaveLength(0);
    const [sent, stillDead] = await emailRows();
    expect(sent).toMatchObject({ status: "delivered", attempts: 3, lastError: null });
    expect(stillDead).toMatchObject({ id: liu?.id, status: "dead" });

    const done = await retry(id);
    expect(done.status).toBe(409);
    expect(done.body.error.code).toBe("ALREADY_DELIVERED");
    const dead = await call("GET", "/v1/notice-deliveries?status=dead", "/v1/notice-deliveries", keys.staff);
    expect(dead.body.items.map((item: { recipient: string }) => item.recipient)).toEqual(["person:liu"]);
  });

  it("adds the job again when the queue no longer has it (failed jobs are kept a week)", {
    timeout: 120_000,
  }, async () => {
    await (await emailQueue.getJob(`email-${assignedNoticeId}-liu`.replaceAll(":", "_")))?.remove();
    const [, liu] = await emailRows();
    const retried = await retry(liu?.id.toString() ?? "");
    expect(retried.status).toBe(202);
    await eventually(async () => (await emailRows())[1]?.status === "delivered", 60_000, output);
    expect(smtp.messages.filter((m) => JSON.stringify(m.to).includes("liu@roads.example"))).toHaveLength(1);
    const dead = await call("GET", "/v1/notice-deliveries?status=dead", "/v1/notice-deliveries", keys.staff);
    expect(dead.body.items).toEqual([]);
  });
});

describe("without the e-mail channel (no SMTP_URL)", () => {
  it("answers a retry with 503 EMAIL_CHANNEL_OFF and changes nothing", async () => {
    const bare = await startApi();
    try {
      // The rows as the notifier leaves a dead e-mail: its code writes them, there is no notifier here.
      await bare.database.prisma.notice.create({
        data: { id: "n-1", proposalId: "p-1", kind: "deadline.escalation", level: 1, recipients: [], content: {} },
      });
      const row = await bare.database.prisma.noticeDelivery.create({
        data: {
          noticeId: "n-1",
          channel: "email",
          recipient: "person:wang",
          status: "dead",
          attempts: 8,
          lastError: "451",
        },
      });
      const response = await bare.call("POST", `/v1/notice-deliveries/${row.id}/retry`);
      contract.expectConforms("POST", "/v1/notice-deliveries/{id}/retry", response);
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe("EMAIL_CHANNEL_OFF");
      expect(await bare.database.prisma.noticeDelivery.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
    } finally {
      await bare.close();
    }
  });
});
