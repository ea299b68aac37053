import type { Database } from "@huiyin/db";
import type { Clock } from "@huiyin/engine";
import { verifyAckSignature } from "@huiyin/notify";
import { type ErrorRequestHandler, type Request, type Response, Router } from "express";
import { z } from "zod";
import { escapeHtml } from "../http/docs.ts";
import { refuse } from "../http/error-codes.ts";
import { HttpError } from "../http/errors.ts";
import { parseQuery } from "../http/validate.ts";

/** The query of an acknowledge link, as the notifier writes it (`ackLink` in @huiyin/notify). */
export const ackLinkQuerySchema = z.strictObject({
  person: z.string().min(1).max(200),
  /** Unix seconds after which the link no longer acknowledges. */
  exp: z.string().regex(/^\d{1,12}$/, "Unix seconds"),
  /** HMAC-SHA256, base64url. */
  sig: z.string().regex(/^[\w-]{43}$/, "a base64url HMAC-SHA256"),
});

/** What a client that asks for JSON gets from both routes: the notice and who acknowledged it, if anyone. */
export const ackLinkNoticeSchema = z.strictObject({
  id: z.string(),
  proposalId: z.string(),
  kind: z.string(),
  level: z.number().int(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedBy: z.string().nullable(),
});

function noticeJson(notice: {
  id: string;
  proposalId: string;
  kind: string;
  level: number;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}): z.infer<typeof ackLinkNoticeSchema> {
  const { id, proposalId, kind, level, acknowledgedBy } = notice;
  return { id, proposalId, kind, level, acknowledgedAt: notice.acknowledgedAt?.toISOString() ?? null, acknowledgedBy };
}

export interface AckLinkDeps {
  database: Database;
  /** NOTIFY_LINK_SECRET, the notifier's; without it no link is valid (the e-mails carry none). */
  secret: string | undefined;
  clock: Clock;
}

type Language = "zh-CN" | "en";

const TEXT = {
  "zh-CN": {
    title: "确认已阅",
    confirm: "确认已阅此通知",
    question: "确认后，该期限的督办不再向上一级升级；期限本身仍需承办单位答复。",
    done: "已确认。该期限的督办不再向上一级升级。",
    already: "此通知已于 {at} 确认（{by}）。",
    proposal: "提案",
    level: "督办级别",
    failed: "无法确认",
  },
  en: {
    title: "Acknowledge",
    confirm: "Acknowledge this notice",
    question:
      "Once acknowledged, this deadline is not escalated to the next level; the handling unit must still reply.",
    done: "Acknowledged. This deadline is not escalated to the next level.",
    already: "This notice was acknowledged at {at} ({by}).",
    proposal: "Proposal",
    level: "Escalation level",
    failed: "Cannot acknowledge",
  },
} as const;

const STYLE = "body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#222}";

function page(language: Language, heading: string, body: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(heading)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(heading)}</h1>${body}</body></html>`;
}

/** The notice a valid, unexpired link names; 4xx with a stable code otherwise. Checks nothing else first. */
async function linkedNotice(deps: AckLinkDeps, request: Request) {
  const query = parseQuery(ackLinkQuerySchema, request.query);
  const noticeId = String(request.params.id);
  const expires = Number(query.exp);
  if (!deps.secret || !verifyAckSignature(deps.secret, noticeId, query.person, expires, query.sig)) {
    throw refuse("ACK_LINK_INVALID", "This acknowledge link is not one huiyin signed.");
  }
  // Checked after the signature, so that the answer says nothing about links huiyin did not write.
  if (expires * 1000 <= deps.clock.now().getTime()) {
    throw refuse("ACK_LINK_EXPIRED", "This acknowledge link has expired; acknowledge in the inbox.");
  }
  const notice = await deps.database.prisma.notice.findUnique({ where: { id: noticeId } });
  if (!notice) throw refuse("NOT_FOUND", `No notification ${noticeId}.`);
  const [person, proposal] = await Promise.all([
    deps.database.prisma.person.findUnique({ where: { id: query.person }, select: { language: true } }),
    deps.database.prisma.proposal.findUnique({ where: { id: notice.proposalId }, select: { title: true } }),
  ]);
  const language: Language = person?.language === "en" ? "en" : "zh-CN";
  return { notice, personId: query.person, language, title: proposal?.title ?? notice.proposalId };
}

type Linked = Awaited<ReturnType<typeof linkedNotice>>;

function summary(linked: Linked): string {
  const text = TEXT[linked.language];
  const level = linked.notice.level > 0 ? `<p>${text.level}: ${linked.notice.level}</p>` : "";
  return `<p>${text.proposal}: ${escapeHtml(linked.title)}</p>${level}`;
}

function acknowledgedLine(linked: Linked, at: Date, by: string | null): string {
  const line = TEXT[linked.language].already.replace("{at}", at.toISOString()).replace("{by}", by ?? "");
  return `<p>${escapeHtml(line)}</p>`;
}

// A browser asks for HTML by name; a client that accepts anything (`*/*`) gets JSON.
const wantsJson = (request: Request) => request.accepts(["json", "html"]) === "json";

/**
 * The acknowledge link of an e-mail: `GET /v1/notifications/:id/ack-link?person&exp&sig` shows a confirmation
 * page and changes nothing (mail scanners and link previews fetch links); its button POSTs to the same URL,
 * which acknowledges the notice for that person. The signed link is the credential, so these routes sit beside
 * the bearer-key API, not behind it. A bad signature is 403 `ACK_LINK_INVALID`, an expired link 410
 * `ACK_LINK_EXPIRED`. A browser gets pages; a client that asks for JSON (or for anything, `*\/*`) gets the notice
 * as JSON and errors in the API's shape.
 */
export function ackLinkRoutes(deps: AckLinkDeps): Router {
  const router = Router();

  router.get("/notifications/:id/ack-link", async (request, response) => {
    const linked = await linkedNotice(deps, request);
    response.setHeader("cache-control", "no-store");
    if (wantsJson(request)) {
      response.json(noticeJson(linked.notice));
      return;
    }
    const text = TEXT[linked.language];
    const { acknowledgedAt, acknowledgedBy } = linked.notice;
    const action = escapeHtml(request.originalUrl);
    const body = acknowledgedAt
      ? acknowledgedLine(linked, acknowledgedAt, acknowledgedBy)
      : `<p>${text.question}</p><form method="post" action="${action}"><button type="submit">${text.confirm}</button></form>`;
    response.type("html").send(page(linked.language, text.title, summary(linked) + body));
  });

  router.post("/notifications/:id/ack-link", async (request, response) => {
    const linked = await linkedNotice(deps, request);
    const by = `person:${linked.personId}`;
    // The first acknowledgement stands, as in the inbox: a repeat changes nothing and answers the same.
    await deps.database.prisma.notice.updateMany({
      where: { id: linked.notice.id, acknowledgedAt: null },
      data: { acknowledgedAt: deps.clock.now(), acknowledgedBy: by },
    });
    const notice = await deps.database.prisma.notice.findUniqueOrThrow({ where: { id: linked.notice.id } });
    request.log.info(
      { proposalId: notice.proposalId, noticeId: notice.id, acknowledgedBy: notice.acknowledgedBy },
      "notification acknowledged by link",
    );
    response.setHeader("cache-control", "no-store");
    if (wantsJson(request)) {
      response.json(noticeJson(notice));
      return;
    }
    const text = TEXT[linked.language];
    const line =
      notice.acknowledgedBy === by && notice.acknowledgedAt
        ? `<p>${text.done}</p>`
        : acknowledgedLine(linked, notice.acknowledgedAt ?? new Date(0), notice.acknowledgedBy);
    response.type("html").send(page(linked.language, text.title, summary(linked) + line));
  });

  // A person who clicked gets a page, not JSON; every other client gets the API's error shape.
  const errorPage: ErrorRequestHandler = (error, request, response: Response, next) => {
    if (!(error instanceof HttpError) || wantsJson(request)) return next(error);
    request.log.info({ code: error.code, status: error.status }, "acknowledge link refused");
    const title = `${TEXT["zh-CN"].failed} / ${TEXT.en.failed}`;
    response
      .status(error.status)
      .type("html")
      .send(page("zh-CN", title, `<p>${escapeHtml(error.message)}</p><p><code>${escapeHtml(error.code)}</code></p>`));
  };
  router.use("/notifications/:id/ack-link", errorPage);
  return router;
}
