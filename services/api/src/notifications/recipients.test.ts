import { describe, expect, it } from "vitest";
import type { Caller, KeyRole } from "../auth/keys.ts";
import { decodeCursor, encodeCursor, inboxNamesOf } from "./recipients.ts";

const caller = (role: KeyRole, unitId: string | null = null): Caller => ({
  keyId: "k",
  prefix: "hy_x",
  committeeId: "default",
  role,
  actorId: "p-1",
  unitId,
});

describe("inbox names", () => {
  it("follow the notifier's recipient naming for each role", () => {
    expect(inboxNamesOf(caller("staff"))).toEqual(["staff", "staff-head"]);
    expect(inboxNamesOf(caller("unit", "water"))).toEqual(["unit:water"]);
    expect(inboxNamesOf(caller("leader"))).toEqual(["leader:p-1"]);
    expect(inboxNamesOf(caller("proposer"))).toEqual(["proposer:p-1"]);
    expect(inboxNamesOf(caller("integrator"))).toEqual([]);
  });
});

describe("inbox cursors", () => {
  it("round-trip, and a forged or broken one reads as none", () => {
    const at = new Date("2026-11-22T10:00:00.123Z");
    expect(decodeCursor(encodeCursor(at, "p_1.2.0"))).toEqual({ createdAt: at, id: "p_1.2.0" });
    expect(decodeCursor("not-base64-json")).toBeUndefined();
    expect(decodeCursor(Buffer.from('["x","y"]').toString("base64url"))).toBeUndefined();
  });
});
