import { PassThrough } from "node:stream";
import { createLogger } from "@huiyin/logger";
import { afterEach, describe, expect, it } from "vitest";
import { installShutdown } from "./shutdown.ts";

const logger = createLogger({ service: "test", level: "silent", format: "json", destination: new PassThrough() });

afterEach(() => {
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
});

describe("installShutdown", () => {
  it("runs cleanups once, last registered first, even when one throws", async () => {
    const shutdown = installShutdown({ logger, timeoutMs: 1_000, exit: () => {} });
    const order: string[] = [];
    shutdown.add("database", () => {
      order.push("database");
    });
    shutdown.add("broken", () => {
      throw new Error("boom");
    });
    shutdown.add("http", async () => {
      order.push("http");
    });
    await Promise.all([shutdown.run("test"), shutdown.run("again")]);
    expect(order).toEqual(["http", "database"]);
  });

  it("exits with 128 + signal after draining, and at once on a second signal", async () => {
    const codes: number[] = [];
    let release: () => void = () => {};
    const shutdown = installShutdown({ logger, timeoutMs: 10_000, exit: (code) => codes.push(code) });
    shutdown.add("slow", () => new Promise<void>((resolve) => (release = resolve)));
    process.emit("SIGTERM", "SIGTERM");
    expect(codes).toEqual([]);
    process.emit("SIGINT", "SIGINT");
    expect(codes).toEqual([130]);
    release();
    await shutdown.run("done");
    await new Promise((resolve) => setImmediate(resolve));
    expect(codes).toEqual([130, 143]);
  });

  it("closes what is registered while shutdown runs, and what comes after it at once", async () => {
    const shutdown = installShutdown({ logger, timeoutMs: 1_000, exit: () => {} });
    const closed: string[] = [];
    let release: () => void = () => {};
    shutdown.add("database", () => {
      closed.push("database");
    });
    shutdown.add("slow", () => new Promise<void>((resolve) => (release = resolve)));
    const running = shutdown.run("test");
    // The service was still starting when the signal came: it opens workers after shutdown began.
    shutdown.add("workers", () => {
      closed.push("workers");
    });
    release();
    await running;
    expect(closed).toEqual(["workers", "database"]);
    shutdown.add("late", () => {
      closed.push("late");
    });
    expect(closed).toEqual(["workers", "database", "late"]);
  });
});
