import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable.ts";

/** Error shapes as they came out of pg and Prisma 7 while a real PostgreSQL was stopped and started again. */
const prismaKnown = (code: string, cause: Record<string, unknown>) =>
  Object.assign(new Error("Invalid `prisma.x()` invocation"), {
    code,
    meta: { driverAdapterError: Object.assign(new Error("DriverAdapterError"), { cause }) },
  });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["pg: refused", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    [
      "pg: the Unix socket gone while the server restarts",
      Object.assign(new Error("connect ENOENT /srv/pg/run/.s.PGSQL.5432"), { code: "ENOENT", syscall: "connect" }),
    ],
    [
      "pg: admin shutdown",
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    ],
    ["pg: shutting down", Object.assign(new Error("the database system is shutting down"), { code: "57P03" })],
    ["pg: connection failure", Object.assign(new Error("connection failure"), { code: "08006" })],
    ["pg: too many connections", Object.assign(new Error("sorry, too many clients already"), { code: "53300" })],
    ["pg: terminated", new Error("Connection terminated unexpectedly")],
    ["pg-pool: connect timeout", new Error("timeout exceeded when trying to connect")],
    ["prisma: P1001", prismaKnown("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["prisma: P2010 raw query", prismaKnown("P2010", { kind: "DatabaseNotReachable" })],
    [
      "prisma: P2039 in a transaction",
      prismaKnown("P2039", { kind: "postgres", code: "57P03", originalCode: "57P03" }),
    ],
    ["prisma: P2024 pool timeout", Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" })],
    ["wrapped as a cause", new Error("relay failed", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) })],
  ])("%s: unavailable", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("duplicate key"), { code: "23505" })],
    ["prisma: unique", prismaKnown("P2002", { kind: "UniqueConstraintViolation" })],
    ["prisma: a raw query error", prismaKnown("P2010", { kind: "postgres", code: "42P01", originalCode: "42P01" })],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    [
      "a missing file",
      Object.assign(new Error("ENOENT: no such file or directory, open '/srv/x'"), { code: "ENOENT", syscall: "open" }),
    ],
    ["not an error", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("%s: not unavailable", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("does not loop on a cause cycle", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
