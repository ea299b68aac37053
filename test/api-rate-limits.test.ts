import http from "node:http";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";
import { openApiContract } from "./support/contract.ts";

/**
 * The budgets that hold before a key is known (per client address, and failed authentications per address), and
 * where the client address comes from: the socket, or X-Forwarded-For only behind a configured trusted proxy.
 */
const started: ApiHarness[] = [];
async function api(options: Parameters<typeof startApi>[0]): Promise<ApiHarness> {
  const harness = await startApi(options);
  started.push(harness);
  return harness;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((harness) => harness.close()));
});

const unknownKey = "hy_unknown_0000000000000000000000000000000000";
const statusesOf = async (count: number, send: (index: number) => Promise<{ status: number }>) => {
  const statuses: number[] = [];
  for (let index = 0; index < count; index++) statuses.push((await send(index)).status);
  return statuses;
};

describe("the per-address budget", () => {
  it("limits unknown and missing keys, then every request of that address, before any key is looked up", async () => {
    const server = await api({ addressRateLimitPerMinute: 4 });
    const contract = await openApiContract(server); // the document itself is one request of the budget
    const statuses = await statusesOf(5, (index) =>
      server.call("GET", "/v1/whoami", { key: index % 2 === 0 ? unknownKey : null }),
    );
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await server.call("GET", "/v1/whoami");
    expect([limited.status, limited.body.error.code]).toEqual([429, "RATE_LIMITED"]);
    expect(limited.body.error.message).toContain("from this address");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    contract.expectConforms("GET", "/v1/whoami", limited);
    // Health and metrics stay open to probes and scrapers.
    expect((await server.call("GET", "/healthz", { key: null })).status).toBe(200);
  });

  it("limits the acknowledge-link pages, which take no key", async () => {
    const server = await api({ addressRateLimitPerMinute: 3 });
    const link = `/v1/notifications/n-1/ack-link?person=li&exp=1&sig=${"A".repeat(43)}`;
    const json = { key: null, headers: { accept: "application/json" } };
    const statuses = await statusesOf(5, (index) => server.call(index % 2 ? "POST" : "GET", link, json));
    expect(statuses).toEqual([403, 403, 403, 429, 429]);
    const page = await fetch(`${server.base}${link}`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(429);
  });
});

describe("the token bucket script", () => {
  it("keeps counting after Redis forgot its scripts (SCRIPT FLUSH, a restart): cached again by one EVAL", async () => {
    const server = await api({ addressRateLimitPerMinute: 3 });
    const redis = new Redis(server.redis.url, { maxRetriesPerRequest: 1 });
    try {
      expect((await server.call("GET", "/v1/whoami", { key: null })).status).toBe(401);
      await redis.script("FLUSH");
      const statuses = await statusesOf(3, () => server.call("GET", "/v1/whoami", { key: null }));
      // The budget spent before the flush still counts: 3 per minute, one spent, so the third request is refused.
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      redis.disconnect();
    }
  });
});

describe("the token bucket's round trips", () => {
  it("asks Redis twice per authenticated request: the address's two budgets in one call, then the key's", async () => {
    const server = await api({ authFailuresPerMinute: 3 });
    const staff = await server.issueKey("staff", "s-1");
    // Redis's own log of the commands it runs, kept to this api's buckets (other test files share the server). A
    // marker sent on another connection closes each stretch: MONITOR reports commands in the order Redis ran them.
    const base = new Redis(server.redis.url, { maxRetriesPerRequest: 1 });
    const monitor = await base.monitor();
    const calls: string[][] = [];
    const markers: string[] = [];
    monitor.on("monitor", (_time: string, args: string[]) => {
      const [command, argument] = args;
      if (command?.toLowerCase() === "echo" && argument?.startsWith(server.redis.prefix)) markers.push(argument);
      const ours = args.some((arg) => arg.startsWith(`${server.redis.prefix}:ratelimit:`));
      if (ours && command && /^eval(sha)?$/i.test(command)) calls.push(args);
    });
    const settled = async (marker: string) => {
      await base.echo(`${server.redis.prefix}${marker}`);
      for (let waited = 0; !markers.includes(`${server.redis.prefix}${marker}`); waited += 10) {
        if (waited > 5_000) throw new Error(`MONITOR did not show ${marker}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    try {
      expect((await server.call("GET", "/v1/whoami", { key: staff })).status).toBe(200);
      await settled("warm");
      calls.length = 0;
      for (let index = 0; index < 5; index++) {
        expect((await server.call("GET", "/v1/whoami", { key: staff })).status).toBe(200);
      }
      await settled("five");
      expect(calls).toHaveLength(10);
      // Each request: the address's budget taken with its failures read (two keys), then the key's (one).
      expect(calls.map((args) => Number(args[2]))).toEqual([2, 1, 2, 1, 2, 1, 2, 1, 2, 1]);
    } finally {
      monitor.disconnect();
      base.disconnect();
    }
  });

  it("reads the failures again when the body took long: a slow upload does not carry an old read past them", async () => {
    const server = await api({ authFailuresPerMinute: 3 });
    const url = new URL(`${server.base}/v1/proposals`);
    const body = JSON.stringify({ title: "slow" });
    // Headers now (the door reads the failures: none spent), the body's last byte after three failed guesses.
    const slow = new Promise<number>((resolve, reject) => {
      const request = http.request(
        url,
        {
          method: "POST",
          headers: {
            authorization: `Bearer ${unknownKey}slow`,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on("error", reject);
      request.write(body.slice(0, -1));
      setTimeout(async () => {
        const guesses = await statusesOf(3, (index) =>
          server.call("GET", "/v1/whoami", { key: `${unknownKey}${index}` }),
        );
        expect(guesses).toEqual([401, 401, 401]);
        request.end(body.slice(-1));
      }, 300);
    });
    expect(await slow).toBe(429);
  });
});

describe("the budget of failed authentications", () => {
  it("refuses an address that spent it with 429 before looking its key up; other failures cost nothing", async () => {
    const server = await api({ authFailuresPerMinute: 3 });
    const staff = await server.issueKey("staff", "s-1");
    // Successes and other refusals do not count.
    const fine = await statusesOf(5, () => server.call("GET", "/v1/proposals/p_none", { key: staff }));
    expect(fine).toEqual([404, 404, 404, 404, 404]);
    const guesses = await statusesOf(5, (index) => server.call("GET", "/v1/whoami", { key: `${unknownKey}${index}` }));
    expect(guesses).toEqual([401, 401, 401, 429, 429]);
    const refused = await server.call("GET", "/v1/whoami", { key: unknownKey });
    expect(refused.body.error.message).toContain("failed authentications");
    // A good key from that address waits too, until the budget refills (one failure per 20 s here).
    expect((await server.call("GET", "/v1/whoami", { key: staff })).status).toBe(429);
  });
});

describe("the client address", () => {
  it("is the socket's without TRUST_PROXY: a forged X-Forwarded-For does not get a fresh budget", async () => {
    const server = await api({ addressRateLimitPerMinute: 3 });
    const statuses = await statusesOf(5, (index) =>
      server.call("GET", "/v1/whoami", { headers: { "x-forwarded-for": `198.51.100.${index + 1}` } }),
    );
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it("comes from X-Forwarded-For behind a trusted proxy (TRUST_PROXY=loopback): one budget per client", async () => {
    const server = await api({ addressRateLimitPerMinute: 3, overrides: { trustProxy: ["loopback"] } });
    const clients = await statusesOf(5, (index) =>
      server.call("GET", "/v1/whoami", { headers: { "x-forwarded-for": `198.51.100.${index + 1}` } }),
    );
    expect(clients).toEqual([200, 200, 200, 200, 200]);
    const oneClient = await statusesOf(4, () =>
      server.call("GET", "/v1/whoami", { headers: { "x-forwarded-for": "203.0.113.9" } }),
    );
    expect(oneClient).toEqual([200, 200, 200, 429]);
    // The proxy's own requests (no header) are its own client.
    expect((await server.call("GET", "/v1/whoami")).status).toBe(200);
  });
});
