import { PROPOSER_TYPES, proposalEventSchema, REFUSAL_CODES, SOURCE_CHANNELS } from "@huiyin/domain";
import { z } from "zod";
import { onBehalfHeader, onBehalfRefusals } from "../acting-for/openapi.ts";
import {
  admin,
  anyObject,
  common,
  errors,
  type FeatureApi,
  idempotencyKey,
  instant,
  integer,
  json,
  nullableString,
  page,
  pathParameter,
  queryParameters,
  ref,
  strings,
} from "../http/openapi-kit.ts";
import { WHO } from "./refusals.ts";
import { createProposalSchema, historyQuerySchema, listQuerySchema } from "./schemas.ts";

const summaryShape = {
  id: z.string(),
  externalId: nullableString,
  stage: z.string(),
  states: strings,
  version: integer,
  title: z.string(),
  category: nullableString,
  proposerId: z.string(),
  unitIds: strings,
  leaderId: nullableString,
  isKey: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
  sessionId: nullableString.describe(
    "The committee session (届次) of its first submission; null: no session holds it.",
  ),
  plenary: z.boolean().nullable().describe("Submitted during the session's plenary (大会期间); false: interim."),
  number: integer.nullable().describe("Its number in the session, given at registration."),
  numberLabel: nullableString.describe("The number as the session's pattern writes it, e.g. 第0123号."),
  proposerType: z.enum(PROPOSER_TYPES).nullable(),
  sourceChannel: z.enum(SOURCE_CHANNELS).nullable(),
};

const ProposalSummary = z.strictObject(summaryShape);

const named = z.strictObject({ id: z.string(), name: nullableString });

/** A row of the list: the summary, with the names and the next deadline a committee office's list shows. */
const ProposalListItem = z.strictObject({
  ...summaryShape,
  proposers: z
    .array(named)
    .describe("The proposers, the lead first, with their names (null: the directory does not know the id)."),
  units: z.array(named).describe("The handling units in the order of unitIds, with their names from the directory."),
  nextDueAt: instant.nullable().describe("The earliest open deadline's due time; null: no deadline open."),
  overdue: z.boolean().describe("An open deadline is past due (what overdue=true filters on)."),
});

const Proposal = z.strictObject({
  ...summaryShape,
  state: z.unknown().describe("XState's state value: a string, or an object for nested and parallel states."),
  content: anyObject,
  proposers: z.array(z.looseObject({ id: z.string() })),
  assignment: anyObject.nullable(),
  policy: z
    .strictObject({
      id: z.string(),
      version: integer.nullable(),
      calendarId: z.string(),
      calendarVersion: nullableString,
    })
    .describe(
      "The policy the proposal runs under (snapshotted at registration): its committee version (null: the default policy), its calendar and the version of the committee's calendar changes its deadlines are counted on.",
    ),
  deadlines: z.array(
    z.strictObject({
      deadlineId: z.string(),
      kind: z.string(),
      unitId: nullableString,
      dueAt: instant,
      level: integer,
      overdue: z.boolean(),
      calendar: z.enum(["official", "provisional", "missing"]),
      workingDaysLeft: integer,
    }),
  ),
  allowedEvents: strings,
  warnings: z
    .array(z.strictObject({ code: z.enum(["SEVERAL_MATTERS"]), message: z.string() }))
    .describe("What staff should check at review, e.g. a title that reads like several matters (一事一案)."),
});

const HistoryEntry = z.strictObject({
  seq: integer,
  type: z.string(),
  actor: z.looseObject({ role: z.string(), id: z.string() }),
  /** null where the disclosure rules keep it from the caller (`payloadHidden`). */
  payload: z.unknown(),
  payloadHidden: z.boolean(),
  fromStates: strings,
  toStates: strings,
  at: instant,
  requestId: nullableString,
});

const proposalId = pathParameter("id");

/** The workflow's rule codes that answer 409 with themselves as the code (the others are 403 or 422). */
const stateRefusals = REFUSAL_CODES.filter((code) => !WHO.has(code) && code !== "INVALID_EVENT");

/** Every operation taking an Idempotency-Key may answer these. */
const idempotency = ["INVALID_IDEMPOTENCY_KEY", "IDEMPOTENCY_IN_PROGRESS", "IDEMPOTENCY_KEY_REUSED"] as const;

