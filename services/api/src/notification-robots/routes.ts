import { randomBytes } from "node:crypto";
import type { Database, Prisma } from "@huiyin/db";
import { type Keyring, openNoticeRobot, sealNoticeRobot, shownRobotUrl } from "@huiyin/engine";
import { type Request, Router } from "express";
import { z } from "zod";
import { recordAudit, subjectOf } from "../audit/record.ts";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import { scopedToCommittee } from "../committees/scope.ts";
import { refuse } from "../http/error-codes.ts";
import { parseBody } from "../http/validate.ts";

export const ROBOT_KINDS = ["wecom", "dingtalk"] as const;

type NoticeRobot = Prisma.NoticeRobotGetPayload<Record<string, never>>;

/** Whose group: `unit:<unit id>`, `leader:<leader id>`, or `committee` (the committee office). */
export const robotTargetSchema = z
  .string()
  .regex(/^(committee|(unit|leader):[^\s:/]{1,200})$/, "committee, unit:<unit id> or leader:<leader id>");

/** `PUT /v1/notification-robots/{target}/{kind}`: the robot's webhook URL and, for a signed 钉钉 robot, its secret. */
export const putRobotSchema = z.strictObject({
  url: z
    .url({ protocol: /^https$/, message: "must be an https:// URL" })
    .max(2000)
    .refine((url) => !new URL(url).username && !new URL(url).password, "must not carry a user or password"),
  secret: z.string().min(1).max(200).nullable().optional(),
});

/**
 * A robot as the API shows it: never its URL's query (the robot's key) nor its secret, only whether it has one.
 * What was set cannot be read back; an admin who lost it sets it again.
 */
export function robotView(row: NoticeRobot, shownUrl: string) {
  return {
    id: row.id,
    target: row.target,
    kind: row.kind as (typeof ROBOT_KINDS)[number],
    url: shownUrl,
    signed: row.secretSealed !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function pathOf(request: Request) {
  const target = robotTargetSchema.safeParse(request.params.target);
  const kind = z.enum(ROBOT_KINDS).safeParse(request.params.kind);
  if (!target.success || !kind.success) {
    throw refuse("VALIDATION_FAILED", "The robot's target or kind in the path is not one huiyin knows.", {
      fields: [
        ...(target.success ? [] : [{ path: "target", message: target.error.issues[0]?.message ?? "invalid" }]),
        ...(kind.success ? [] : [{ path: "kind", message: "wecom or dingtalk" }]),
      ],
    });
  }
  return { target: target.data, kind: kind.data };
}

/**
 * The group robots notices are posted to (issue 17), per committee, admin only: one robot per (target, kind). The
 * URL and secret are sealed with the secret box before they are stored, and never logged nor returned.
 */
export function notificationRobotRoutes(database: Database, deps: { keyring: Keyring }): Router {
  const router = Router();
  const admin = requireRole("admin");

  router.get("/notification-robots", admin, async (_request, response) => {
    const rows = await database.prisma.noticeRobot.findMany({
      where: scopedToCommittee(callerOf(response)),
      orderBy: [{ target: "asc" }, { kind: "asc" }],
    });
    const shown = (row: NoticeRobot) => shownRobotUrl(openNoticeRobot(deps.keyring, row).url);
    response.json({ items: rows.map((row) => robotView(row, shown(row))) });
  });

  router.put("/notification-robots/:target/:kind", admin, async (request, response) => {
    const { target, kind } = pathOf(request);
    const body = parseBody(putRobotSchema, request.body);
    const { committeeId } = callerOf(response);
    if (target.startsWith("unit:")) {
      const unit = await database.prisma.unit.findFirst({ where: { id: target.slice(5), committeeId } });
      if (!unit) {
        throw refuse("VALIDATION_FAILED", `No unit ${target.slice(5)} in the directory.`, {
          fields: [{ path: "target", message: "no such unit" }],
        });
      }
    }
    const key = { committeeId, target, kind };
    const { created, row } = await database.prisma.$transaction(async (tx) => {
      await lockRobot(tx, key);
      const existing = await tx.noticeRobot.findUnique({ where: { committeeId_target_kind: key } });
      const id = existing?.id ?? `rb_${randomBytes(12).toString("base64url")}`;
      const sealed = sealNoticeRobot(deps.keyring, id, body);
      const row = await tx.noticeRobot.upsert({
        where: { committeeId_target_kind: key },
        create: { id, ...key, ...sealed },
        update: sealed,
      });
      await recordAudit(tx, subjectOf(request, response), {
        action: "notification-robot.save",
        target: { type: "notification-robot", id },
        details: {
          change: existing ? "replaced" : "created",
          target,
          kind,
          url: shownRobotUrl(body.url),
          signed: Boolean(body.secret),
        },
      });
      return { created: !existing, row };
    });
    request.log.info(
      { robotId: row.id, target, kind, change: created ? "created" : "replaced" },
      "notification robot saved",
    );
    response.status(created ? 201 : 200).json(robotView(row, shownRobotUrl(body.url)));
  });

  router.delete("/notification-robots/:target/:kind", admin, async (request, response) => {
    const { target, kind } = pathOf(request);
    const key = { committeeId: callerOf(response).committeeId, target, kind };
    const removed = await database.prisma.$transaction(async (tx) => {
      await lockRobot(tx, key);
      const row = await tx.noticeRobot.findUnique({ where: { committeeId_target_kind: key } });
      if (!row) return null;
      await tx.noticeRobot.delete({ where: { id: row.id } });
      await recordAudit(tx, subjectOf(request, response), {
        action: "notification-robot.delete",
        target: { type: "notification-robot", id: row.id },
        details: { target, kind },
      });
      return row;
    });
    if (!removed) throw refuse("NOT_FOUND", `No ${kind} robot for ${target}.`);
    request.log.info({ robotId: removed.id, target, kind }, "notification robot deleted");
    response.status(204).end();
  });

  return router;
}

/**
 * Saves and deletions of one robot take turns: without it, two saves at once both find no row and both answer
 * "created", and two deletions at once both find the row and the second fails to delete it (a 5xx).
 */
async function lockRobot(
  tx: { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number> },
  key: { committeeId: string; target: string; kind: string },
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`notification-robot:${key.committeeId}:${key.target}:${key.kind}`}))`;
}
