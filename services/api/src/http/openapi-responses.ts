import { CHANNELS, LANGUAGES } from "@huiyin/notify";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "../audit/record.ts";
import { KEY_ROLES } from "../auth/keys.ts";
import { NOTICE_DELIVERY_STATUSES } from "../notifications/deliveries.ts";
import { DELIVERY_STATUSES, WEBHOOK_EVENT_CHOICES } from "../webhooks/routes.ts";

type JsonSchema = Record<string, unknown>;

const string = { type: "string" } as const;
const nullableString = { type: ["string", "null"] } as const;
const instant = { type: "string", format: "date-time" } as const;
const nullableInstant = { type: ["string", "null"], format: "date-time" } as const;
const strings = { type: "array", items: string } as const;
const integer = { type: "integer" } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A closed object: every property required, nothing undocumented, so a drifting answer fails the contract test. */
function closed(properties: Record<string, JsonSchema>, optional: readonly string[] = []): JsonSchema {
  return {
    type: "object",
    properties,
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
    additionalProperties: false,
  };
}

const page = (item: string) => closed({ items: { type: "array", items: ref(item) }, nextCursor: nullableString });

const summary = {
  id: string,
  externalId: nullableString,
  stage: string,
  states: strings,
  version: integer,
  title: string,
  category: nullableString,
  proposerId: string,
  unitIds: strings,
  leaderId: nullableString,
  isKey: { type: "boolean" },
  createdAt: instant,
  updatedAt: instant,
};

const apiKey = {
  id: string,
  prefix: string,
  role: { type: "string", enum: [...KEY_ROLES] },
  actorId: string,
  unitId: nullableString,
  name: nullableString,
  createdAt: instant,
  revokedAt: nullableInstant,
};

const webhook = {
  id: string,
  url: string,
  events: { type: "array", items: { type: "string", enum: [...WEBHOOK_EVENT_CHOICES] } },
  createdAt: instant,
};

const noticeDelivery = {
  id: { type: "string", pattern: "^\\d+$" },
  channel: { type: "string", enum: [...CHANNELS] },
  recipient: { ...string, description: "`role[:scope]` for the inbox, `person:<id>` for e-mail." },
  status: { type: "string", enum: [...NOTICE_DELIVERY_STATUSES] },
  attempts: integer,
  createdAt: instant,
  deliveredAt: nullableInstant,
  lastError: nullableString,
};

const notice = {
  id: string,
  proposalId: string,
  deadlineId: nullableString,
  kind: string,
  level: integer,
  content: { type: "object" },
  createdAt: instant,
  acknowledgedAt: nullableInstant,
  acknowledgedBy: nullableString,
  deliveries: { type: "array", items: ref("NoticeDelivery") },
};

const directoryPerson = {
  id: string,
  name: string,
  email: nullableString,
  language: { type: "string", enum: [...LANGUAGES] },
  channels: {
    type: ["object", "null"],
    additionalProperties: { type: "array", items: { type: "string", enum: [...CHANNELS] } },
  },
  roles: { ...strings, description: "The role labels held: `staff-head`, `leader:<id>`, `unit:<id>`, …" },
  headOf: { ...strings, description: "The units this person heads." },
  createdAt: instant,
  updatedAt: instant,
};

const roleLabel = { label: string, role: string, scope: string };

/**
 * What the API answers, as JSON Schema 2020-12: the response side of the OpenAPI document. Written by hand (the
 * answers are built by view functions, not zod schemas); `test/api-openapi.test.ts` checks real answers against
 * these, so a view that changes without its schema fails there.
 */
