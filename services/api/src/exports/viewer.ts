import { creatorOf } from "@huiyin/engine";
import type { Viewer } from "@huiyin/workflow-proposal";
import type { Grant } from "../auth/keys.ts";
import { viewerOf } from "../proposals/access.ts";

/** What of a row decides which of a caller's roles sees it (as proposals/access.ts `grantWhere` decides it). */
export interface RowParties {
  id: string;
  proposerId: string;
  unitIds: readonly string[];
  leaderId: string | null;
  createdBy: string | null;
  committeeId: string;
  snapshot: unknown;
}

function hasMember(list: unknown, id: string): boolean {
  return Array.isArray(list) && list.some((entry) => (entry as { id?: unknown } | null)?.id === id);
}

/** Whether `grant` sees the row: `grantWhere` of proposals/access.ts, on a row already read. */
export function grantSees(grant: Grant, row: RowParties): boolean {
  switch (grant.role) {
    case "admin":
    case "staff":
      return true;
    case "unit":
      return grant.unitId != null && row.unitIds.includes(grant.unitId);
    case "leader": {
      const scope = grant.leaderScope;
      return (
        row.leaderId === grant.actorId ||
        (scope?.supervisedUnitIds.some((unit) => row.unitIds.includes(unit)) ?? false) ||
        (scope?.addressedProposalIds.includes(row.id) ?? false)
      );
    }
    case "proposer": {
      const context = (row.snapshot as { context?: { proposers?: unknown; linkedProposers?: unknown } } | null)
        ?.context;
      return (
        row.proposerId === grant.actorId ||
        hasMember(context?.proposers, grant.actorId) ||
        hasMember(context?.linkedProposers, grant.actorId)
      );
    }
    case "integrator":
      // `created_by` as the engine writes it: the creator, within its committee.
      return row.createdBy === creatorOf({ role: "integrator", id: grant.actorId }, row.committeeId);
    case "operator":
      // The deployment's operator manages committees; it reads none of their proposals.
      return false;
  }
}

/** The role nobody reads replies under: the fallback when no role of the caller claims a row. */
const NOBODY: Viewer = { audience: "unit", unitId: null };

/**
 * Which audience of the disclosure rules a row is written for: the first (most privileged) of the caller's roles
 * that sees it, as `GET /v1/proposals/:id` answers under `grantsSeeing`. A person who is staff and a proposer
 * exports as staff; a unit head who also proposes reads another unit's proposal of theirs as its proposer.
 */
export function viewerForRow(grants: readonly Grant[], row: RowParties): Viewer {
  const grant = grants.find((candidate) => grantSees(candidate, row));
  return grant ? viewerOf(grant) : NOBODY;
}
