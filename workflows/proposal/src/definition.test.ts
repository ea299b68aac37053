import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allStates, exportDefinition, toMermaid } from "./definition.ts";
import { STAGES } from "./machine.ts";

describe("exported definition", () => {
  const def = exportDefinition();

  it("is JSON with a version, the stages at the top and documentation on every state", () => {
    expect(JSON.parse(JSON.stringify(def))).toEqual(def);
    expect(def.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(def.root.states.map((s) => s.path)).toEqual([...STAGES]);
    for (const s of allStates(def)) expect(s.summary, s.path).not.toBe("");
  });

  it("names guards and parameterised actions readably", () => {
    const draft = allStates(def).find((s) => s.path === "submit.revising");
    expect(draft?.entry).toEqual(["openStageDeadline(kind=resubmission)"]);
    const lapse = draft?.on.find((t) => t.event === "deadline.due");
    expect(lapse).toMatchObject({ targets: ["closed.lapsed"], guard: "and(permitted, dueIs(kind=resubmission))" });
  });
});

describe("Mermaid diagram", () => {
  const diagram = toMermaid();

  it("has every state and every transition with a target", () => {
    for (const s of allStates()) expect(diagram).toContain(`as ${s.path.replaceAll(".", "_")}`);
    for (const s of allStates()) {
      for (const t of s.on) {
        for (const target of t.targets) {
          expect(diagram).toMatch(
            new RegExp(
              `${s.path.replaceAll(".", "_")} --> ${target.replaceAll(".", "_")} : [^\\n]*${t.event.replace(".", "\\.")}`,
            ),
          );
        }
      }
    }
  });

  it("is the diagram in the README (regenerate with the command there when the machine changes)", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    expect(readme).toContain(["```mermaid", diagram.trimEnd(), "```"].join("\n"));
  });

  it("the README's state table lists every state", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    for (const s of allStates()) expect(readme).toContain(`| \`${s.path}\` |`);
  });
});
