import type { Database, Prisma } from "@huiyin/db";
import { type Clock, DEFAULT_COMMITTEE, toRecord } from "@huiyin/engine";
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import { sendDownload } from "../attachments/routes.ts";
import type { AttachmentStore } from "../attachments/store.ts";
import { recordAudit, subjectOf } from "../audit/record.ts";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import { committeeId as committeeIdSchema } from "../committees/schemas.ts";
import { scopedToCommittee, viaProposal } from "../committees/scope.ts";
import { refuse } from "../http/error-codes.ts";
import { type IdempotencyLease, respondOnce } from "../http/idempotency.ts";
import { mountedAt } from "../http/metrics.ts";
import { parseBody, parseQuery } from "../http/validate.ts";
import { itemPage, listPage, PAGE_POLICY } from "./page.ts";
import { type PublishedContent, publicationOf, publishSchema, withdrawSchema } from "./publication.ts";
import { publicationView, publicView } from "./view.ts";

/** The stages in which a proposal's reply has been accepted and the proposers have it: evaluation, or closed. */
const PUBLISHABLE_STAGES: ReadonlySet<string> = new Set(["evaluate", "closed"]);

export interface DisclosureRoutesDeps {
  database: Database;
  clock: Clock;
  idempotencyLease?: IdempotencyLease | undefined;
}

const by = (request: Request, response: Response) => {
  const caller = callerOf(response);
  return { caller, subject: subjectOf(request, response), who: `${caller.role}:${caller.actorId}` };
};

/**
 * Publishing and withdrawing (staff, admin), under /v1. The public copy is made here, once, from the proposal and
 * its accepted replies with the redactions applied, and stored frozen: the public endpoints read only that copy.
 */
