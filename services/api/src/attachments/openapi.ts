import { z } from "zod";
import {
  common,
  errors,
  type FeatureApi,
  instant,
  json,
  nullableString,
  pathParameter,
  ref,
} from "../http/openapi-kit.ts";
import { ATTACHMENT_TYPE_NAMES } from "./file-types.ts";

const Attachment = z.strictObject({
  id: z.string(),
  proposalId: z.string(),
  filename: z.string(),
  contentType: z.enum(ATTACHMENT_TYPE_NAMES),
  size: z.int(),
  sha256: z.string(),
  uploadedAt: instant,
  uploadedBy: z.strictObject({ role: z.string(), id: z.string(), unitId: nullableString }),
  /** The history entries that carry it (`attachmentIds` of their payload). */
  events: z.array(z.strictObject({ seq: z.int(), type: z.string() })),
  href: z.string(),
});

const id = pathParameter("id");

/** Attachments (附件): upload to a proposal, list, download; seen as the event that carries them. */
export const attachmentsApi: FeatureApi = {
  tags: [
    {
      name: "attachments",
      description:
        "Files of a proposal and its events (supporting documents, photos, the unit's reply letter 答复函), seen as the event that carries them is.",
    },
  ],
  responses: { Attachment, AttachmentList: z.strictObject({ items: z.array(Attachment) }) },
  paths: {
    "/v1/proposals/{id}/attachments": {
      post: {
        operationId: "uploadAttachment",
        tags: ["attachments"],
        summary:
          "Upload a file to the proposal: the body is the file's bytes, Content-Type its type (or application/octet-stream), ?filename= its name. The type is judged from the bytes; send the returned id in an event's attachmentIds.",
        parameters: [
          id,
          { name: "filename", in: "query", required: true, schema: { type: "string", minLength: 1, maxLength: 255 } },
        ],
        requestBody: {
          required: true,
          content: Object.fromEntries(
            [...ATTACHMENT_TYPE_NAMES, "application/octet-stream"].map((type) => [
              type,
              { schema: { type: "string", contentMediaType: type } },
            ]),
          ),
        },
        responses: {
          "201": { description: "Stored.", ...json(ref("Attachment")) },
          ...errors(
            ...common,
            403,
            404,
            "ATTACHMENT_TOO_LARGE",
            "ATTACHMENT_TYPE_NOT_ALLOWED",
            "ATTACHMENT_CONTENT_MISMATCH",
          ),
        },
      },
      get: {
        operationId: "listAttachments",
        tags: ["attachments"],
        summary: "The proposal's attachments the caller may see, oldest first.",
        parameters: [id],
        responses: {
          "200": { description: "The attachments.", ...json(ref("AttachmentList")) },
          ...errors(...common, 404),
        },
      },
    },
    "/v1/attachments/{id}": {
      get: {
        operationId: "downloadAttachment",
        tags: ["attachments"],
        summary:
          "The file's bytes as a download (Content-Disposition: attachment, its stored type, nosniff, a sandboxing CSP, ETag and Repr-Digest of its SHA-256). Downloads of reply letters are audited.",
        parameters: [id],
        responses: {
          "200": {
            description: "The bytes.",
            content: Object.fromEntries(
              ATTACHMENT_TYPE_NAMES.map((type) => [type, { schema: { type: "string", contentMediaType: type } }]),
            ),
          },
          ...errors(...common, 404),
        },
      },
    },
  },
};