const eventErrors = errors(
  ...admin,
  404,
  422,
  "INVALID_IF_MATCH",
  "EVENT_NOT_ALLOWED",
  "VERSION_CONFLICT",
  "VERSION_MISMATCH",
  "INVALID_EVENT",
  "ATTACHMENT_NOT_USABLE",
  "UNIT_NOT_IN_DIRECTORY",
  ...idempotency,
  ...onBehalfRefusals,
);

/** Proposals: create, list, read, send events, history. */
export const proposalsApi: FeatureApi = {
  tags: [{ name: "proposals", description: "Proposals (提案) and their workflow 提·立·办·督·评." }],
  requests: { CreateProposal: createProposalSchema, ProposalEvent: proposalEventSchema },
  responses: {
    ProposalSummary,
    ProposalListItem,
    ProposalPage: page(ProposalListItem),
    Proposal,
    HistoryEntry,
    HistoryPage: page(HistoryEntry),
    ProposalNames: z.strictObject({
      units: z.record(z.string(), z.string()).describe("Unit id → name."),
      people: z.record(z.string(), z.string()).describe("Person, member or leader id → the person's name."),
    }),
  },
  paths: {
    "/v1/proposals": {
      post: {
        operationId: "createProposal",
        tags: ["proposals"],
        summary: "Create a proposal (a draft, or submitted at once with submit: true).",
        parameters: [idempotencyKey],
        requestBody: { required: true, ...json(ref("CreateProposal")) },
        responses: {
          "201": { description: "Created.", ...json(ref("Proposal")) },
          "200": {
            description:
              "A repeat of an externalId by the same creator: the first proposal. An externalId is unique per creator (the key's role and actor), so another integrator's ids neither conflict nor show.",
            ...json(ref("Proposal")),
          },
          ...errors(...admin, 422, "INVALID_INPUT", "EXTERNAL_ID_TAKEN", "EVENT_NOT_ALLOWED", ...idempotency),
        },
      },
      get: {
        operationId: "listProposals",
        tags: ["proposals"],
        summary: "List the proposals the key may see, filtered, newest first, with a cursor.",
        parameters: queryParameters(listQuerySchema),
        responses: {
          "200": { description: "A page: items and nextCursor.", ...json(ref("ProposalPage")) },
          ...errors(...common),
        },
      },
    },
    "/v1/proposals/{id}": {
      get: {
        operationId: "getProposal",
        tags: ["proposals"],
        summary: "One proposal: state, content, assignment, open deadlines, the events the key may send now.",
        parameters: [proposalId],
        responses: {
          "200": { description: "The proposal; ETag is its version.", ...json(ref("Proposal")) },
          ...errors(...common, 404),
        },
      },
    },
    "/v1/proposals/{id}/events": {
      post: {
        operationId: "sendProposalEvent",
        tags: ["proposals"],
        summary: "Send an event ({ type, ...payload }).",
        parameters: [
          proposalId,
          idempotencyKey,
          { name: "If-Match", in: "header", required: false, schema: { type: "string" } },
          onBehalfHeader,
        ],
        requestBody: { required: true, ...json(ref("ProposalEvent")) },
        responses: {
          "200": { description: "The updated proposal.", ...json(ref("Proposal")) },
          ...eventErrors,
          "409": {
            ...eventErrors["409"],
            description: `${eventErrors["409"]?.description} The workflow's rule codes: ${stateRefusals.join(", ")}.`,
          },
        },
      },
    },
    "/v1/proposals/{id}/history": {
      get: {
        operationId: "listProposalHistory",
        tags: ["proposals"],
        summary: "The audit trail, oldest first.",
        parameters: [proposalId, ...queryParameters(historyQuerySchema)],
        responses: {
          "200": { description: "A page: items and nextCursor.", ...json(ref("HistoryPage")) },
          ...errors(...common, 404),
        },
      },
    },
    "/v1/proposals/{id}/names": {
      get: {
        operationId: "getProposalNames",
        tags: ["proposals"],
        summary:
          "The directory's names of the units and people the proposal's page shows (its units, proposers, leader, deadlines; who acted and whom the history the caller may read names), from the caller's committee. Ids the directory does not know are left out.",
        parameters: [proposalId],
        responses: {
          "200": { description: "The names.", ...json(ref("ProposalNames")) },
          ...errors(...common, 404),
        },
      },
    },
  },
};
