import { describe, expect, it } from "vitest";
import { jobCatalog, jobId, parsePayload, queuesOf } from "./catalog.ts";

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
});
