import { createHmac } from "node:crypto";
import { NOTHING_ALLOWED, systemResolver } from "@huiyin/engine";
import type { NoticeFacts } from "@huiyin/notify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Answer,
  type HttpsReceiver,
  type ReceivedRequest,
  selfSignedCertificate,
  startHttpsReceiver,
  type TestCertificate,
} from "../../test/https-receiver.ts";
import type { ChannelMessage } from "./adapter.ts";
import { dingtalkAdapter } from "./dingtalk.ts";
import type { HttpsSettings } from "./https.ts";
import { channelMessage, SMS_SEGMENT_CHARS, smsSegments } from "./message.ts";
import { smsAdapter } from "./sms.ts";
import { wecomAdapter } from "./wecom.ts";

/**
 * Each adapter against a real HTTPS receiver on 127.0.0.1 with a certificate made for this run, trusted through the
 * adapter's `ca` option only (TLS checks stay on everywhere else): the body each robot or gateway expects, 钉钉's
 * signature checked by the receiver as 钉钉 checks it, errcodes and statuses mapped to retry or give up.
 */
let certificate: TestCertificate;
let receiver: HttpsReceiver;
let answers: Answer[] = [];
const ok: Answer = { status: 200, body: { errcode: 0, errmsg: "ok" } };

beforeAll(async () => {
  certificate = selfSignedCertificate();
  receiver = await startHttpsReceiver(certificate, () => answers.shift() ?? ok);
});
afterAll(() => receiver.close());

/** Only this receiver is allowed (as WEBHOOK_ALLOWED_DESTINATIONS=127.0.0.1:<port> would), its CA trusted. */
const https = (): HttpsSettings => {
  const [host, port] = receiver.host.split(":") as [string, string];
  return {
    policy: { allow: { cidrs: [], hostPorts: [{ host, port: Number(port) }] }, resolve: systemResolver() },
    ca: receiver.ca,
    timeoutMs: 5_000,
  };
};

const facts: NoticeFacts = {
  noticeId: "p-1.12.0",
  kind: "deadline.escalation",
  level: 1,
  proposal: {
    id: "p-1",
    title: "关于进一步加强城市老旧小区加装电梯工作统筹协调和资金保障的建议，以及后续维护管理机制的若干思考",
    number: "2026-0012",
  },
  deadline: { kind: "reply", dueAt: new Date("2026-11-01T10:00:00Z"), unitName: "市住建局" },
  now: new Date("2026-11-04T10:00:00Z"),
  notifiedBefore: ["王局长"],
  links: { proposal: "https://huiyin.example.gov.cn/console/proposals/p-1" },
};
const message: ChannelMessage = channelMessage(facts);

async function received(count: number): Promise<ReceivedRequest[]> {
  return receiver.requests.splice(0, count);
}

