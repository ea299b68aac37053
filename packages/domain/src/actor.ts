import { z } from "zod";

/** Who may act on a proposal. The engine authenticates the caller and stamps the resulting `Actor` on every event. */
export const ROLES = ["admin", "staff", "unit", "leader", "proposer", "integrator", "system"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/**
 * The party behind an event. `unitId` is required for `role: 'unit'` (the handling unit the person acts for);
 * an integrator acting for someone is stamped with that someone's role, not with `integrator`.
 */
export const actorSchema = z.strictObject({
  role: roleSchema,
  id: z.string().min(1),
  unitId: z.string().min(1).optional(),
  /**
   * A leader's supervised units (from the recipients directory), stamped by the edge that authenticated the
   * leader, so that the pure machine can tell a supervising leader without reading the directory.
   */
  supervisedUnitIds: z.array(z.string().min(1)).optional(),
  /**
   * Who else stood behind the event (issue 14, "who may act for whom"), recorded with it in the history; the
   * machine never reads it. `via`: the integrator key that sent it on behalf of `personId`, a person it
   * authenticated; `delegation`: the delegate who acted with the delegator's role during a delegation. The
   * role, id and unit above are always those the event was authorised under (the person's, or the delegator's).
   */
  behalf: z
    .strictObject({
      via: z
        .strictObject({
          keyId: z.string().min(1),
          keyPrefix: z.string().min(1),
          integratorId: z.string().min(1),
          personId: z.string().min(1),
        })
        .optional(),
      delegation: z
        .strictObject({ id: z.string().min(1), delegatorId: z.string().min(1), delegateId: z.string().min(1) })
        .optional(),
    })
    .optional(),
});
/** Who else stood behind an event: the integrator that sent it for a person, the delegation it was sent under. */
export type ActorBehalf = NonNullable<z.infer<typeof actorSchema>["behalf"]>;
export type Actor = z.infer<typeof actorSchema>;

/** The actor the engine stamps on timer events (`deadline.*`). */
export const TIMER_ACTOR = { role: "system", id: "timer" } as const satisfies Actor;

/**
 * The actor the engine stamps on a queued event (an outbox `proposal.event` job) that carries none of its own:
 * the event was queued by the system, not sent by a person.
 */
export const QUEUE_ACTOR = { role: "system", id: "queue" } as const satisfies Actor;

/** The actor of a calendar change applied to a proposal (`deadlines.recomputed`): the committee's calendar moved it. */
export const CALENDAR_ACTOR = { role: "system", id: "calendar" } as const satisfies Actor;
