import { type ChildProcess, execFile, spawn } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { type AddressInfo, createServer as createTcpServer } from "node:net";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { parseConfig } from "@huiyin/config";
import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTypesOf } from "../packages/client/scripts/api-types.ts";
import { systemResolver } from "../packages/engine/src/index.ts";
import { openApiDocument } from "../services/api/src/openapi.ts";
import { type ApiHarness, startApi, testKeyring } from "./support/api.ts";
import { startWebhookDelivery, type WebhookDelivery } from "./support/webhook-delivery.ts";

type ClientModule = typeof import("../packages/client/src/index.ts");

/**
 * What integrators are given (issue 17, "For integrators"), used as they would use it: the typed client of
 * packages/client compiled with `tsc` and imported from its build output, against a real api, with a real relay and
 * webhook worker delivering to receivers on 127.0.0.1; and the Python example (standard library only) calling the
 * api and verifying webhooks as a separate process.
 */

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const clientDir = `${root}packages/client/`;
const python = `${root}examples/python/huiyin_example.py`;

let huiyin: ClientModule;
let api: ApiHarness;
let server: Server;
let base = "";
let pythonPort = 0;
let receiver: ChildProcess | undefined;
let pythonLines: string[] = [];
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let delivery: WebhookDelivery;
const logger = createLogger({ service: "client-test", level: "silent", format: "json" });

async function freePort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  // The client as it is published: compiled, then imported from dist/.
  await run(process.execPath, [`${clientDir}node_modules/typescript/bin/tsc`, "-p", `${clientDir}tsconfig.build.json`]);
  cpSync(`${clientDir}src/generated`, `${clientDir}dist/generated`, { recursive: true });
  huiyin = (await import(pathToFileURL(`${clientDir}dist/index.js`).href)) as ClientModule;

  server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
    response.statusCode = 204;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pythonPort = await freePort();
  const allow = parseConfig({
    DATABASE_URL: "postgresql://unused@127.0.0.1/unused",
    REDIS_URL: "redis://127.0.0.1:1",
    WEBHOOK_ALLOWED_DESTINATIONS: `${new URL(base).host},127.0.0.1:${pythonPort}`,
  }).WEBHOOK_ALLOWED_DESTINATIONS;
  const destinations = { allow, resolve: systemResolver() };
  api = await startApi({ overrides: { webhooks: { destinations, keyring: testKeyring } } });
  delivery = startWebhookDelivery(api, { name: "c", logger, destinations });
});

afterAll(async () => {
  receiver?.kill();
  await delivery?.close();
  await new Promise<void>((resolve) => {
    server?.close(() => resolve());
    server?.closeAllConnections();
  });
  await api?.close();
});

async function deliverAll() {
  await delivery.deliverAll();
}

const content = {
  title: "关于加强社区居家养老服务的建议",
  reasons: "老龄人口增加，社区养老服务供给不足。",
  suggestions: ["增设社区日间照料中心"],
  category: "livelihood",
  proposers: [{ id: "member-1" }],
  submit: true,
};

