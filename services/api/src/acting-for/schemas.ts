import { z } from "zod";
import { parseRolePattern } from "./rules.ts";

const id = z.string().trim().min(1).max(200);

/** A role pattern of a binding or a delegation: `proposer`, `unit:water`, `leader:l-1`, `staff` (never admin). */
export const rolePatternSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((text) => parseRolePattern(text) !== undefined, {
    message: "a role to act under: staff, unit[:<unit id>], leader[:<leader id>] or proposer[:<member id>]",
  });

/** Whom an integrator key may act for: people by id, and the holders of directory roles. */
export const actsForSchema = z.strictObject({
  people: z.array(id).max(10_000).default([]),
  roles: z.array(rolePatternSchema).max(100).default([]),
});

/** `POST /v1/people/:id/delegations`: to whom, for which period, optionally which roles. */
export const createDelegationSchema = z.strictObject({
  delegateId: id,
  from: z.iso.datetime({ offset: true }).describe("The start (included)."),
  until: z.iso.datetime({ offset: true }).describe("The end (excluded)."),
  roles: z
    .array(rolePatternSchema)
    .max(20)
    .default([])
    .describe("Which of the delegator's roles; empty: all but admin."),
  reason: z.string().trim().min(1).max(500).optional(),
});

/** `POST /v1/people/:id/succession`: who takes over, and whether the leaver's account is disabled or kept. */
export const successionSchema = z.strictObject({
  successorId: id,
  account: z.enum(["disable", "keep"]).describe("disable: the leaver signs in no more and their sessions end."),
  reason: z.string().trim().min(1).max(500).optional(),
});
