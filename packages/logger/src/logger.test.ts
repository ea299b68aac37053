import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";

function capture() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line));
  });
  return { stream, lines };
}

describe("createLogger", () => {
  it("writes JSON lines with the service, child bindings and an ISO time", () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: "api", level: "info", format: "auto", destination: stream });
    logger.child({ proposalId: "p-1", requestId: "r-1" }).info("event applied");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ service: "api", proposalId: "p-1", requestId: "r-1", msg: "event applied" });
    expect(String(lines[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("redacts credentials", () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: "api", level: "info", format: "json", destination: stream });
    logger.info({ req: { headers: { authorization: "Bearer hy_secret" } }, smtp: { password: "pw" } }, "x");
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain("hy_secret");
    expect(text).not.toContain('"pw"');
    expect(text).toContain("[redacted]");
  });

  it("respects the level", () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: "worker", level: "warn", format: "json", destination: stream });
    logger.info("hidden");
    logger.warn("shown");
    expect(lines.map((line) => line.msg)).toEqual(["shown"]);
  });
});