describe("the generated client", () => {
  it("equals a fresh generation from the api's OpenAPI document (client and API cannot drift)", async () => {
    const checkedIn = readFileSync(`${clientDir}src/generated/api.d.ts`, "utf8");
    expect(checkedIn, "run `pnpm --filter @huiyin/client generate` and commit the result").toBe(
      await apiTypesOf(openApiDocument()),
    );
    expect(checkedIn).toContain('"/v1/webhooks/{id}/ping"');
    expect(checkedIn).toContain("WebhookProposalStage");
  });

  it("compiled, creates a proposal, sends an event, lists, and verifies the webhooks of it", async () => {
    const admin = huiyin.createHuiyinClient({ baseUrl: api.base, apiKey: api.adminKey });
    const integrator = huiyin.createHuiyinClient({ baseUrl: api.base, apiKey: await api.issueKey("integrator", "oa") });
    const staff = huiyin.createHuiyinClient({ baseUrl: api.base, apiKey: await api.issueKey("staff", "office") });
    const hook = await admin.POST("/v1/webhooks", { body: { url: `${base}/hook`, events: ["*"] } });
    expect(hook.response.status).toBe(201);
    const secret = hook.data?.secret as string;
    const since = new Date(Date.now() - 1_000).toISOString();

    const created = await integrator.POST("/v1/proposals", { body: content });
    expect(created.response.status).toBe(201);
    const id = created.data?.id as string;
    const event = await staff.POST("/v1/proposals/{id}/events", {
      params: { path: { id }, header: { "If-Match": `"${created.data?.version}"` } },
      body: { type: "review.register", category: "livelihood" },
    });
    expect(event.error).toBeUndefined();
    expect(event.data?.stage).toBe("assign");
    const listed = await integrator.GET("/v1/proposals", { params: { query: { updatedFrom: since } } });
    expect(listed.data?.items.map((item) => item.id)).toEqual([id]);
    const refused = await staff.GET("/v1/proposals/{id}", { params: { path: { id: "p_missing" } } });
    expect(refused.response.status).toBe(404);
    expect(refused.error?.error.code).toBe("NOT_FOUND");

    await deliverAll();
    const mine = received.filter((request) => request.body.includes(id));
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const stages = mine.map((request) => {
      const payload = huiyin.verifyWebhook(secret, request.headers as Record<string, string>, request.body);
      expect(payload.topic).toBe("proposal.stage");
      return payload.topic === "proposal.stage" ? payload.data.stage : undefined;
    });
    expect(stages).toContain("assign");
    const sample = mine[0] as (typeof mine)[number];
    const headers = sample.headers as Record<string, string>;
    expect(() => huiyin.verifyWebhook(secret, headers, `${sample.body} `)).toThrow(huiyin.WebhookVerificationError);
    expect(() => huiyin.verifyWebhook("whsec_b3RoZXI=", headers, sample.body)).toThrow(/no signature/);
    expect(() => huiyin.verifyWebhook(secret, headers, sample.body, { now: new Date(Date.now() + 3_600_000) })).toThrow(
      /timestamp/,
    );
    // With the secrets of a rotation, the old one among them, it still verifies.
    expect(huiyin.verifyWebhook(["whsec_b3RoZXI=", secret], headers, sample.body).topic).toBe("proposal.stage");
  });
});

describe("the Python example (standard library only)", () => {
  it("receives and verifies webhooks, refuses a forged one, and calls the API", async () => {
    const hook = await api.call("POST", "/v1/webhooks", {
      body: { url: `http://127.0.0.1:${pythonPort}/huiyin`, events: ["proposal.stage"] },
    });
    expect(hook.status).toBe(201);
    receiver = spawn("python3", [python, "serve", "--port", String(pythonPort), "--secret", hook.body.secret]);
    pythonLines = [];
    receiver.stdout?.on("data", (chunk: Buffer) => pythonLines.push(...chunk.toString("utf8").trim().split("\n")));
    const listening = Date.now() + 10_000;
    while (!pythonLines.some((line) => line.includes("listening"))) {
      if (Date.now() > listening) throw new Error("the Python receiver did not start");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const key = await api.issueKey("integrator", "python-oa");
    const { stdout } = await run("python3", [
      python,
      "propose",
      "--url",
      api.base,
      "--key",
      key,
      "--since",
      "2020-01-01T00:00:00Z",
    ]);
    const lines = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const created = lines[0]?.created as string;
    expect(created).toMatch(/.+/);
    expect(lines.slice(1)).toEqual([{ listed: created, stage: "review" }]);

    await deliverAll();
    const verified = pythonLines
      .filter((line) => line.includes("verified"))
      .map((line) => JSON.parse(line).verified)
      .filter((payload) => payload.data.proposalId === created);
    expect(verified.map((payload) => payload.data.stage).sort()).toEqual(["review", "submit"]);
    const rows = await api.database.prisma.webhookDelivery.findMany({ where: { subscriptionId: hook.body.id } });
    expect(rows.every((row) => row.status === "delivered")).toBe(true);

    // A forged request: the receiver answers 401 and prints why.
    const forged = await fetch(`http://127.0.0.1:${pythonPort}/huiyin`, {
      method: "POST",
      headers: {
        "webhook-id": "msg_forged",
        "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
        "webhook-signature": "v1,Zm9yZ2Vk",
      },
      body: JSON.stringify({ id: "msg_forged", topic: "proposal.stage", data: {} }),
    });
    expect(forged.status).toBe(401);
  });
});
