import { describe, expect, it } from "vitest";
import { effectsOf } from "./effects.ts";

const notify = { topic: "deadline.due", recipients: [{ role: "unit", unitId: "u-1" }], deadlineId: "dl1-reply" };

describe("effectsOf", () => {
  it("keeps the declared effects, in order, in the domain's shape, and skips other actions", () => {
    const effects = effectsOf([
      { type: "xstate.assign" },
      { type: "notify", params: notify },
      { type: "deadline.close", params: { deadlineId: "dl1-reply", kind: "reply", reason: "fulfilled" } },
    ]);
    expect(effects).toEqual([
      { type: "notify", params: notify },
      { type: "deadline.close", params: { deadlineId: "dl1-reply", kind: "reply", reason: "fulfilled" } },
    ]);
  });

  it("refuses the drift it once tolerated: a notice `kind` for its topic, a lone `recipientRole`", () => {
    expect(() => effectsOf([{ type: "notify", params: { kind: "reminder", deadlineId: "d", level: 1 } }])).toThrow(
      /malformed notify effect/,
    );
    expect(() =>
      effectsOf([{ type: "notify", params: { topic: "deadline.escalation", recipientRole: "unit-head" } }]),
    ).toThrow(/recipients/);
  });

  it("refuses a notice kind or a recipient role the domain does not define", () => {
    expect(() => effectsOf([{ type: "notify", params: { ...notify, topic: "proposal.lost" } }])).toThrow(/topic/);
    expect(() => effectsOf([{ type: "notify", params: { ...notify, recipients: [{ role: "mayor" }] } }])).toThrow(
      /recipients/,
    );
  });

  it("refuses a deadline without what its alarms need", () => {
    expect(() => effectsOf([{ type: "deadline.open", params: { deadlineId: "dl1-reply", kind: "reply" } }])).toThrow(
      /malformed deadline\.open effect/,
    );
  });
});
