import { describe, expect, it } from "vitest";
import { readiness } from "./readiness.ts";

describe("readiness", () => {
  it("is ready when every check passes", async () => {
    const result = await readiness([
      { name: "database", run: async () => {} },
      { name: "redis", run: async () => {} },
    ]);
    expect(result.status).toBe("ready");
    expect(Object.keys(result.checks)).toEqual(["database", "redis"]);
  });

  it("is not ready when one check fails, and says which and why", async () => {
    const result = await readiness([
      { name: "database", run: async () => {} },
      {
        name: "redis",
        run: async () => {
          throw new Error("connection refused");
        },
      },
    ]);
    expect(result.status).toBe("not-ready");
    expect(result.checks.redis).toMatchObject({ ok: false, error: "connection refused" });
    expect(result.checks.database?.ok).toBe(true);
  });
});
