import { z } from "zod";
import {
  admin,
  errors,
  type FeatureApi,
  idempotencyKey,
  instant,
  json,
  nullableInstant,
  nullableString,
  pathParameter,
  ref,
} from "../http/openapi-kit.ts";
import { actsForSchema, createDelegationSchema, successionSchema } from "./schemas.ts";

/** The refusals of `X-On-Behalf-Of`, answered by any operation an integrator key sends it with. */
export const onBehalfRefusals = [
  "ON_BEHALF_NOT_INTEGRATOR",
  "ON_BEHALF_UNKNOWN_PERSON",
  "ON_BEHALF_PERSON_DISABLED",
  "ON_BEHALF_NOT_BOUND",
] as const;

/** The header, for the operations an integrator sends on a person's behalf. */
export const onBehalfHeader = {
  name: "X-On-Behalf-Of",
  in: "header",
  required: false,
  description:
    "An integrator key acting for a person of the directory it authenticated: the request is authorised with that person's roles the key is bound to (its actsFor), and events record both.",
  schema: { type: "string" },
};

const Delegation = z.strictObject({
  id: z.string(),
  delegatorId: z.string(),
  delegateId: z.string(),
  from: instant,
  until: instant,
  roles: z.array(z.string()),
  reason: nullableString,
  createdBy: z.string(),
  createdAt: instant,
  revokedAt: nullableInstant,
  revokedBy: nullableString,
  active: z.boolean().describe("Whether it holds now: within its period and not revoked."),
});

const personId = pathParameter("id", "The person (the delegator, or a party of the delegation).");

/** Who may act for whom (issue 14): integrator bindings, delegations, succession. */
export const actingForApi: FeatureApi = {
  tags: [
    {
      name: "acting-for",
      description:
        "Who may act for whom: an integrator key's binding (X-On-Behalf-Of), delegations of a person away, and the handover of a leaver's roles and open items to a successor.",
    },
  ],
  requests: { ActsFor: actsForSchema, CreateDelegation: createDelegationSchema, Succession: successionSchema },
  responses: {
    Delegation,
    DelegationList: z.strictObject({ items: z.array(Delegation) }),
    SuccessionResult: z.strictObject({
      leaverId: z.string(),
      successorId: z.string(),
      roles: z.array(z.string()).describe("The directory roles moved (role or role:scope); proposer roles stay."),
      headOf: z.array(z.string()).describe("The units whose head is now the successor."),
      openNotices: z
        .array(z.string())
        .describe("The unacknowledged notices addressed to the moved roles, now in the successor's inbox."),
      delegationsRevoked: z.int(),
      account: z.enum(["disabled", "kept"]),
    }),
  },
  paths: {
    "/v1/api-keys/{id}/acts-for": {
      put: {
        operationId: "bindApiKey",
        tags: ["acting-for", "api-keys"],
        summary: "Replace an integrator key's binding (admin): the people and directory roles it may act for.",
        parameters: [pathParameter("id")],
        requestBody: { required: true, ...json(ref("ActsFor")) },
        responses: { "200": { description: "The key.", ...json(ref("ApiKey")) }, ...errors(...admin, 404, 422) },
      },
    },
    "/v1/people/{id}/delegations": {
      post: {
        operationId: "createDelegation",
        tags: ["acting-for"],
        summary:
          "Delegate a person's roles to another for a period (admin, or the person themself): during it the delegate holds them too.",
        parameters: [personId, idempotencyKey],
        requestBody: { required: true, ...json(ref("CreateDelegation")) },
        responses: {
          "201": { description: "The delegation.", ...json(ref("Delegation")) },
          ...errors(
            ...admin,
            404,
            422,
            "DELEGATION_INVALID",
            "INVALID_IDEMPOTENCY_KEY",
            "IDEMPOTENCY_IN_PROGRESS",
            "IDEMPOTENCY_KEY_REUSED",
          ),
        },
      },
      get: {
        operationId: "listDelegations",
        tags: ["acting-for"],
        summary: "The delegations a person gave or received (admin, or the person themself), latest first.",
        parameters: [personId],
        responses: {
          "200": { description: "The delegations.", ...json(ref("DelegationList")) },
          ...errors(...admin, 404),
        },
      },
    },
    "/v1/people/{id}/delegations/{delegationId}/revoke": {
      post: {
        operationId: "revokeDelegation",
        tags: ["acting-for"],
        summary: "End a delegation at once (admin, the delegator or the delegate).",
        parameters: [personId, pathParameter("delegationId")],
        responses: {
          "200": { description: "The delegation, revoked.", ...json(ref("Delegation")) },
          ...errors(...admin, 404),
        },
      },
    },
    "/v1/people/{id}/succession": {
      post: {
        operationId: "handOver",
        tags: ["acting-for"],
        summary:
          "Hand a leaver's roles (unit contact and head, leader, staff; not a proposer's) and open items to a successor (admin); disable or keep the leaver's account.",
        parameters: [pathParameter("id", "The leaver.")],
        requestBody: { required: true, ...json(ref("Succession")) },
        responses: {
          "200": { description: "What moved.", ...json(ref("SuccessionResult")) },
          ...errors(...admin, 404, 422, "SUCCESSION_INVALID"),
        },
      },
    },
  },
};
