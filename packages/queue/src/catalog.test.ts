import { describe, expect, it } from "vitest";
import {
  configuredJobOptions,
  jobCatalog,
  jobDefaults,
  jobId,
  jobOptions,
  outboxJobs,
  parsePayload,
  queues,
  queuesOf,
} from "./catalog.ts";

describe("job catalog", () => {
  it("builds ids BullMQ accepts: no ':' and never an integer", () => {
    const id = jobId("deadline.alarm", "p:1", 42);
    expect(id).toBe("deadline-alarm-p_1-42");
    expect(id).not.toContain(":");
    expect(Number.isInteger(Number(id))).toBe(false);
  });

  it("gives the same id for the same parts (idempotent enqueueing)", () => {
    expect(jobId("notice.deliver", "n1")).toBe(jobId("notice.deliver", "n1"));
  });

  it("rejects a payload of the wrong shape", () => {
    expect(() => parsePayload("deadline.alarm", { alarmId: "a" })).toThrow();
    expect(parsePayload("notice.deliver", { noticeId: "n1" })).toEqual({ noticeId: "n1" });
  });

  it("lists each queue once", () => {
    expect(queuesOf(["notice.deliver", "notice.deliver", "deadline.alarm"])).toEqual(["notices", "alarms"]);
    expect(Object.keys(jobCatalog).length).toBeGreaterThan(0);
  });

  it("keeps the queue names Redis holds jobs under", () => {
    expect(Object.values(queues).sort()).toEqual([
      "alarms",
      "digest-email",
      "digests",
      "events",
      "invitation-email",
      "notice-channel",
      "notice-email",
      "notices",
      "webhooks",
    ]);
  });

  it("puts each kind of job on a queue of its own, and every queue is some job's", () => {
    const used = Object.values(jobCatalog).map((definition) => definition.queue);
    expect(new Set(used).size).toBe(used.length);
    expect([...used].sort()).toEqual(Object.values(queues).sort());
    expect(queuesOf(outboxJobs)).toEqual(["events", "alarms", "notices", "webhooks"]);
  });

  it("gives the e-mails and the digest the ids their jobs always had", () => {
    expect(jobId("email", "p:1.11.0", "wang")).toBe("email-p_1.11.0-wang");
    expect(jobId("digest.email", "2026-11-30", "wang")).toBe("digest-2026-11-30-wang");
    expect(jobId("digest.run", "catch-up", "2026-11-30")).toBe("digest-catch-up-2026-11-30");
  });

  it("retries an e-mail as the deployment says, every other job as the catalog says", () => {
    expect(configuredJobOptions("email", { attempts: 3, backoffMs: 50 }, "n1", "wang")).toEqual({
      jobId: "email-n1-wang",
      attempts: 3,
      backoff: { type: "exponential", delay: 50 },
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    expect(jobDefaults("digest.run")).toEqual({
      attempts: 8,
      backoff: { type: "exponential", delay: 10_000 },
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    expect(jobOptions("deadline.alarm", "a-1", -5)).toMatchObject({ jobId: "a-1", delay: 0, attempts: 10 });
  });
});