export const RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  ProposalSummary: closed(summary),
  ProposalPage: page("ProposalSummary"),
  Proposal: closed({
    ...summary,
    state: { description: "XState's state value: a string, or an object for nested and parallel states." },
    content: { type: "object" },
    proposers: { type: "array", items: { type: "object", required: ["id"], properties: { id: string } } },
    assignment: { type: ["object", "null"] },
    deadlines: {
      type: "array",
      items: closed({
        deadlineId: string,
        kind: string,
        unitId: nullableString,
        dueAt: instant,
        level: integer,
        overdue: { type: "boolean" },
        calendar: { type: "string", enum: ["official", "provisional", "missing"] },
      }),
    },
    allowedEvents: strings,
  }),
  HistoryEntry: closed({
    seq: integer,
    type: string,
    actor: { type: "object", required: ["role", "id"], properties: { role: string, id: string } },
    /** null where the disclosure rules keep it from the caller (`payloadHidden`). */
    payload: {},
    payloadHidden: { type: "boolean" },
    fromStates: strings,
    toStates: strings,
    at: instant,
    requestId: nullableString,
  }),
  HistoryPage: page("HistoryEntry"),
  Notification: closed({ ...notice, topic: string }),
  NotificationPage: page("Notification"),
  NoticeDelivery: closed(noticeDelivery),
  Notice: closed({ ...notice, recipients: { description: "Who the notice is for, as the engine recorded it." } }),
  NoticeDeliveryListItem: closed({
    noticeId: string,
    proposalId: string,
    kind: string,
    level: integer,
    ...noticeDelivery,
  }),
  NoticeDeliveryPage: page("NoticeDeliveryListItem"),
  AuditEntry: closed({
    id: string,
    at: instant,
    actor: {
      oneOf: [
        { type: "null" },
        closed({ keyId: string, keyPrefix: nullableString, role: nullableString, actorId: nullableString }),
      ],
    },
    action: { type: "string", enum: [...AUDIT_ACTIONS] },
    outcome: { type: "string", enum: [...AUDIT_OUTCOMES] },
    target: { oneOf: [{ type: "null" }, closed({ type: string, id: nullableString })] },
    details: {},
    requestId: nullableString,
    address: nullableString,
  }),
  AuditEntryPage: page("AuditEntry"),
  Calendar: closed({
    id: string,
    name: string,
    utcOffsetMinutes: integer,
    weekend: { type: "array", items: integer },
    years: {
      type: "array",
      items: closed({
        year: integer,
        status: { type: "string", enum: ["official", "provisional"] },
        source: nullableString,
        holidays: {
          type: "array",
          items: closed({ name: string, from: string, to: string, makeUpWorkdays: strings }),
        },
      }),
    },
    localClosedDays: { type: "array", items: closed({ name: string, from: string, to: string }) },
    coverage: closed({
      months: integer,
      gaps: {
        type: "array",
        items: closed({ year: integer, status: { type: "string", enum: ["provisional", "missing"] } }),
      },
      warning: nullableString,
    }),
  }),
  DirectoryPerson: closed(directoryPerson),
  DirectoryPersonPage: page("DirectoryPerson"),
  DirectoryUnit: closed({
    id: string,
    name: string,
    headPersonId: nullableString,
    supervisorLeaderId: nullableString,
    createdAt: instant,
    updatedAt: instant,
  }),
  DirectoryUnitPage: page("DirectoryUnit"),
  DirectoryRole: closed({ ...roleLabel, people: { type: "array", items: ref("DirectoryPerson") } }),
  DirectoryRoleList: closed({
    items: { type: "array", items: closed({ ...roleLabel, personIds: strings }) },
  }),
  DirectoryRoleAssignment: closed({ ...roleLabel, personId: string }),
  ApiKey: closed(apiKey),
  ApiKeyCreated: closed({ ...apiKey, key: string }),
  ApiKeyList: closed({ items: { type: "array", items: ref("ApiKey") } }),
  Caller: closed({
    role: { type: "string", enum: [...KEY_ROLES] },
    actorId: string,
    unitId: nullableString,
    prefix: string,
  }),
  Stats: closed({
    at: instant,
    proposals: closed({
      total: integer,
      key: integer,
      byStage: { type: "object", additionalProperties: integer },
    }),
    overdueDeadlines: closed({ total: integer, byUnit: { type: "object", additionalProperties: integer } }),
  }),
  WorkflowDefinition: closed({ definition: { type: "object" }, mermaid: string }),
  Webhook: closed(webhook),
  WebhookCreated: closed({ ...webhook, secret: string }),
  WebhookList: closed({ items: { type: "array", items: ref("Webhook") } }),
  WebhookDelivery: closed({
    id: string,
    topic: string,
    proposalId: string,
    status: { type: "string", enum: [...DELIVERY_STATUSES] },
    attempts: integer,
    lastStatusCode: { type: ["integer", "null"] },
    lastError: nullableString,
    createdAt: instant,
    lastAttemptAt: nullableInstant,
    deliveredAt: nullableInstant,
    payload: { type: "object" },
  }),
  WebhookDeliveryPage: page("WebhookDelivery"),
};
