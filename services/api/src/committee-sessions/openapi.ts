import { z } from "zod";
import {
  admin,
  common,
  errors,
  type FeatureApi,
  instant,
  integer,
  json,
  pathParameter,
  ref,
} from "../http/openapi-kit.ts";
import { createSessionSchema } from "./schemas.ts";

const CommitteeSession = z.strictObject({
  id: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  plenaryStartsOn: z.string(),
  plenaryEndsOn: z.string(),
  numberPattern: z.string(),
  lastNumber: integer.describe("The last number given in the session (0: none yet)."),
  createdBy: z.string(),
  createdAt: instant,
});

/** The committee's sessions (届次) with their plenary dates and number patterns. */
export const committeeSessionsApi: FeatureApi = {
  tags: [{ name: "sessions", description: "Committee sessions (届次): plenary dates and proposal numbers." }],
  requests: { CreateCommitteeSession: createSessionSchema },
  responses: { CommitteeSession, CommitteeSessionList: z.strictObject({ items: z.array(CommitteeSession) }) },
  paths: {
    "/v1/committee-sessions": {
      post: {
        operationId: "createCommitteeSession",
        tags: ["sessions"],
        summary: "Create a session (admin): the days it covers, its plenary dates, its number pattern.",
        requestBody: { required: true, ...json(ref("CreateCommitteeSession")) },
        responses: {
          "201": { description: "Created.", ...json(ref("CommitteeSession")) },
          ...errors(...admin, 422, "SESSION_OVERLAPS", "SESSION_NAME_TAKEN"),
        },
      },
      get: {
        operationId: "listCommitteeSessions",
        tags: ["sessions"],
        summary: "The committee's sessions, newest first.",
        responses: {
          "200": { description: "Every session.", ...json(ref("CommitteeSessionList")) },
          ...errors(...common),
        },
      },
    },
    "/v1/committee-sessions/{id}": {
      get: {
        operationId: "getCommitteeSession",
        tags: ["sessions"],
        summary: "One session.",
        parameters: [pathParameter("id")],
        responses: {
          "200": { description: "The session.", ...json(ref("CommitteeSession")) },
          ...errors(...common, 404),
        },
      },
    },
  },
};
