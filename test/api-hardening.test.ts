import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/** What protects the API: security headers and a per-key request budget shared through Redis. */
let api: ApiHarness;

beforeAll(async () => {
  api = await startApi({ rateLimitPerMinute: 5 });
});

afterAll(async () => {
  await api.close();
});

describe("security headers", () => {
  it("are set on every answer, errors included, and nothing names the framework", async () => {
    for (const response of [
      await api.call("GET", "/healthz", { key: null }),
      await api.call("GET", "/v1/whoami", { key: null }),
    ]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(response.headers.get("strict-transport-security")).toContain("max-age=");
      expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(response.headers.get("x-powered-by")).toBeNull();
    }
  });
});

describe("the per-key rate limit", () => {
  it("answers 429 RATE_LIMITED with Retry-After once a key has spent its budget; other keys go on", async () => {
    const key = await api.issueKey("staff", "busy-1");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await api.call("GET", "/v1/whoami", { key })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await api.call("GET", "/v1/whoami", { key });
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const other = await api.issueKey("staff", "calm-1");
    expect((await api.call("GET", "/v1/whoami", { key: other })).status).toBe(200);
  });

  it("counts a refused request as nothing done: a limited key changes no proposal", async () => {
    const key = await api.issueKey("proposer", "member-9");
    const before = await api.database.prisma.proposal.count();
    let limited = 0;
    for (let i = 0; i < 7; i++) {
      const response = await api.call("POST", "/v1/proposals", {
        key,
        body: { title: "关于X的建议", proposers: [{ id: "member-9" }] },
      });
      if (response.status === 429) limited++;
    }
    expect(limited).toBe(2);
    expect(await api.database.prisma.proposal.count()).toBe(before + 5);
  });
});

describe("GET /metrics", () => {
  it("counts answered requests per route pattern and status, in the Prometheus format", async () => {
    const key = await api.issueKey("staff", "metrics-1");
    await api.call("GET", "/v1/proposals/p_nothere0000000000", { key });
    await api.call("GET", "/v1/whoami", { key: null });
    const response = await fetch(`${api.base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/v1\/proposals\/:id",status="404"\} 1\n/);
    expect(text).toMatch(/http_requests_total\{method="GET",route="unmatched",status="401"\} \d+/);
    expect(text).toContain("process_resident_memory_bytes");
  });
});
