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
  queryParameters,
  ref,
} from "../http/openapi-kit.ts";
import { publishSchema, REDACTABLE_FIELDS, withdrawSchema } from "./publication.ts";
import { publicListQuerySchema } from "./routes.ts";

const PublishedReply = z.strictObject({
  unitName: z.string(),
  classification: z.string(),
  text: z.string(),
  repliedAt: instant,
});

const PublishedAttachment = z.strictObject({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.int(),
  sha256: z.string(),
  of: z.enum(["proposal", "reply"]),
  unitName: nullableString,
});

const PublishedContent = z.strictObject({
  title: z.string(),
  reasons: z.string(),
  suggestions: z.array(z.string()),
  category: nullableString,
  submittedAt: nullableInstant,
  replies: z.array(PublishedReply),
  attachments: z.array(PublishedAttachment),
});

const Publication = z.strictObject({
  proposalId: z.string(),
  content: PublishedContent,
  redactions: z.array(
    z.strictObject({
      field: z.enum(REDACTABLE_FIELDS),
      length: z.int(),
      occurrences: z.int(),
      reason: z.string(),
    }),
  ),
  publishedBy: z.string(),
  publishedAt: instant,
  withdrawnAt: nullableInstant,
  withdrawnBy: nullableString,
  withdrawReason: nullableString,
});

const PublicProposal = z.strictObject({
  id: z.string(),
  title: z.string(),
  category: nullableString,
  reasons: z.string(),
  suggestions: z.array(z.string()),
  submittedAt: nullableInstant,
  replies: z.array(PublishedReply),
  attachments: z.array(PublishedAttachment.omit({ id: true }).extend({ href: z.string() })),
  redactions: z.array(z.strictObject({ field: z.enum(REDACTABLE_FIELDS), reason: z.string() })),
  publishedAt: instant,
});

const id = pathParameter("id");
/** The committee of a committee's public URLs. */
const COMMITTEE = pathParameter(
  "committee",
  "A committee of the deployment (the default one publishes under /public).",
);
/** The public endpoints need no key: no 401 nor 403. */
const open = [400, 429, 503] as const;
const writes = ["INVALID_IDEMPOTENCY_KEY", "IDEMPOTENCY_KEY_REUSED", "IDEMPOTENCY_IN_PROGRESS"] as const;
/** JSON, or the page for a browser (Accept: text/html). */
const both = (description: string, schema: string) => ({
  description,
  content: { ...json(ref(schema)).content, "text/html": { schema: { type: "string" } } },
});

/** Disclosure (公开): publishing with redactions (staff, admin) and the public endpoints and pages (no key). */
export const disclosureApi: FeatureApi = {
  tags: [
    {
      name: "publications",
      description: "Publishing a proposal and its accepted reply, with redactions (staff, admin).",
    },
    { name: "public", description: "The published proposals, without a key: JSON and zh-CN pages." },
  ],
  requests: { Publish: publishSchema, WithdrawPublication: withdrawSchema },
  responses: {
    Publication,
    PublicProposal,
    PublicProposalList: z.strictObject({ items: z.array(PublicProposal) }),
  },
  paths: {
    "/v1/proposals/{id}/publication": {
      post: {
        operationId: "publishProposal",
        tags: ["publications"],
        summary:
          "Publish the proposal and its accepted replies (being evaluated or closed), each redaction's text replaced by [已删除]; publishing again replaces the public copy. 201 first, 200 after.",
        parameters: [id, idempotencyKey],
        requestBody: { required: true, ...json(ref("Publish")) },
        responses: {
          "200": { description: "The public copy was replaced.", ...json(ref("Publication")) },
          "201": { description: "Published.", ...json(ref("Publication")) },
          ...errors(...admin, 404, 422, "NOT_PUBLISHABLE", "REDACTION_NOT_FOUND", ...writes),
        },
      },
      get: {
        operationId: "getPublication",
        tags: ["publications"],
        summary: "The publication record: the public copy, the redactions, who published and who withdrew.",
        parameters: [id],
        responses: { "200": { description: "The record.", ...json(ref("Publication")) }, ...errors(...admin, 404) },
      },
      delete: {
        operationId: "withdrawPublication",
        tags: ["publications"],
        summary: "Withdraw a publication with a reason: the public endpoints answer 404 for it at once.",
        parameters: [id, idempotencyKey],
        requestBody: { required: true, ...json(ref("WithdrawPublication")) },
        responses: {
          "200": { description: "Withdrawn.", ...json(ref("Publication")) },
          ...errors(...admin, 404, 422, ...writes),
        },
      },
    },
    "/public": {
      get: {
        operationId: "publicPage",
        tags: ["public"],
        summary:
          "The published proposals, newest first: a zh-CN page linking to each (Accept: text/html), JSON otherwise.",
        security: [],
        parameters: queryParameters(publicListQuerySchema),
        responses: { "200": both("The published proposals.", "PublicProposalList"), ...errors(...open) },
      },
    },
    "/public/proposals": {
      get: {
        operationId: "listPublicProposals",
        tags: ["public"],
        summary: "The published proposals, newest first (never withdrawn ones); a page for Accept: text/html.",
        security: [],
        parameters: queryParameters(publicListQuerySchema),
        responses: { "200": both("The published proposals.", "PublicProposalList"), ...errors(...open) },
      },
    },
    "/public/proposals/{id}/attachments/{attachmentId}": {
      get: {
        operationId: "downloadPublicAttachment",
        tags: ["public"],
        summary:
          "A file the published copy lists, as a download (Content-Disposition: attachment, nosniff, a sandboxing CSP); any other id is 404.",
        security: [],
        parameters: [id, pathParameter("attachmentId")],
        responses: {
          "200": { description: "The bytes.", content: { "application/octet-stream": { schema: { type: "string" } } } },
          ...errors(...open, 404),
        },
      },
    },
    "/public/proposals/{id}": {
      get: {
        operationId: "getPublicProposal",
        tags: ["public"],
        summary:
          "One published proposal (a zh-CN page for Accept: text/html); an unpublished, withdrawn or unknown id alike is 404.",
        security: [],
        parameters: [id],
        responses: { "200": both("The published proposal.", "PublicProposal"), ...errors(...open, 404) },
      },
    },
    "/public/committees/{committee}/proposals": {
      get: {
        operationId: "listCommitteePublicProposals",
        tags: ["public"],
        summary:
          "A committee's published proposals, newest first, as /public/proposals for the default committee; an unknown committee publishes nothing (an empty list).",
        security: [],
        parameters: [COMMITTEE, ...queryParameters(publicListQuerySchema)],
        responses: { "200": both("The published proposals.", "PublicProposalList"), ...errors(...open, 404) },
      },
    },
    "/public/committees/{committee}/proposals/{id}": {
      get: {
        operationId: "getCommitteePublicProposal",
        tags: ["public"],
        summary:
          "One of a committee's published proposals; another committee's, unpublished or unknown id alike is 404.",
        security: [],
        parameters: [COMMITTEE, id],
        responses: { "200": both("The published proposal.", "PublicProposal"), ...errors(...open, 404) },
      },
    },
    "/public/committees/{committee}/proposals/{id}/attachments/{attachmentId}": {
      get: {
        operationId: "downloadCommitteePublicAttachment",
        tags: ["public"],
        summary: "A file a committee's published copy lists, as a download; any other id is 404.",
        security: [],
        parameters: [COMMITTEE, id, pathParameter("attachmentId")],
        responses: {
          "200": { description: "The bytes.", content: { "application/octet-stream": { schema: { type: "string" } } } },
          ...errors(...open, 404),
        },
      },
    },
  },
};
