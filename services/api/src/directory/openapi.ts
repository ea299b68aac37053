import { CHANNELS, LANGUAGES } from "@huiyin/notify";
import { z } from "zod";
import type { ErrorCode } from "../http/error-codes.ts";
import {
  admin,
  errors,
  type FeatureApi,
  instant,
  json,
  nullableString,
  type PathItem,
  page,
  pathParameter,
  queryParameters,
  ref,
  strings,
} from "../http/openapi-kit.ts";
import { directoryPageSchema, personSchema, rolesQuerySchema, unitSchema } from "./schemas.ts";

const DirectoryPerson = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: nullableString,
  phone: nullableString.describe("A mobile number for SMS notices."),
  language: z.enum(LANGUAGES),
  channels: z.record(z.string(), z.array(z.enum(CHANNELS))).nullable(),
  roles: strings.describe("The role labels held: `staff-head`, `leader:<id>`, `unit:<id>`, …"),
  headOf: strings.describe("The units this person heads."),
  createdAt: instant,
  updatedAt: instant,
});

const DirectoryUnit = z.strictObject({
  id: z.string(),
  name: z.string(),
  headPersonId: nullableString,
  supervisorLeaderId: nullableString,
  createdAt: instant,
  updatedAt: instant,
});

const roleLabelShape = { label: z.string(), role: z.string(), scope: z.string() };

const roleLabel = pathParameter(
  "label",
  "`role` or `role:scope`: staff, staff-head, committee-leader, chairs-meeting, leader:<id>, unit:<id>, proposer:<id>.",
);

type Kind = "person" | "unit";
const title = (kind: Kind) => (kind === "person" ? "Person" : "Unit");

function one(kind: Kind, schema: string, body: string, conflict: ErrorCode[]): PathItem {
  return {
    get: {
      operationId: `getDirectory${title(kind)}`,
      tags: ["directory"],
      summary: `One ${kind} of the directory (admin).`,
      parameters: [pathParameter("id")],
      responses: { "200": { description: `The ${kind}.`, ...json(ref(schema)) }, ...errors(...admin, 404) },
    },
    put: {
      operationId: `putDirectory${title(kind)}`,
      tags: ["directory"],
      summary: `Create or replace a ${kind} (admin): 201 when new, 200 when replaced; idempotent.`,
      parameters: [pathParameter("id")],
      requestBody: { required: true, ...json(ref(body)) },
      responses: {
        "201": { description: "Created.", ...json(ref(schema)) },
        "200": { description: "Replaced.", ...json(ref(schema)) },
        ...errors(...admin, 422, "ID_TAKEN"),
      },
    },
    delete: {
      operationId: `deleteDirectory${title(kind)}`,
      tags: ["directory"],
      summary: `Delete a ${kind} (admin).${kind === "person" ? " Their role assignments go with them; refused while they head a unit." : ""}`,
      parameters: [pathParameter("id")],
      responses: { "204": { description: "Deleted." }, ...errors(...admin, 404, ...conflict) },
    },
  };
}

function list(kind: "people" | "units", schema: string): PathItem {
  return {
    get: {
      operationId: kind === "people" ? "listDirectoryPeople" : "listDirectoryUnits",
      tags: ["directory"],
      summary: `The ${kind} of the directory by id, with a cursor (admin).`,
      parameters: queryParameters(directoryPageSchema),
      responses: {
        "200": { description: "A page: items and nextCursor.", ...json(ref(schema)) },
        ...errors(...admin),
      },
    },
  };
}

/** The recipients directory (admin only): people, units, and who holds each role of the escalation chain. */
export const directoryApi: FeatureApi = {
  tags: [
    {
      name: "directory",
      description: "The recipients directory (admin): people, units, and who holds each role of the escalation chain.",
    },
  ],
  requests: { PutDirectoryPerson: personSchema, PutDirectoryUnit: unitSchema },
  responses: {
    DirectoryPerson,
    DirectoryPersonPage: page(DirectoryPerson),
    DirectoryUnit,
    DirectoryUnitPage: page(DirectoryUnit),
    DirectoryRole: z.strictObject({ ...roleLabelShape, people: z.array(DirectoryPerson) }),
    DirectoryRoleList: z.strictObject({ items: z.array(z.strictObject({ ...roleLabelShape, personIds: strings })) }),
    DirectoryRoleAssignment: z.strictObject({ ...roleLabelShape, personId: z.string() }),
    UnitNames: z.strictObject({ items: z.array(z.strictObject({ id: z.string(), name: z.string() })) }),
  },
  paths: {
    "/v1/units": {
      get: {
        operationId: "listUnitNames",
        tags: ["directory"],
        summary:
          "The committee's handling units by id and name (admin, staff, leader): to pick a unit by its name when assigning.",
        responses: {
          "200": { description: "Every unit of the directory, by id.", ...json(ref("UnitNames")) },
          ...errors(...admin),
        },
      },
    },
    "/v1/directory/people": list("people", "DirectoryPersonPage"),
    "/v1/directory/people/{id}": one("person", "DirectoryPerson", "PutDirectoryPerson", [
      "PERSON_HEADS_UNIT",
      "LAST_ADMIN",
    ]),
    "/v1/directory/units": list("units", "DirectoryUnitPage"),
    "/v1/directory/units/{id}": one("unit", "DirectoryUnit", "PutDirectoryUnit", []),
    "/v1/directory/roles": {
      get: {
        operationId: "listDirectoryRoles",
        tags: ["directory"],
        summary: "Every role assignment, one item per role label with its holders (admin).",
        parameters: queryParameters(rolesQuerySchema),
        responses: { "200": { description: "The roles.", ...json(ref("DirectoryRoleList")) }, ...errors(...admin) },
      },
    },
    "/v1/directory/roles/{label}": {
      get: {
        operationId: "getDirectoryRole",
        tags: ["directory"],
        summary: "Who holds one role (admin): the people escalation at that role reaches.",
        parameters: [roleLabel],
        responses: {
          "200": { description: "The role and its holders.", ...json(ref("DirectoryRole")) },
          ...errors(...admin, 404),
        },
      },
    },
    "/v1/directory/roles/{label}/people/{personId}": {
      put: {
        operationId: "assignDirectoryRole",
        tags: ["directory"],
        summary: "Give a person a role (admin): 201 when new, 200 when they held it already.",
        parameters: [roleLabel, pathParameter("personId")],
        responses: {
          "201": { description: "Assigned.", ...json(ref("DirectoryRoleAssignment")) },
          "200": { description: "Already assigned.", ...json(ref("DirectoryRoleAssignment")) },
          ...errors(...admin, 404, 422),
        },
      },
      delete: {
        operationId: "unassignDirectoryRole",
        tags: ["directory"],
        summary: "Take a role from a person (admin); not the admin role of the committee's last enabled admin.",
        parameters: [roleLabel, pathParameter("personId")],
        responses: { "204": { description: "Unassigned." }, ...errors(...admin, 404, 422, "LAST_ADMIN") },
      },
    },
  },
};