describe("the messages", () => {
  it("an SMS opens with one segment's worth of Chinese (kind, level, number, title) and ends with the console link", () => {
    const cut = message.sms.lastIndexOf(" ");
    const [head, link] = [message.sms.slice(0, cut), message.sms.slice(cut + 1)];
    expect([...head].length).toBeLessThanOrEqual(SMS_SEGMENT_CHARS);
    expect(head).toContain("逾期督办");
    expect(head).toContain("2026-0012");
    expect(link).toBe(facts.links.proposal);
    expect(smsSegments(message.sms)).toBeLessThanOrEqual(3);
    expect(smsSegments("短".repeat(70))).toBe(1);
    expect(smsSegments("短".repeat(71))).toBe(2);
  });

  it("a robot's markdown has the heading, the facts and the console link", () => {
    expect(message.markdown).toMatch(/^### 【回音】逾期督办/);
    expect(message.markdown).toContain("市住建局");
    expect(message.markdown).toContain(`(${facts.links.proposal})`);
  });
});

describe("企业微信/政务微信 robot", () => {
  const url = () => `${receiver.base}/cgi-bin/webhook/send?key=robot-key-1`;

  it("POSTs {msgtype: markdown, markdown: {content}} to the webhook URL; errcode 0 is delivered", async () => {
    receiver.requests.length = 0;
    expect(await wecomAdapter(https()).send(message, { url: url() })).toEqual({ status: "delivered" });
    const [request] = await received(1);
    expect(request?.url.pathname).toBe("/cgi-bin/webhook/send");
    expect(request?.url.searchParams.get("key")).toBe("robot-key-1");
    expect(request?.headers["content-type"]).toMatch(/^application\/json/);
    expect(request?.json).toEqual({ msgtype: "markdown", markdown: { content: message.markdown } });
  });

  it("retries a busy or rate-limited robot (HTTP 200, errcode ≠ 0) and gives up on a removed one", async () => {
    answers = [
      { status: 200, body: { errcode: 45009, errmsg: "api freq out of limit" } },
      { status: 200, body: { errcode: 93000, errmsg: "invalid webhook url" } },
      { status: 502, body: {} },
    ];
    const adapter = wecomAdapter(https());
    expect(await adapter.send(message, { url: url() })).toEqual({
      status: "retryable",
      reason: "errcode 45009: api freq out of limit",
    });
    expect(await adapter.send(message, { url: url() })).toMatchObject({ status: "permanent" });
    expect(await adapter.send(message, { url: url() })).toEqual({ status: "retryable", reason: "HTTP 502" });
    receiver.requests.length = 0;
  });
});

describe("钉钉 robot", () => {
  const secret = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";
  /** What 钉钉 does with a signed request: recompute the sign from the timestamp and its copy of the secret. */
  const verifies = (request: ReceivedRequest, key: string): boolean => {
    const timestamp = request.url.searchParams.get("timestamp") ?? "";
    const expected = createHmac("sha256", key).update(`${timestamp}\n${key}`).digest("base64");
    return request.url.searchParams.get("sign") === expected && Math.abs(Date.now() - Number(timestamp)) < 3_600_000;
  };

  it("signs the URL (timestamp + sign) and POSTs {msgtype: markdown, markdown: {title, text}}", async () => {
    receiver.requests.length = 0;
    const url = `${receiver.base}/robot/send?access_token=token-1`;
    expect(await dingtalkAdapter(https()).send(message, { url, secret })).toEqual({ status: "delivered" });
    const [request] = await received(1);
    expect(request?.url.searchParams.get("access_token")).toBe("token-1");
    expect(request && verifies(request, secret)).toBe(true);
    // The raw query carries the sign URL-encoded (base64's + / = escaped).
    expect(request?.url.search).toMatch(/&sign=[A-Za-z0-9%]+$/);
    expect(request?.json).toEqual({ msgtype: "markdown", markdown: { title: message.title, text: message.markdown } });
  });

  it("a receiver holding another secret refuses the sign (310000): permanent; busy (-1): retryable", async () => {
    const strict = await startHttpsReceiver(certificate, (request) =>
      verifies(request, "SEC-the-robot's-own")
        ? ok
        : { status: 200, body: { errcode: 310000, errmsg: "sign not match" } },
    );
    try {
      const [host, port] = strict.host.split(":") as [string, string];
      const settings = {
        ...https(),
        policy: { allow: { cidrs: [], hostPorts: [{ host, port: Number(port) }] }, resolve: systemResolver() },
      };
      const url = `${strict.base}/robot/send?access_token=token-2`;
      expect(await dingtalkAdapter(settings).send(message, { url, secret })).toEqual({
        status: "permanent",
        reason: "errcode 310000: sign not match",
      });
      expect(await dingtalkAdapter(settings).send(message, { url, secret: "SEC-the-robot's-own" })).toEqual({
        status: "delivered",
      });
    } finally {
      await strict.close();
    }
    answers = [{ status: 200, body: { errcode: -1, errmsg: "系统繁忙" } }];
    const url = `${receiver.base}/robot/send?access_token=token-1`;
    expect(await dingtalkAdapter(https()).send(message, { url, secret })).toMatchObject({ status: "retryable" });
    receiver.requests.length = 0;
  });
});

describe("SMS gateway", () => {
  const apiKey = "sms-api-key-0123456789";

  it("POSTs {to, text, reference} with the API key and an HMAC of timestamp.body; 2xx delivered, 503 retried, 401 final", async () => {
    receiver.requests.length = 0;
    answers = [
      { status: 202, body: {} },
      { status: 503, body: {} },
      { status: 401, body: {} },
    ];
    const adapter = smsAdapter({ url: `${receiver.base}/sms/send`, apiKey }, https());
    expect(await adapter.send(message, { phone: "+8613800138000" })).toEqual({ status: "delivered" });
    const [request] = await received(1);
    expect(request?.json).toEqual({ to: "+8613800138000", text: message.sms, reference: "p-1.12.0" });
    expect(request?.headers["x-api-key"]).toBe(apiKey);
    const timestamp = String(request?.headers["x-timestamp"]);
    const expected = createHmac("sha256", apiKey).update(`${timestamp}.${request?.body}`).digest("hex");
    expect(request?.headers["x-signature"]).toBe(expected);
    expect(await adapter.send(message, { phone: "13800138000" })).toEqual({ status: "retryable", reason: "HTTP 503" });
    expect(await adapter.send(message, { phone: "13800138000" })).toEqual({ status: "permanent", reason: "HTTP 401" });
    receiver.requests.length = 0;
  });
});

describe("where requests may go", () => {
  it("refuses loopback without the allow-list's hole, and http: URLs, sending nothing", async () => {
    receiver.requests.length = 0;
    const closed: HttpsSettings = { policy: { allow: NOTHING_ALLOWED, resolve: systemResolver() }, ca: receiver.ca };
    expect(await wecomAdapter(closed).send(message, { url: `${receiver.base}/cgi-bin/webhook/send?key=k` })).toEqual({
      status: "permanent",
      reason: "the outbound policy refuses the destination",
    });
    const plain = `http://${receiver.host}/cgi-bin/webhook/send?key=k`;
    expect(await wecomAdapter(https()).send(message, { url: plain })).toEqual({
      status: "permanent",
      reason: "not an https URL",
    });
    expect(receiver.requests).toHaveLength(0);
  });

  it("does not trust the receiver's self-signed certificate without the CA option (TLS is verified)", async () => {
    receiver.requests.length = 0;
    const { ca: _ca, ...untrusting } = https();
    const result = await wecomAdapter(untrusting).send(message, { url: `${receiver.base}/cgi-bin/webhook/send?key=k` });
    expect(result.status).toBe("retryable");
    expect(receiver.requests).toHaveLength(0);
  });
});
