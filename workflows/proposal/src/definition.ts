import type { AnyStateNode } from "xstate";
import { PROPOSAL_MACHINE_VERSION } from "./context.ts";
import { EFFECT_TYPES } from "./effects.ts";
import { proposalMachine, type StateMeta } from "./machine.ts";

export interface TransitionDefinition {
  event: string;
  /** Target state paths (`handle.contacting`); empty for a transition that stays in its state. */
  targets: string[];
  guard?: string;
  actions: string[];
}

export interface StateDefinition {
  /** Dotted path from the root, e.g. `handle.separately`. */
  path: string;
  type: "atomic" | "compound" | "parallel" | "final" | "history";
  summary: string;
  deadlines: string[];
  initial?: string;
  entry: string[];
  exit: string[];
  on: TransitionDefinition[];
  states: StateDefinition[];
}

export interface MachineDefinition {
  id: string;
  version: string;
  effects: readonly string[];
  root: StateDefinition;
}

const pathOf = (node: AnyStateNode) => node.path.join(".");

/** A readable name for a guard or action object as XState stores it (`and(permitted, dueIs(kind=…))`). */
function describe(item: unknown): string {
  if (typeof item === "string") return item;
  if (typeof item === "function") return item.name || "inline";
  if (typeof item !== "object" || item === null) return String(item);
  const { type, params } = item as { type?: unknown; params?: unknown };
  const guards = (item as { guards?: unknown[] }).guards;
  if (typeof type === "string" && type.startsWith("xstate.") && guards) {
    return `${type.slice("xstate.".length)}(${guards.map(describe).join(", ")})`;
  }
  if (params && typeof params === "object") {
    const args = Object.entries(params as Record<string, unknown>).map(
      ([k, v]) => `${k}=${Array.isArray(v) ? v.join("|") : String(v)}`,
    );
    return `${String(type)}(${args.join(", ")})`;
  }
  return String(type);
}

function describeGuard(guard: unknown): string | undefined {
  if (guard === undefined) return undefined;
  // `and([...])` is stored as a function carrying its parts.
  const parts = (guard as { guards?: unknown[] }).guards;
  if (typeof guard === "function" && parts) return `and(${parts.map(describe).join(", ")})`;
  return describe(guard);
}

function stateDefinition(node: AnyStateNode): StateDefinition {
  const meta = (node.meta ?? {}) as Partial<StateMeta>;
  const on: TransitionDefinition[] = [];
  for (const [event, transitions] of node.transitions) {
    for (const t of transitions) {
      const guard = describeGuard(t.guard);
      on.push({
        event,
        targets: (t.target ?? []).map(pathOf),
        ...(guard === undefined ? {} : { guard }),
        actions: t.actions.map(describe),
      });
    }
  }
  const initial = node.initial?.target[0];
  return {
    path: pathOf(node),
    type: node.type,
    summary: meta.summary ?? "",
    deadlines: meta.deadlines ?? [],
    ...(initial ? { initial: pathOf(initial) } : {}),
    entry: node.entry.map(describe),
    exit: node.exit.map(describe),
    on,
    states: Object.values(node.states).map(stateDefinition),
  };
}

/** The machine as JSON: states, transitions with guards and actions, per-state documentation and deadlines. */
export function exportDefinition(): MachineDefinition {
  return {
    id: proposalMachine.id,
    version: PROPOSAL_MACHINE_VERSION,
    effects: EFFECT_TYPES,
    root: stateDefinition(proposalMachine.root),
  };
}

/** Every state of the definition, depth first, root excluded. */
export function allStates(def: MachineDefinition = exportDefinition()): StateDefinition[] {
  const walk = (s: StateDefinition): StateDefinition[] => [s, ...s.states.flatMap(walk)];
  return def.root.states.flatMap(walk);
}

const mermaidId = (path: string) => path.replaceAll(".", "_");

/**
 * The machine as a Mermaid `stateDiagram-v2`: stages as composite states, every transition with a target as an
 * edge labelled with its event, and the events a state handles without moving (records, timers) as a note.
 */
export function toMermaid(def: MachineDefinition = exportDefinition()): string {
  const lines = ["stateDiagram-v2", `  %% ${def.id} machine v${def.version}`];
  const edges: string[] = [];
  const notes: string[] = [];
  const visit = (s: StateDefinition, indent: string) => {
    const id = mermaidId(s.path);
    const name = s.path.split(".").at(-1) ?? s.path;
    if (s.states.length > 0) {
      lines.push(`${indent}state "${name}" as ${id} {`);
      if (s.initial) lines.push(`${indent}  [*] --> ${mermaidId(s.initial)}`);
      for (const child of s.states) visit(child, `${indent}  `);
      lines.push(`${indent}}`);
    } else {
      lines.push(`${indent}state "${name}" as ${id}`);
      if (s.type === "final") lines.push(`${indent}${id} --> [*]`);
    }
    const labels = new Map<string, Set<string>>();
    const stays = new Set<string>();
    for (const t of s.on) {
      if (t.targets.length === 0) stays.add(t.event);
      for (const target of t.targets) {
        const key = `${id} --> ${mermaidId(target)}`;
        labels.set(key, (labels.get(key) ?? new Set()).add(t.event));
      }
    }
    for (const [edge, events] of labels) edges.push(`  ${edge} : ${[...events].join(" / ")}`);
    if (stays.size > 0) notes.push(`  note right of ${id} : also ${[...stays].join(", ")}`);
  };
  if (def.root.initial) lines.push(`  [*] --> ${mermaidId(def.root.initial)}`);
  for (const s of def.root.states) visit(s, "  ");
  const rootStays = def.root.on.map((t) => t.event);
  return [...lines, ...edges, ...notes, `  %% in every state: ${rootStays.join(", ")} for the open deadlines`, ""].join(
    "\n",
  );
}
