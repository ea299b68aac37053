import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { errorHandler, HttpError } from "./errors.ts";

/** Serves one route that throws `error`, through the real error handler, and returns what a client gets. */
async function answerTo(error: unknown) {
  const app = express();
  app.get("/x", () => {
    throw error;
  });
  app.use(errorHandler);
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
    const body = (await response.json()) as { error: { code: string; message: string } };
    return { status: response.status, retryAfter: response.headers.get("retry-after"), body };
  } finally {
    server.close();
  }
}

describe("the error handler", () => {
  it("answers a database outage with 503 DATABASE_UNAVAILABLE and Retry-After, never 500", async () => {
    for (const error of [
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("Can't reach database server"), {
        code: "P1001",
        meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } },
      }),
    ]) {
      const answer = await answerTo(error);
      expect(answer.status).toBe(503);
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(answer.body.error.code).toBe("DATABASE_UNAVAILABLE");
      expect(answer.body.error.message).toMatch(/database/i);
    }
  });

  it("keeps 500 for a bug, and an HttpError as it is", async () => {
    expect((await answerTo(new TypeError("undefined is not a function"))).status).toBe(500);
    const refused = await answerTo(new HttpError(409, "X", "no"));
    expect(refused.status).toBe(409);
    expect(refused.retryAfter).toBeNull();
  });
});
