import { describe, expect, it } from "vitest";
import { channelsFor, type Directory, type Person } from "./directory.ts";
import { resolveRecipients } from "./recipients.ts";

const person = (id: string, extra: Partial<Person> = {}): Person => ({
  id,
  name: id,
  email: `${id}@example.org`,
  language: "zh-CN",
  channels: null,
  ...extra,
});

const directory: Directory = {
  people: [person("wang"), person("li"), person("zhao"), person("chen"), person("staff-1"), person("chair-1")],
  units: [
    { id: "u-1", name: "市住建局", headPersonId: "wang", supervisorLeaderId: "leader-9" },
    { id: "u-2", name: "市教育局", headPersonId: null, supervisorLeaderId: null },
  ],
  roles: [
    { role: "leader", scope: "leader-9", personId: "li" },
    { role: "leader", scope: "leader-key", personId: "zhao" },
    { role: "staff-head", scope: "", personId: "chen" },
    { role: "staff", scope: "", personId: "staff-1" },
    { role: "staff", scope: "", personId: "chen" },
    { role: "chairs-meeting", scope: "", personId: "chair-1" },
    { role: "unit", scope: "u-1", personId: "wang" },
  ],
};

const ids = (refs: Parameters<typeof resolveRecipients>[0], context = {}) =>
  resolveRecipients(refs, directory, context).recipients.map((r) => `${r.person.id}<${r.via}`);

describe("resolveRecipients", () => {
  it("finds the head of the named unit, or of the deadline's unit", () => {
    expect(ids([{ role: "unit-head", unitId: "u-1" }])).toEqual(["wang<unit-head:u-1"]);
    expect(ids([{ role: "unit-head" }], { deadlineUnitId: "u-1" })).toEqual(["wang<unit-head"]);
    expect(ids([{ role: "co-unit-head", unitId: "u-1" }])).toEqual(["wang<co-unit-head:u-1"]);
  });

  it("finds the supervising leader: named, else the key proposal's, else the unit's supervisor", () => {
    expect(ids([{ role: "supervising-leader", id: "leader-key" }], { deadlineUnitId: "u-1" })).toEqual([
      "zhao<supervising-leader:leader-key",
    ]);
    expect(ids([{ role: "supervising-leader" }], { keyLeaderId: "leader-key", deadlineUnitId: "u-1" })).toEqual([
      "zhao<supervising-leader",
    ]);
    expect(ids([{ role: "supervising-leader" }], { deadlineUnitId: "u-1" })).toEqual(["li<supervising-leader"]);
  });

  it("resolves committee-wide roles to everyone holding them, each person once", () => {
    expect(ids([{ role: "staff" }, { role: "staff-head" }])).toEqual(["staff-1<staff", "chen<staff"]);
    expect(ids([{ role: "chairs-meeting" }])).toEqual(["chair-1<chairs-meeting"]);
    expect(
      ids([
        { role: "unit", unitId: "u-1" },
        { role: "leader", id: "leader-9" },
      ]),
    ).toEqual(["wang<unit:u-1", "li<leader:leader-9"]);
  });

  it("reports what nobody stands for", () => {
    const resolution = resolveRecipients(
      [{ role: "unit-head", unitId: "u-2" }, { role: "committee-leader" }, { role: "supervising-leader" }],
      directory,
      { deadlineUnitId: "u-2" },
    );
    expect(resolution.recipients).toEqual([]);
    expect(resolution.unresolved).toEqual(["unit-head:u-2", "committee-leader", "supervising-leader"]);
  });
});

describe("channelsFor", () => {
  it("takes the person's choice for the kind, then for every kind, then the defaults", () => {
    const picky = person("p", { channels: { "deadline.reminder": ["inbox"], "*": ["email"] } });
    expect(channelsFor(picky, "deadline.reminder")).toEqual(["inbox"]);
    expect(channelsFor(picky, "deadline.escalation")).toEqual(["email"]);
    expect(channelsFor(person("q"), "deadline.escalation")).toEqual(["inbox", "email"]);
    expect(channelsFor(person("q"), "proposal.assigned")).toEqual(["inbox"]);
    expect(channelsFor(person("q"), "digest")).toEqual(["inbox", "email"]);
  });

  it("ignores channels it does not know", () => {
    const odd = person("r", { channels: { "*": ["email", "pigeon" as "email"] } });
    expect(channelsFor(odd, "x")).toEqual(["email"]);
  });
});
