import { z } from "zod";
import { KEY_ROLES } from "../auth/keys.ts";
import {
  admin,
  errors,
  type FeatureApi,
  instant,
  json,
  nullableString,
  pathParameter,
  ref,
} from "../http/openapi-kit.ts";
import {
  committeeAdminKeySchema,
  committeeAdminSchema,
  createCommitteeSchema,
  updateCommitteeSchema,
} from "./schemas.ts";

const Committee = z.strictObject({ id: z.string(), name: z.string(), createdAt: instant, updatedAt: instant });

/** The deployment operator's committees. */
export const committeesApi: FeatureApi = {
  tags: [
    {
      name: "committees",
      description:
        "The committees a deployment hosts (role operator): each committee's data is its own; the operator manages committees and gives a new one its first admin, and reads no committee's proposals.",
    },
  ],
  requests: {
    CreateCommittee: createCommitteeSchema,
    UpdateCommittee: updateCommitteeSchema,
    CreateCommitteeAdminKey: committeeAdminKeySchema,
    CreateCommitteeAdmin: committeeAdminSchema,
  },
  responses: {
    Committee,
    CommitteeList: z.strictObject({ items: z.array(Committee) }),
    CommitteeAdminKey: z.strictObject({
      id: z.string(),
      committeeId: z.string(),
      prefix: z.string(),
      role: z.enum(KEY_ROLES),
      actorId: z.string(),
      unitId: nullableString,
      name: nullableString,
      createdAt: instant,
      revokedAt: instant.nullable(),
      key: z.string().describe("The key, in this answer only."),
    }),
    CommitteeAdminInvited: z.strictObject({
      committeeId: z.string(),
      personId: z.string(),
      roles: z.array(z.string()),
      link: z.string().describe("The invitation link to pass on: its holder sets the password."),
      expiresAt: instant,
    }),
  },
  paths: {
    "/v1/committees": {
      get: {
        operationId: "listCommittees",
        tags: ["committees"],
        summary: "The deployment's committees (operator).",
        responses: { "200": { description: "Every committee.", ...json(ref("CommitteeList")) }, ...errors(...admin) },
      },
      post: {
        operationId: "createCommittee",
        tags: ["committees"],
        summary: "Add a committee (operator): its id names its rows for good.",
        requestBody: { required: true, ...json(ref("CreateCommittee")) },
        responses: {
          "201": { description: "Created.", ...json(ref("Committee")) },
          ...errors(...admin, 422, "COMMITTEE_EXISTS"),
        },
      },
    },
    "/v1/committees/{id}": {
      get: {
        operationId: "getCommittee",
        tags: ["committees"],
        summary: "One committee (operator).",
        parameters: [pathParameter("id")],
        responses: { "200": { description: "The committee.", ...json(ref("Committee")) }, ...errors(...admin, 404) },
      },
      patch: {
        operationId: "updateCommittee",
        tags: ["committees"],
        summary: "Rename a committee (operator).",
        parameters: [pathParameter("id")],
        requestBody: { required: true, ...json(ref("UpdateCommittee")) },
        responses: {
          "200": { description: "The committee.", ...json(ref("Committee")) },
          ...errors(...admin, 404, 422),
        },
      },
    },
    "/v1/committees/{id}/admin-keys": {
      post: {
        operationId: "createCommitteeAdminKey",
        tags: ["committees"],
        summary: "Issue an admin API key of the committee (operator). The key is in this answer only.",
        parameters: [pathParameter("id")],
        requestBody: { required: true, ...json(ref("CreateCommitteeAdminKey")) },
        responses: {
          "201": { description: "The key, once.", ...json(ref("CommitteeAdminKey")) },
          ...errors(...admin, 404, 422),
        },
      },
    },
    "/v1/committees/{id}/admins": {
      post: {
        operationId: "createCommitteeAdmin",
        tags: ["committees"],
        summary:
          "Give the committee an administrator (operator): a new person of its directory with the admin role, and an invitation link to set their password.",
        parameters: [pathParameter("id")],
        requestBody: { required: true, ...json(ref("CreateCommitteeAdmin")) },
        responses: {
          "201": { description: "The person and their invitation link.", ...json(ref("CommitteeAdminInvited")) },
          ...errors(...admin, 404, 422, "ID_TAKEN"),
        },
      },
    },
  },
};
