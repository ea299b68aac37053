import { PassThrough } from "node:stream";
import { openNoticeRobot } from "@huiyin/engine";
import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi, testKeyring } from "./support/api.ts";
import { type Contract, openApiContract } from "./support/contract.ts";

/**
 * The group robots of units, leaders and the office over real HTTP and PostgreSQL: set by an admin only, their URL
 * and secret sealed at rest (opening to what the notifier sends to), never returned nor logged.
 */
let api: ApiHarness;
let contract: Contract;
const logText: string[] = [];
const token = "access-token-of-the-leaders-group-0123456789";
const secret = "SEC-signing-secret-of-the-leaders-group";
const url = `https://oapi.dingtalk.example/robot/send?access_token=${token}`;

beforeAll(async () => {
  const destination = new PassThrough();
  destination.on("data", (chunk: Buffer) => logText.push(chunk.toString("utf8")));
  api = await startApi({
    overrides: { logger: createLogger({ service: "api-test", level: "info", format: "json", destination }) },
  });
  contract = await openApiContract(api);
});

afterAll(() => api.close());

async function admin(method: string, path: string, body?: unknown) {
  const response = await api.call(method, path, body === undefined ? {} : { body });
  const documented = path.startsWith("/v1/notification-robots/")
    ? "/v1/notification-robots/{target}/{kind}"
    : "/v1/notification-robots";
  contract.expectConforms(method, documented, response);
  return response;
}

describe("notification robots", () => {
  it("an admin sets a robot (201, then 200 replacing it); the URL's key and the secret are never shown", async () => {
    const created = await admin("PUT", "/v1/notification-robots/leader:leader-9/dingtalk", { url, secret });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      target: "leader:leader-9",
      kind: "dingtalk",
      url: "https://oapi.dingtalk.example/robot/send?…",
      signed: true,
    });
    const replaced = await admin("PUT", "/v1/notification-robots/leader:leader-9/dingtalk", { url, secret });
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).toBe(created.body.id);
    const list = await admin("GET", "/v1/notification-robots");
    expect(list.body.items).toHaveLength(1);
    for (const text of [JSON.stringify(list.body), JSON.stringify(created.body), logText.join("")]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(secret);
    }
    const row = await api.database.prisma.noticeRobot.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(openNoticeRobot(testKeyring, row)).toEqual({ url, secret });
    const audit = await api.database.prisma.auditEntry.findMany({ where: { targetId: created.body.id } });
    expect(audit.map((entry) => entry.action)).toEqual(["notification-robot.save", "notification-robot.save"]);
    expect(JSON.stringify(audit.map((entry) => entry.details))).not.toContain(token);
  });

  it("refuses what it cannot use with 422, changing nothing, and everyone but an admin with 403", async () => {
    const cases: [string, unknown][] = [
      ["/v1/notification-robots/leader:leader-9/dingtalk", { url: url.replace("https:", "http:") }],
      ["/v1/notification-robots/unit:nowhere/wecom", { url }],
      ["/v1/notification-robots/somebody/wecom", { url }],
      ["/v1/notification-robots/committee/telegram", { url }],
    ];
    for (const [path, body] of cases) {
      const response = await admin("PUT", path, body);
      expect(response.status, path).toBe(422);
      expect(response.body.error.code).toBe("VALIDATION_FAILED");
    }
    expect(await api.database.prisma.noticeRobot.count()).toBe(1);
    const staff = await api.issueKey("staff", "staff-1");
    const refused = await api.call("PUT", "/v1/notification-robots/committee/wecom", { key: staff, body: { url } });
    expect(refused.status).toBe(403);
    expect((await api.call("GET", "/v1/notification-robots", { key: staff })).status).toBe(403);
  });

  it("deletes a robot (204), then there is none (404)", async () => {
    expect((await admin("DELETE", "/v1/notification-robots/leader:leader-9/dingtalk")).status).toBe(204);
    expect((await admin("DELETE", "/v1/notification-robots/leader:leader-9/dingtalk")).status).toBe(404);
    expect(await api.database.prisma.noticeRobot.count()).toBe(0);
  });
});
