import type { Database, Prisma } from "@huiyin/db";
import type { Request, Response } from "express";
import type { Caller } from "../auth/keys.ts";
import { redactPath } from "../http/request-log.ts";

/**
 * What the audit trail records: every change an administrator or operator makes, and every attempt that was
 * refused (403) or failed authentication (401). One list, so that the query endpoint can validate its filter and a
 * reader of the code sees at once what is audited. Add a verb here before recording it.
 */
export const AUDIT_ACTIONS = [
  "api-key.issue",
  "api-key.revoke",
  "api-key.bind",
  "delegation.create",
  "delegation.revoke",
  "person.succession",
  "directory.person.save",
  "directory.person.delete",
  "directory.unit.save",
  "directory.unit.delete",
  "directory.role.assign",
  "directory.role.unassign",
  "webhook.subscribe",
  "webhook.unsubscribe",
  "notification-robot.save",
  "notification-robot.delete",
  "webhook.update",
  "webhook.secret-rotate",
  "webhook.ping",
  "webhook.redeliver",
  "notice-delivery.retry",
  "publication.publish",
  "publication.withdraw",
  "account.invite",
  "account.password-set",
  "account.lock",
  "account.unlock",
  "account.disable",
  "account.enable",
  "session.start",
  "session.end",
  "attachment.upload",
  "attachment.download",
  "committee-session.create",
  "directory.import",
  "proposals.import",
  "committee.create",
  "committee.update",
  "committee.admin-key.issue",
  "committee.admin.invite",
  "authentication.failed",
  "access.refused",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ["succeeded", "refused", "failed"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditEntry {
  action: AuditAction;
  outcome?: AuditOutcome;
  target?: { type: string; id: string };
  /** What changed: the fields that matter, before and after. Never a credential. */
  details?: Prisma.InputJsonValue;
}

/** Who did it and from where, taken from the request (the caller when it authenticated). */
export interface AuditSubject {
  caller?: Caller | undefined;
  requestId?: string | undefined;
  address?: string | undefined;
}

/** Writes go through a transaction client, so that a change and its audit entry commit together or not at all. */
type Writer = Pick<Prisma.TransactionClient, "auditEntry">;

export function subjectOf(request: Request, response: Response): AuditSubject {
  const caller = response.locals.caller as Caller | undefined;
  const id = (request as { id?: unknown }).id;
  return {
    caller,
    requestId: typeof id === "string" || typeof id === "number" ? String(id) : undefined,
    address: request.ip,
  };
}

/**
 * Appends one entry. Call it inside the transaction of the change it records. The entry belongs to the caller's
 * committee (its admins read it), unless `entry.committeeId` names the committee an operator acted on; a failed
 * authentication has none.
 */
export async function recordAudit(
  writer: Writer,
  subject: AuditSubject,
  entry: AuditEntry & { committeeId?: string },
): Promise<void> {
  await writer.auditEntry.create({
    data: {
      committeeId: entry.committeeId ?? subject.caller?.committeeId ?? null,
      actorKeyId: subject.caller?.keyId ?? null,
      actorKey: subject.caller?.prefix ?? null,
      actorRole: subject.caller?.role ?? null,
      actorId: subject.caller?.actorId ?? null,
      action: entry.action,
      outcome: entry.outcome ?? "succeeded",
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      ...(entry.details === undefined ? {} : { details: entry.details }),
      requestId: subject.requestId ?? null,
      address: subject.address ?? null,
    },
  });
}

function onBehalfOf(request: Request): { onBehalfOf?: string } {
  const header = request.headers["x-on-behalf-of"];
  return typeof header === "string" ? { onBehalfOf: header.slice(0, 200) } : {};
}

/**
 * Records the requests under `/v1` that were refused for want of a valid key (401) or of the right role or scope
 * (403), once their answer is sent. Nothing changed, so there is no transaction to join; a failure to write is
 * logged and does not touch the answer already given. Failed authentications are bounded by the per-address rate
 * limit in front of authentication, so this cannot be used to flood the table faster than the api answers.
 */
export function auditRefusals(database: Database) {
  return (request: Request, response: Response, next: () => void): void => {
    response.on("finish", () => {
      const status = response.statusCode;
      if (status !== 401 && status !== 403) return;
      const subject = subjectOf(request, response);
      recordAudit(database.prisma, subject, {
        action: status === 401 ? "authentication.failed" : "access.refused",
        outcome: status === 401 ? "failed" : "refused",
        // The path without its query: a query may carry a credential (the acknowledge link's signature); an
        // invitation's token in the path is replaced.
        details: {
          method: request.method,
          path: redactPath(request.originalUrl.split("?")[0] ?? ""),
          // Whom an integrator key tried to act for (a person id, never a credential).
          ...onBehalfOf(request),
        },
      }).catch((error: unknown) => request.log.error({ err: error }, "audit entry of a refused request not written"));
    });
    next();
  };
}
