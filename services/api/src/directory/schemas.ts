import { CHANNELS, LANGUAGES } from "@huiyin/notify";
import { z } from "zod";

/**
 * A directory id (person, unit, leader, member): letters, digits, `.`, `_`, `-`. No `:` — role labels are
 * `role:scope` and inbox names `role:id`, so an id with a colon could not be told from its scope.
 */
export const directoryId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][\w.-]*$/, "letters, digits, '.', '_' and '-', starting with a letter or digit");

const text = z.string().trim().min(1).max(200);

/** A notice kind (`deadline.escalation`, `proposal.assigned`, …) or `*`, the fallback for every other kind. */
const noticeKind = z
  .string()
  .max(100)
  .regex(/^(\*|[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*)$/, "a notice kind such as deadline.escalation, or *");

/**
 * Channels per notice kind, as the notifier reads them (`channelsFor`): the notifier's own channel list, so a
 * channel it cannot deliver is refused here. An empty list turns a kind off for this person. (Webhooks are for
 * integrators, never chosen per person.)
 */
export const channelMapSchema = z
  .record(
    noticeKind,
    z
      .array(z.enum(CHANNELS))
      .max(CHANNELS.length * 2)
      .transform((channels) => [...new Set(channels)]),
  )
  .refine((map) => Object.keys(map).length <= 50, "at most 50 notice kinds");

/** A mobile number for the SMS channel: digits, an optional leading `+`; spaces and dashes are dropped. */
export const PHONE = /^\+?[0-9]{6,20}$/;
export const phoneSchema = z
  .string()
  .max(40)
  .transform((value) => value.replace(/[\s-]/g, ""))
  .refine((value) => PHONE.test(value), "a phone number: digits, optionally a leading +");

/** `PUT /v1/directory/people/:id`: the whole person (what is left out is cleared). */
export const personSchema = z.strictObject({
  name: text,
  email: z.email().max(254).nullable().optional(),
  /** A mobile number for SMS notices (NOTIFY_SMS_KINDS). Personal data: logs show whether it is set, not its value. */
  phone: phoneSchema.nullable().optional(),
  /** The language of the messages this person gets. */
  language: z.enum(LANGUAGES).default("zh-CN"),
  /** Null or absent: the notifier's defaults (inbox always, e-mail for deadlines). */
  channels: channelMapSchema.nullable().optional(),
});

/** `PUT /v1/directory/units/:id`: the whole unit. */
export const unitSchema = z.strictObject({
  name: text,
  /** The unit's head: a person of the directory, escalation level 1 of a late reply. */
  headPersonId: directoryId.nullable().optional(),
  /** The leader id (the scope of a `leader:<id>` role) who supervises the unit. */
  supervisorLeaderId: directoryId.nullable().optional(),
});

/** `GET /v1/directory/people` and `/units`: by id, `cursor` = the last id seen. */
export const directoryPageSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: directoryId.optional(),
});

/** `GET /v1/directory/roles`: every assignment, optionally of one role. */
export const rolesQuerySchema = z.strictObject({
  role: z.string().min(1).max(50).optional(),
});