export function publicationRoutes(deps: DisclosureRoutesDeps): Router {
  const router = Router();
  const { database, clock } = deps;
  const allowed = requireRole("staff", "admin");

  router.post("/proposals/:id/publication", allowed, async (request, response) => {
    const { caller, subject, who } = by(request, response);
    await respondOnce({ database, lease: deps.idempotencyLease }, caller, request, response, async () => {
      const body = parseBody(publishSchema, request.body);
      const id = String(request.params.id);
      const row = await database.prisma.proposal.findFirst({ where: { id, ...scopedToCommittee(caller) } });
      if (!row) throw refuse("NOT_FOUND", `No proposal ${id}.`);
      if (!PUBLISHABLE_STAGES.has(row.stage)) {
        throw refuse(
          "NOT_PUBLISHABLE",
          `Proposal ${id} is in ${row.stage}: only a proposal whose reply staff accepted (being evaluated, or closed) may be published.`,
          { stage: row.stage },
        );
      }
      const [history, units, attachments] = await Promise.all([
        database.prisma.proposalEvent.findMany({ where: { proposalId: id }, orderBy: { seq: "asc" } }),
        database.prisma.unit.findMany({
          where: { id: { in: row.unitIds }, ...scopedToCommittee(caller) },
          select: { id: true, name: true },
        }),
        database.prisma.attachment.findMany({
          where: { proposalId: id },
          select: { id: true, filename: true, contentType: true, size: true, sha256: true },
        }),
      ]);
      const context = toRecord(row).context as { content?: Record<string, unknown> };
      const outcome = publicationOf(
        {
          content: context.content ?? { title: row.title, category: row.category },
          history,
          unitNames: new Map(units.map((unit) => [unit.id, unit.name])),
          attachments,
        },
        body.redactions,
      );
      if (!outcome.ok && outcome.code === "NOT_PUBLISHABLE") {
        throw refuse("NOT_PUBLISHABLE", `Proposal ${id} has no reply that staff accepted.`, { stage: row.stage });
      }
      if (!outcome.ok) {
        const index = outcome.code === "REDACTION_NOT_FOUND" ? outcome.index : 0;
        throw refuse("REDACTION_NOT_FOUND", "A redaction's text does not occur in its field; nothing was published.", {
          fields: [{ path: `redactions.${index}.find`, message: "does not occur in the field" }],
        });
      }
      const now = clock.now();
      const { saved, existed } = await database.prisma.$transaction(async (tx) => {
        // One statement decides whether this publishes or replaces, so of concurrent first publications exactly
        // one answers 201 (xmax is 0 for a row this statement inserted, not for one it updated).
        const [written] = await tx.$queryRaw<{ inserted: boolean }[]>`
          INSERT INTO publications (proposal_id, content, redactions, published_by, published_at)
          VALUES (${id}, ${JSON.stringify(outcome.content)}::jsonb, ${JSON.stringify(outcome.redactions)}::jsonb,
                  ${who}, ${now.toISOString()}::timestamptz)
          ON CONFLICT (proposal_id) DO UPDATE SET content = EXCLUDED.content, redactions = EXCLUDED.redactions,
            published_by = EXCLUDED.published_by, published_at = EXCLUDED.published_at,
            withdrawn_at = NULL, withdrawn_by = NULL, withdraw_reason = NULL
          RETURNING (xmax = 0) AS inserted`;
        const existed = written?.inserted !== true;
        // What was removed is recorded as its field, size and reason: the audit trail holds no removed text either.
        await recordAudit(tx, subject, {
          action: "publication.publish",
          target: { type: "proposal", id },
          details: {
            replaced: existed,
            replies: outcome.content.replies.length,
            attachments: (outcome.content.attachments ?? []).map((attachment) => attachment.id),
            redactions: outcome.redactions as unknown as Prisma.InputJsonValue,
          },
        });
        return { saved: await tx.publication.findUniqueOrThrow({ where: { proposalId: id } }), existed };
      });
      request.log.info({ proposalId: id, redactions: outcome.redactions.length }, "proposal published");
      return {
        status: existed ? 200 : 201,
        body: publicationView(saved),
        headers: { Location: `/public/proposals/${id}` },
      };
    });
  });

  router.get("/proposals/:id/publication", allowed, async (request, response) => {
    const id = String(request.params.id);
    const row = await database.prisma.publication.findFirst({
      where: { proposalId: id, ...viaProposal(callerOf(response)) },
    });
    if (!row) throw refuse("NOT_FOUND", `Proposal ${id} has never been published.`);
    response.json(publicationView(row));
  });

  router.delete("/proposals/:id/publication", allowed, async (request, response) => {
    const { caller, subject, who } = by(request, response);
    await respondOnce({ database, lease: deps.idempotencyLease }, caller, request, response, async () => {
      const body = parseBody(withdrawSchema, request.body);
      const id = String(request.params.id);
      const now = clock.now();
      const saved = await database.prisma.$transaction(async (tx) => {
        // Only a live publication is withdrawn; the condition in the update decides concurrent withdrawals.
        const changed = await tx.publication.updateMany({
          where: { proposalId: id, withdrawnAt: null, ...viaProposal(caller) },
          data: { withdrawnAt: now, withdrawnBy: who, withdrawReason: body.reason },
        });
        if (changed.count === 0) return null;
        await recordAudit(tx, subject, {
          action: "publication.withdraw",
          target: { type: "proposal", id },
          details: { reason: body.reason },
        });
        return tx.publication.findUniqueOrThrow({ where: { proposalId: id } });
      });
      if (!saved) throw refuse("NOT_FOUND", `Proposal ${id} is not published.`);
      request.log.info({ proposalId: id }, "publication withdrawn");
      return { status: 200, body: publicationView(saved) };
    });
  });

  return router;
}

export const publicListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * The public endpoints, without a key: published and not withdrawn items only. A withdrawn, unpublished or
 * unknown id is the same 404, so the public cannot tell a proposal exists. `no-store`: a withdrawal takes effect
 * at once, no cache keeps serving what was withdrawn. Each committee publishes its own: the default committee's
 * under `/public` (the URLs of a deployment of one), another's under `/public/committees/<id>`; a proposal of
 * another committee is as unknown as one never published.
 */
