import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Database, Prisma } from "@huiyin/db";
import { acceptedReplies } from "@huiyin/workflow-proposal";
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import { recordAudit, subjectOf } from "../audit/record.ts";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import type { Caller } from "../auth/keys.ts";
import { refuse } from "../http/error-codes.ts";
import { HttpError } from "../http/http-error.ts";
import { parseQuery } from "../http/validate.ts";
import { actorOf, grantsSeeing, viewerOf, visibleWhere } from "../proposals/access.ts";
import { ATTACHMENT_TYPE_NAMES, cleanFilename, declaredType, judgeType } from "./file-types.ts";
import { receive, TooLarge, zipEntriesOf } from "./receive.ts";
import type { AttachmentStore } from "./store.ts";
import { eventsByAttachment, maySeeAttachment, type Party } from "./visibility.ts";

export interface AttachmentDeps {
  store: AttachmentStore;
  /** ATTACHMENT_MAX_BYTES: the largest file accepted (413 beyond). */
  maxBytes: number;
}

type AttachmentRow = Prisma.AttachmentGetPayload<Record<string, never>>;
type HistoryRow = { seq: number; type: string; actor: unknown; payload: unknown };

export const uploadQuerySchema = z.strictObject({
  /** The file's name as the uploader knows it (UTF-8, percent-encoded in the URL). */
  filename: z.string().min(1).max(255),
});

/** What a download is served with, whatever the file: a download, never rendered, never sniffed, no script. */
export const DOWNLOAD_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; sandbox",
  "Cache-Control": "private, no-store",
} as const;

export const partyOf = (caller: Caller): Party => {
  const actor = actorOf(caller);
  return { role: actor.role, id: actor.id, unitId: actor.unitId };
};

/** An attachment as the API shows it: the file's facts, who uploaded it, the events that carry it. */
export function attachmentView(row: AttachmentRow, events: readonly HistoryRow[]) {
  return {
    id: row.id,
    proposalId: row.proposalId,
    filename: row.filename,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    uploadedAt: row.createdAt.toISOString(),
    uploadedBy: { role: row.uploaderRole, id: row.uploaderId, unitId: row.uploaderUnitId },
    events: events.map((event) => ({ seq: event.seq, type: event.type })),
    href: `/v1/attachments/${row.id}`,
  };
}

/**
 * Attachments under /v1: upload to a proposal (raw body: the file's bytes, its type as Content-Type, its name in
 * `?filename=`), list a proposal's, download one. Every answer about an attachment the caller may not see is the
 * 404 of one that does not exist, as for proposals.
 */
