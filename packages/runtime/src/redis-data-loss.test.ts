import { describe, expect, it } from "vitest";
import { epochKey, judgeObservation } from "./redis-data-loss.ts";

describe("judging whether Redis lost its data", () => {
  const known = { marker: "epoch-1", runId: "run-a" };

  it("never counts the first look: a starting process rebuilds anyway", () => {
    expect(judgeObservation(undefined, { marker: null, runId: "run-a" })).toBeUndefined();
  });

  it("sees nothing when the marker and the server are the same", () => {
    expect(judgeObservation(known, { marker: "epoch-1", runId: "run-a" })).toBeUndefined();
    expect(judgeObservation(known, { marker: "epoch-1" })).toBeUndefined();
  });

  it("counts a vanished marker (FLUSHALL, a restart without persistence, an empty replica)", () => {
    expect(judgeObservation(known, { marker: null, runId: "run-a" })).toBe("marker-gone");
  });

  it("counts a marker another process rewrote after seeing it gone first", () => {
    expect(judgeObservation(known, { marker: "epoch-2", runId: "run-a" })).toBe("marker-changed");
  });

  it("counts a restarted Redis whose marker came back from an older snapshot", () => {
    expect(judgeObservation(known, { marker: "epoch-1", runId: "run-b" })).toBe("redis-restarted");
    expect(judgeObservation({ marker: "epoch-1" }, { marker: "epoch-1", runId: "run-b" })).toBeUndefined();
  });

  it("keeps the marker in the queue prefix's hash slot", () => {
    expect(epochKey("{huiyin}")).toBe("{huiyin}:huiyin:epoch");
  });
});