export function publicRoutes(database: Database, store: AttachmentStore): Router {
  const router = Router();
  router.use(mountedAt);
  router.use((_request, response, next) => {
    response.setHeader("Cache-Control", "no-store");
    response.vary("Accept");
    next();
  });
  const ofCommittee = Router({ mergeParams: true });
  ofCommittee.use((request, _response, next) => {
    // An id that is not a committee's shape names no committee: the same 404 as one that does not exist.
    if (!committeeIdSchema.safeParse(request.params.committee).success) {
      throw refuse("NOT_FOUND", "No such committee publishes here.");
    }
    next();
  });
  ofCommittee.use(committeePublicRoutes(database, store, (request) => String(request.params.committee)));
  router.use("/committees/:committee", ofCommittee);
  router.use(committeePublicRoutes(database, store, () => DEFAULT_COMMITTEE));
  return router;
}

/** One committee's public endpoints (see `publicRoutes`); `committeeOf` reads which from the request. */
function committeePublicRoutes(
  database: Database,
  store: AttachmentStore,
  committeeOf: (request: Request) => string,
): Router {
  const router = Router({ mergeParams: true });
  const live = (request: Request) => ({ withdrawnAt: null, proposal: { committeeId: committeeOf(request) } });
  const baseOf = (request: Request) =>
    committeeOf(request) === DEFAULT_COMMITTEE ? "/public" : `/public/committees/${committeeOf(request)}`;

  async function published(request: Request, limit: number) {
    const rows = await database.prisma.publication.findMany({
      where: live(request),
      orderBy: [{ publishedAt: "desc" }, { proposalId: "asc" }],
      take: limit,
    });
    return rows.map((row) => publicView(row, baseOf(request)));
  }

  async function one(request: Request, id: string) {
    const row = await database.prisma.publication.findFirst({ where: { proposalId: id, ...live(request) } });
    if (!row) throw refuse("NOT_FOUND", `No published proposal ${id}.`);
    return publicView(row, baseOf(request));
  }

  // A browser (Accept: text/html) gets the zh-CN pages, every other client JSON, as the acknowledge links do.
  const wantsHtml = (request: Request) => request.accepts(["json", "html"]) === "html";

  async function list(request: Request, response: Response) {
    const query = parseQuery(publicListQuerySchema, request.query);
    const items = await published(request, query.limit);
    if (!wantsHtml(request)) return void response.json({ items });
    response.setHeader("Content-Security-Policy", PAGE_POLICY);
    response.type("html").send(listPage(items, baseOf(request)));
  }
  router.get("/", list);
  router.get("/proposals", list);

  // A published file: only one the live public copy lists (a withdrawal or a redaction takes it away at once).
  router.get("/proposals/:id/attachments/:attachmentId", async (request, response) => {
    const proposalId = String(request.params.id);
    const attachmentId = String(request.params.attachmentId);
    const missing = () => refuse("NOT_FOUND", `No published attachment ${attachmentId}.`);
    const row = await database.prisma.publication.findFirst({ where: { proposalId, ...live(request) } });
    const content = row?.content as unknown as PublishedContent | undefined;
    if (!content?.attachments?.some((attachment) => attachment.id === attachmentId)) throw missing();
    const attachment = await database.prisma.attachment.findFirst({ where: { id: attachmentId, proposalId } });
    if (!attachment) throw missing();
    await sendDownload(response, attachment, await store.open(attachment.storageKey));
  });

  router.get("/proposals/:id", async (request, response) => {
    const item = await one(request, String(request.params.id));
    if (!wantsHtml(request)) return void response.json(item);
    response.setHeader("Content-Security-Policy", PAGE_POLICY);
    response.type("html").send(itemPage(item, baseOf(request)));
  });

  return router;
}