export function attachmentRoutes(database: Database, deps: AttachmentDeps): Router {
  const router = Router();
  const { store, maxBytes } = deps;

  /** The proposal and its history, if the caller may see the proposal. */
  async function visibleProposal(id: string, caller: Caller) {
    const row = await database.prisma.proposal.findFirst({
      where: { AND: [{ id }, visibleWhere(caller)] },
      // The snapshot tells a unit whether it is the lead unit, which reads the co-units' opinion letters.
      select: { id: true, snapshot: true },
    });
    if (!row) throw refuse("NOT_FOUND", `No proposal ${id}.`);
    const history: HistoryRow[] = await database.prisma.proposalEvent.findMany({
      where: { proposalId: id },
      orderBy: { seq: "asc" },
      select: { seq: true, type: true, actor: true, payload: true },
    });
    // A person with several roles reads the proposal as the most privileged of the roles that see it, as the
    // proposal's own history does.
    const [grant = caller] = await grantsSeeing(database, id, caller);
    return {
      id: row.id,
      viewer: viewerOf(grant, row),
      history,
      accepted: acceptedReplies(history),
      carriers: eventsByAttachment(history),
    };
  }

  router.post(
    "/proposals/:id/attachments",
    requireRole("admin", "staff", "unit", "proposer", "integrator"),
    async (request, response) => {
      try {
        await upload(request, response);
      } catch (error) {
        // A refusal sent before the body was read: close the connection rather than read on what we refused.
        if (error instanceof HttpError && !request.complete) {
          throw new HttpError(error.status, error.code, error.message, error.details, {
            ...error.headers,
            Connection: "close",
          });
        }
        throw error;
      }
    },
  );

  async function upload(request: Request, response: Response): Promise<void> {
    const caller = callerOf(response);
    const proposal = await visibleProposal(String(request.params.id), caller);
    const query = parseQuery(uploadQuerySchema, request.query);
    const encoding = request.headers["content-encoding"];
    if (encoding !== undefined && encoding !== "identity") {
      throw refuse("UNSUPPORTED_ENCODING", "Send the file's bytes as they are, without a Content-Encoding.");
    }
    const declared = declaredType(request.headers["content-type"]);
    if (declared === "refused") {
      throw refuse("ATTACHMENT_TYPE_NOT_ALLOWED", `${request.headers["content-type"]} is not a type huiyin keeps.`, {
        allowed: ATTACHMENT_TYPE_NAMES,
      });
    }
    const announced = Number(request.headers["content-length"] ?? 0);
    if (announced > maxBytes) throw tooLarge(maxBytes);
    const received = await receive(request, store.stagingDirectory, maxBytes).catch((error: unknown) => {
      if (error instanceof TooLarge) throw tooLarge(maxBytes);
      // The client went away mid-upload: its fault, not the server's; the part received is already removed.
      if (request.destroyed || !request.complete) throw refuse("BAD_REQUEST", "The upload was cut off.");
      throw error;
    });
    try {
      const entries = received.magic === "zip" ? await zipEntriesOf(received.path, received.size) : [];
      const verdict = judgeType(declared, received.magic, entries);
      if (!verdict.ok) {
        throw refuse(
          "ATTACHMENT_CONTENT_MISMATCH",
          verdict.detected
            ? `The bytes are ${verdict.detected}, not ${verdict.declared}.`
            : "The bytes are none of the types huiyin keeps (judged by their content, not by their name or type).",
          { declared: verdict.declared, detected: verdict.detected ?? null },
        );
      }
      const filename = cleanFilename(query.filename, verdict.type);
      if (!filename) {
        throw refuse("INVALID_QUERY", "The query string is not valid.", {
          fields: [{ path: "filename", message: "is empty once paths and control characters are removed" }],
        });
      }
      const id = `att_${randomUUID().replaceAll("-", "")}`;
      const storageKey = `proposals/${proposal.id}/${id}`;
      await store.put(storageKey, { ...received, contentType: verdict.type });
      const uploader = partyOf(caller);
      const row = await database.prisma
        .$transaction(async (tx) => {
          const created = await tx.attachment.create({
            data: {
              id,
              proposalId: proposal.id,
              filename,
              contentType: verdict.type,
              size: received.size,
              sha256: received.sha256,
              storageKey,
              uploaderRole: uploader.role,
              uploaderId: uploader.id,
              uploaderUnitId: uploader.unitId ?? null,
            },
          });
          await recordAudit(tx, subjectOf(request, response), {
            action: "attachment.upload",
            target: { type: "attachment", id },
            details: {
              proposalId: proposal.id,
              contentType: verdict.type,
              size: received.size,
              sha256: received.sha256,
            },
          });
          return created;
        })
        .catch(async (error: unknown) => {
          // No row, no attachment: the bytes go too (a crash right here leaves bytes no row names, never served).
          await store.remove(storageKey).catch((removal: unknown) => {
            request.log.warn({ err: removal, storageKey }, "stored bytes of a failed upload not removed");
          });
          throw error;
        });
      request.log.info(
        { proposalId: proposal.id, attachmentId: id, contentType: row.contentType, size: row.size },
        "attachment uploaded",
      );
      response.status(201).location(`/v1/attachments/${id}`).json(attachmentView(row, []));
    } finally {
      // Gone already when the store moved it in place.
      await rm(received.path, { force: true });
    }
  }

  router.get("/proposals/:id/attachments", async (request, response) => {
    const caller = callerOf(response);
    const proposal = await visibleProposal(String(request.params.id), caller);
    const rows = await database.prisma.attachment.findMany({
      where: { proposalId: proposal.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const viewer = proposal.viewer;
    const items = rows.flatMap((row) => {
      const carriers = proposal.carriers.get(row.id) ?? [];
      return maySeeAttachment(viewer, row, carriers, proposal.accepted) ? [attachmentView(row, carriers)] : [];
    });
    response.json({ items });
  });

  router.get("/attachments/:id", async (request, response) => {
    const caller = callerOf(response);
    const id = String(request.params.id);
    const missing = () => refuse("NOT_FOUND", `No attachment ${id}.`);
    const row = await database.prisma.attachment.findUnique({ where: { id } });
    if (!row) throw missing();
    const proposal = await visibleProposal(row.proposalId, caller).catch((error: unknown) => {
      throw error instanceof HttpError && error.status === 404 ? missing() : error;
    });
    const carriers = proposal.carriers.get(row.id) ?? [];
    if (!maySeeAttachment(proposal.viewer, row, carriers, proposal.accepted)) throw missing();
    // Reply letters (答复函) are the formal record of the committee's work: who read one, and when, is audited.
    if (carriers.some((event) => event.type === "handle.reply")) {
      await recordAudit(database.prisma, subjectOf(request, response), {
        action: "attachment.download",
        target: { type: "attachment", id },
        details: { proposalId: row.proposalId, sha256: row.sha256, replyLetter: true },
      });
    }
    await sendDownload(response, row, await store.open(row.storageKey));
  });

  return router;
}

/** Serves an attachment's bytes as a download (here and on the public disclosure endpoint). */
export async function sendDownload(
  response: Response,
  row: Pick<AttachmentRow, "filename" | "contentType" | "size" | "sha256">,
  bytes: Readable,
): Promise<void> {
  response.status(200);
  // `attachment()` writes Content-Disposition with an ASCII fallback and the UTF-8 name (filename*).
  response.attachment(row.filename);
  response.set({
    ...DOWNLOAD_HEADERS,
    "Content-Type": row.contentType,
    "Content-Length": String(row.size),
    ETag: `"${row.sha256}"`,
    "Repr-Digest": `sha-256=:${Buffer.from(row.sha256, "hex").toString("base64")}:`,
  });
  await pipeline(bytes, response);
}

function tooLarge(maxBytes: number): HttpError {
  return refuse(
    "ATTACHMENT_TOO_LARGE",
    `A file may have at most ${maxBytes} bytes.`,
    { maxBytes },
    {
      Connection: "close",
    },
  );
}
