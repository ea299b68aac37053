import type { RecipientRole } from "@huiyin/domain";

export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Channels the notifier knows. `webhook` is delivered elsewhere (integrators), never chosen per person. */
export const CHANNELS = ["inbox", "email"] as const;
export type Channel = (typeof CHANNELS)[number];

/** A person of the recipients directory, as the notifier needs them. */
export interface Person {
  id: string;
  name: string;
  email: string | null;
  language: Language;
  /** Channels per notice kind (`deadline.escalation`, …), `*` for every other kind; null: the defaults. */
  channels: Partial<Record<string, Channel[]>> | null;
}

export interface DirectoryUnit {
  id: string;
  name: string;
  headPersonId: string | null;
  /** The leader id (as in a `leader` role's scope) who supervises the unit. */
  supervisorLeaderId: string | null;
}

/** (role, scope) → people: committee-wide roles have scope "". */
export interface RoleAssignment {
  role: string;
  scope: string;
  personId: string;
}

export interface Directory {
  people: readonly Person[];
  units: readonly DirectoryUnit[];
  roles: readonly RoleAssignment[];
}

/** A recipient as the proposal machine names it (`NotifyParams.recipients`). */
export interface RecipientRef {
  role: RecipientRole | string;
  id?: string;
  unitId?: string;
}

/** What a notice is about, beyond its recipients: needed to resolve roles that depend on the proposal. */
export interface ResolutionContext {
  /** The unit of the notice's deadline (a unit-head or supervising-leader without a unit of their own). */
  deadlineUnitId?: string | null;
  /** The key proposal's leader, when there is one. */
  keyLeaderId?: string | null;
}

export interface ResolvedRecipient {
  person: Person;
  /** The role that brought this person in, e.g. `unit-head:u-1`: for logs and for "who was notified". */
  via: string;
}

export interface Resolution {
  recipients: ResolvedRecipient[];
  /** Recipient references nobody in the directory stands for: the notifier logs them (and the inbox keeps them). */
  unresolved: string[];
}

/** The `role:scope` label the inbox uses for a recipient reference. */
export function labelOf(ref: RecipientRef): string {
  const scope = ref.id ?? ref.unitId;
  return scope ? `${ref.role}:${scope}` : ref.role;
}

/**
 * Turns a notice's recipient references into people of the directory. Pure: the caller loads the directory.
 * Escalation roles follow the domain: `unit-head`/`co-unit-head` is the head of the named unit (or of the
 * deadline's unit); `supervising-leader` is the named leader, else the key proposal's leader, else the leader who
 * supervises the deadline's unit. A person named by several references appears once (first reference wins).
 */
export function resolveRecipients(
  refs: readonly RecipientRef[],
  directory: Directory,
  context: ResolutionContext = {},
): Resolution {
  const people = new Map(directory.people.map((person) => [person.id, person]));
  const units = new Map(directory.units.map((unit) => [unit.id, unit]));
  const holders = (role: string, scope: string) =>
    directory.roles.filter((r) => r.role === role && r.scope === scope).map((r) => r.personId);

  const seen = new Map<string, ResolvedRecipient>();
  const unresolved: string[] = [];
  for (const ref of refs) {
    const ids = personIdsFor(ref);
    const found = ids.flatMap((id) => {
      const person = people.get(id);
      return person ? [person] : [];
    });
    if (found.length === 0) unresolved.push(labelOf(ref));
    for (const person of found) if (!seen.has(person.id)) seen.set(person.id, { person, via: labelOf(ref) });
  }
  return { recipients: [...seen.values()], unresolved };

  function personIdsFor(ref: RecipientRef): string[] {
    switch (ref.role) {
      case "unit-head":
      case "co-unit-head": {
        const unit = units.get(ref.unitId ?? context.deadlineUnitId ?? "");
        return unit?.headPersonId ? [unit.headPersonId] : [];
      }
      case "supervising-leader": {
        const unitLeader = units.get(context.deadlineUnitId ?? "")?.supervisorLeaderId;
        const leaderId = ref.id ?? context.keyLeaderId ?? unitLeader;
        return leaderId ? holders("leader", leaderId) : [];
      }
      case "unit":
        return holders("unit", ref.unitId ?? ref.id ?? "");
      case "leader":
      case "proposer":
        return holders(ref.role, ref.id ?? "");
      default:
        // staff, staff-head, committee-leader, chairs-meeting: committee-wide.
        return holders(ref.role, "");
    }
  }
}

/** The default channels when a person chose none for a kind: inbox always, e-mail for deadlines and the digest. */
export function defaultChannels(kind: string): Channel[] {
  return kind.startsWith("deadline.") || kind === "digest" ? ["inbox", "email"] : ["inbox"];
}

/** The channels a person gets a notice of this kind on: their choice for the kind, else for `*`, else the defaults. */
export function channelsFor(person: Person, kind: string): Channel[] {
  const chosen = person.channels?.[kind] ?? person.channels?.["*"] ?? defaultChannels(kind);
  return chosen.filter((channel) => (CHANNELS as readonly string[]).includes(channel));
}

/** Reads a stored language, defaulting to Chinese (the committees' working language). */
export function languageOf(value: string | null | undefined): Language {
  return value === "en" ? "en" : "zh-CN";
}
