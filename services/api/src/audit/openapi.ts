import { z } from "zod";
import {
  admin,
  errors,
  type FeatureApi,
  instant,
  json,
  nullableString,
  page,
  queryParameters,
  ref,
} from "../http/openapi-kit.ts";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "./record.ts";
import { auditQuerySchema } from "./routes.ts";

const AuditEntry = z.strictObject({
  id: z.string(),
  committeeId: nullableString.describe("The committee the action concerned; null for a failed authentication."),
  at: instant,
  actor: z
    .strictObject({ keyId: z.string(), keyPrefix: nullableString, role: nullableString, actorId: nullableString })
    .nullable(),
  action: z.enum(AUDIT_ACTIONS),
  outcome: z.enum(AUDIT_OUTCOMES),
  target: z.strictObject({ type: z.string(), id: nullableString }).nullable(),
  details: z.unknown(),
  requestId: nullableString,
  address: nullableString,
});

/** The append-only audit trail (admin). */
export const auditApi: FeatureApi = {
  tags: [{ name: "audit", description: "The append-only audit trail (admin)." }],
  responses: { AuditEntry, AuditEntryPage: page(AuditEntry) },
  paths: {
    "/v1/audit-log": {
      get: {
        operationId: "listAuditLog",
        tags: ["audit"],
        summary:
          "The audit trail, newest first (admin: its own committee's entries; operator: what operators did and the entries of no committee): keys issued and revoked, directory changes, webhook subscriptions, dead letters retried, failed authentications and refused requests; who, when, from where, what.",
        parameters: queryParameters(auditQuerySchema),
        responses: {
          "200": { description: "A page: items and nextCursor.", ...json(ref("AuditEntryPage")) },
          ...errors(...admin),
        },
      },
    },
  },
};
