import { z } from "zod";
import { admin, errors, type FeatureApi, instant, integer, json, nullableString, ref } from "../http/openapi-kit.ts";
import { putPolicySchema } from "./routes.ts";

const anyObject = z.record(z.string(), z.unknown());

const PolicyVersion = z.strictObject({
  version: integer,
  override: anyObject.describe("What the committee wrote: the override of the default policy."),
  policy: anyObject.describe("The whole policy it gives."),
  changedBy: z.string().describe("`<role>:<actor id>` of the key, or `file:<name>` for POLICY_FILE."),
  changedAt: instant,
  note: nullableString,
});

/** A committee's policy as data. */
export const policyApi: FeatureApi = {
  tags: [{ name: "policy", description: "The committee's policy: durations, reminders, escalation, windows, limits." }],
  requests: { PutPolicy: putPolicySchema },
  responses: {
    PolicyVersion,
    PolicyVersionList: z.strictObject({ items: z.array(PolicyVersion) }),
    CurrentPolicy: z.strictObject({
      version: integer.nullable().describe("null: no version kept, the default policy applies."),
      policy: anyObject,
      changedBy: nullableString,
      changedAt: instant.nullable(),
    }),
  },
  paths: {
    "/v1/policy": {
      get: {
        operationId: "getPolicy",
        tags: ["policy"],
        summary: "The policy new proposals are registered under (admin).",
        responses: { "200": { description: "The policy.", ...json(ref("CurrentPolicy")) }, ...errors(...admin) },
      },
      put: {
        operationId: "putPolicy",
        tags: ["policy"],
        summary:
          "Keeps a new policy version (admin): an override of the default policy, validated in full. It applies to proposals registered after it; running proposals keep theirs.",
        requestBody: { required: true, ...json(ref("PutPolicy")) },
        responses: {
          "200": { description: "The same override as the last version: that version.", ...json(ref("PolicyVersion")) },
          "201": { description: "The version kept.", ...json(ref("PolicyVersion")) },
          ...errors(...admin, 422, "POLICY_INVALID"),
        },
      },
    },
    "/v1/policy/versions": {
      get: {
        operationId: "listPolicyVersions",
        tags: ["policy"],
        summary: "Every version of the committee's policy, newest first, with who changed it and when (admin).",
        responses: { "200": { description: "The versions.", ...json(ref("PolicyVersionList")) }, ...errors(...admin) },
      },
    },
  },
};
