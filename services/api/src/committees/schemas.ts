import { LANGUAGES } from "@huiyin/notify";
import { z } from "zod";
import { directoryId } from "../directory/schemas.ts";

/** A committee's id: short, lower-case, URL- and log-safe (`default`, `sz-futian`). */
export const committeeId = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and '-', starting with a letter or digit");

const name = z.string().trim().min(1).max(200);

/** `POST /v1/committees`: a new committee (no data of its own yet: its directory, policy and calendar follow). */
export const createCommitteeSchema = z.strictObject({ id: committeeId, name });

/** `PATCH /v1/committees/:id`: what may change of a committee (its id names its rows and never does). */
export const updateCommitteeSchema = z.strictObject({ name });

/** `POST /v1/committees/:id/admin-keys`: an admin API key of that committee, answered once. */
export const committeeAdminKeySchema = z.strictObject({
  /** Who the key acts as (stamped on what it does). */
  actorId: name,
  name: name.optional(),
});

/**
 * `POST /v1/committees/:id/admins`: the committee's first (or another) administrator, a person made in that
 * committee's directory with the `admin` role, and an invitation to set their password.
 */
export const committeeAdminSchema = z.strictObject({
  personId: directoryId,
  name,
  email: z.email().max(254),
  language: z.enum(LANGUAGES).default("zh-CN"),
});
