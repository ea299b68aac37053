import type { Database } from "@huiyin/db";
import { currentPolicy, type PolicyVersion, policyVersions, savePolicyVersion } from "@huiyin/engine";
import { Router } from "express";
import { z } from "zod";
import { callerOf, requireRole } from "../auth/authenticate.ts";
import { refuse } from "../http/error-codes.ts";
import { parseBody, problemsOf } from "../http/validate.ts";

const versionView = (version: PolicyVersion) => ({
  version: version.version,
  override: version.override,
  policy: version.policy,
  changedBy: version.changedBy,
  changedAt: version.changedAt.toISOString(),
  note: version.note,
});

/** `PUT /v1/policy`'s body: the committee's override of the default policy, and why it changes. */
export const putPolicySchema = z.strictObject({
  override: z.record(z.string(), z.unknown()).describe("What differs from the default policy (see the README)."),
  note: z.string().trim().min(1).max(500).optional(),
});

/**
 * A committee's policy as data (admin): `GET /v1/policy` the one new proposals are registered under (the default
 * policy until a version is kept), `PUT /v1/policy` a new version (the override is validated in full, nothing is
 * kept when it fails), `GET /v1/policy/versions` every version with who changed it and when. A new version applies
 * to proposals registered after it; each proposal keeps the policy (and its version) it was registered under.
 * Always the caller's own committee's.
 */
export function policyRoutes(database: Database): Router {
  const router = Router();
  router.use("/policy", requireRole("admin"));

  router.get("/policy", async (_request, response) => {
    const { committeeId } = callerOf(response);
    const [policy, versions] = await Promise.all([
      currentPolicy(database, committeeId),
      policyVersions(database, committeeId),
    ]);
    const latest = versions[0];
    const { calendarAdditions: _additions, ...rules } = policy;
    response.json({
      version: latest?.version ?? null,
      policy: rules,
      changedBy: latest?.changedBy ?? null,
      changedAt: latest?.changedAt.toISOString() ?? null,
    });
  });

  router.get("/policy/versions", async (_request, response) => {
    const { committeeId } = callerOf(response);
    response.json({ items: (await policyVersions(database, committeeId)).map(versionView) });
  });

  router.put("/policy", async (request, response) => {
    const body = parseBody(putPolicySchema, request.body);
    const caller = callerOf(response);
    const { committeeId } = caller;
    // The same override as the last version is no new version: 200 with it (a retry, or concurrent PUTs).
    const saved = await savePolicyVersion(
      database,
      { committeeId, override: body.override, changedBy: `${caller.role}:${caller.actorId}`, note: body.note },
      { unlessSame: true },
    ).catch((error: unknown) => {
      if (error instanceof z.ZodError) {
        throw refuse("POLICY_INVALID", "The policy is not valid; nothing was kept.", { fields: problemsOf(error) });
      }
      if (error instanceof RangeError) throw refuse("POLICY_INVALID", error.message);
      throw error;
    });
    request.log.info({ committeeId, version: saved.version.version }, "policy version kept");
    response.status(saved.saved ? 201 : 200).json(versionView(saved.version));
  });

  return router;
}
