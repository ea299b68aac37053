import { DIGEST_KIND, NOTICE_KIND_RULES, noticeKindOf } from "./notice-kinds.ts";

export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Channels the notifier knows. `webhook` is delivered elsewhere (integrators), never chosen per person. */
export const CHANNELS = ["inbox", "email"] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Every channel a `notice_deliveries` row may name: a person's own channels, and those the deployment routes by
 * notice kind (SMS to people with a phone, group robots of 企业微信/政务微信 and 钉钉; services/notifier `channels/`).
 */
export const DELIVERY_CHANNELS = [...CHANNELS, "sms", "wecom", "dingtalk"] as const;

/** A person of the recipients directory, as the notifier needs them. */
export interface Person {
  id: string;
  name: string;
  email: string | null;
  language: Language;
  /** Channels per notice kind (`NOTICE_KINDS`, or `digest`), `*` for every other kind; null: the defaults. */
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

/**
 * The default channels when a person chose none for a kind: inbox always, e-mail for the kinds whose rule says so
 * (the deadline notices, `NOTICE_KIND_RULES`) and the digest. A stored kind the domain does not define keeps the
 * rule it always had: e-mail for a `deadline.` one.
 */
export function defaultChannels(kind: string): Channel[] {
  const known = noticeKindOf(kind);
  const email = known ? NOTICE_KIND_RULES[known].emailByDefault : kind === DIGEST_KIND || kind.startsWith("deadline.");
  return email ? ["inbox", "email"] : ["inbox"];
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
