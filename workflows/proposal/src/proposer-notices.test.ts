import type { Actor } from "@huiyin/domain";
import { describe, expect, it } from "vitest";
import type { Effect, NotifyParams } from "./effects.ts";
import { coProposer, jointInput, lead, Run, staff, unit } from "./test-support/fixtures.ts";

/**
 * What the proposers are told, and that the staff check stays a gate for notices too: registration, the handling
 * units and the released reply reach every proposer of a joint proposal (联名); a reply reaches them only once staff
 * accepted it, and a returned reply or its return reason never does.
 */

const everyProposer = [
  { role: "proposer", id: lead.id },
  { role: "proposer", id: coProposer.id },
];

/** A run that keeps every step's effects, with the event that caused them. */
class Recorded extends Run {
  log: { type: string; effects: Effect[] }[] = [];

  override send(body: Parameters<Run["send"]>[0], actor: Actor, at?: string): Effect[] {
    const effects = super.send(body, actor, at);
    this.log.push({ type: body.type, effects });
    return effects;
  }

  /** The notices of the log addressed to a proposer, with the event that sent each. */
  proposerNotices(): { type: string; notice: NotifyParams }[] {
    return this.log.flatMap(({ type, effects }) =>
      effects.flatMap((e) =>
        e.type === "notify" && e.params.recipients.some((r) => r.role === "proposer")
          ? [{ type, notice: e.params }]
          : [],
      ),
    );
  }
}

const notices = (effects: Effect[]) => effects.flatMap((e) => (e.type === "notify" ? [e.params] : []));

function contact(run: Run, unitId: string) {
  run
    .advanceDays(1)
    .send(
      { type: "handle.contact", channel: "phone", contactedAt: new Date(run.now).toISOString(), summary: "called" },
      unit(unitId),
    );
}

function reply(run: Run, unitId: string, text: string, classification: "A" | "B" | "C" = "A") {
  run.advanceDays(5).send({ type: "handle.reply", classification, text, signedOffBy: "head" }, unit(unitId));
}

describe("what the proposers are told", () => {
  it("registration and the handling units reach every proposer of a joint proposal", () => {
    const run = new Recorded(jointInput());
    run.send({ type: "submit" }, lead);
    const registered = run.send({ type: "review.register", category: "livelihood" }, staff);
    expect(notices(registered)).toContainEqual({ topic: "proposal.registered", recipients: everyProposer });

    const assigned = run.send(
      {
        type: "assign",
        mode: "lead-co",
        units: [
          { unitId: "u-civil", role: "lead" },
          { unitId: "u-finance", role: "co" },
        ],
      },
      staff,
    );
    expect(notices(assigned)).toContainEqual({
      topic: "assignment.announced",
      recipients: everyProposer,
      units: [
        { unitId: "u-civil", role: "lead" },
        { unitId: "u-finance", role: "co" },
      ],
    });

    // A unit objects and staff reassign: the proposers learn the new handling unit.
    run.send({ type: "unit.object", reason: "not ours" }, unit("u-finance"));
    const reassigned = run.send({ type: "assign", mode: "sole", units: [{ unitId: "u-health", role: "lead" }] }, staff);
    expect(notices(reassigned)).toContainEqual({
      topic: "assignment.announced",
      recipients: everyProposer,
      units: [{ unitId: "u-health", role: "lead" }],
    });
    // The objection and its reason are the committee's: no proposer is told.
    expect(run.proposerNotices().map((n) => n.notice.topic)).toEqual([
      "proposal.registered",
      "assignment.announced",
      "assignment.announced",
    ]);
  });

  it("the reply reaches every proposer only when staff accepted it, and only the accepted one", () => {
    const run = new Recorded(jointInput());
    run.send({ type: "submit" }, lead);
    run.send({ type: "review.register", category: "livelihood" }, staff);
    run.assignSeparately(["u-civil", "u-transport"]);
    contact(run, "u-civil");
    contact(run, "u-transport");

    reply(run, "u-civil", "first draft, too vague");
    run.send({ type: "supervise.returnReply", unitId: "u-civil", reason: "answer every suggestion" }, staff);
    reply(run, "u-civil", "a plan for ten stations", "B");
    reply(run, "u-transport", "two bus lines added");
    const acceptedOne = run.send({ type: "supervise.acceptReply", unitId: "u-civil" }, staff);
    // One part accepted, another still being checked: nothing is released yet.
    expect(notices(acceptedOne).filter((n) => n.topic === "reply.released")).toEqual([]);
    const acceptedAll = run.send({ type: "supervise.acceptReply", unitId: "u-transport" }, staff);
    expect(run.state).toBe("evaluate.awaiting");

    const released = notices(acceptedAll).filter((n) => n.topic === "reply.released");
    expect(released).toEqual([
      {
        topic: "reply.released",
        recipients: everyProposer,
        replies: [
          { unitId: "u-civil", classification: "B", text: "a plan for ten stations", at: expect.any(String) },
          { unitId: "u-transport", classification: "A", text: "two bus lines added", at: expect.any(String) },
        ],
      },
    ]);

    const toProposers = run.proposerNotices();
    // Before the acceptance, no notice to a proposer carries a reply; the returned reply and the staff's reason for
    // returning it reach no proposer at all.
    for (const { type, notice } of toProposers) {
      if (type !== "supervise.acceptReply") expect(notice.replies).toBeUndefined();
      const said = JSON.stringify(notice);
      expect(said).not.toContain("first draft, too vague");
      expect(said).not.toContain("answer every suggestion");
    }
    expect(toProposers.map((n) => n.notice.topic)).toEqual([
      "proposal.registered",
      "assignment.announced",
      "reply.released",
    ]);
  });
});

describe("what a handling unit is told of its extension request", () => {
  it("the decision as data (approved with the new due date, or denied with the reason), for the notifier to word", () => {
    const run = new Run().submitAndRegister().assignSole("u-civil");
    contact(run, "u-civil");
    run.send({ type: "handle.requestExtension", newDueDate: "2025-08-29", reason: "survey needed" }, unit("u-civil"));
    expect(notices(run.send({ type: "extension.approve" }, staff))).toContainEqual({
      topic: "extension.decided",
      recipients: [{ role: "unit", unitId: "u-civil" }],
      extension: { approved: true, dueDate: "2025-08-29" },
    });
    run.send({ type: "handle.requestExtension", newDueDate: "2025-09-01", reason: "more time" }, unit("u-civil"));
    expect(notices(run.send({ type: "extension.deny", reason: "past the cap" }, staff))).toContainEqual({
      topic: "extension.decided",
      recipients: [{ role: "unit", unitId: "u-civil" }],
      extension: { approved: false },
      note: "past the cap",
    });
  });
});
