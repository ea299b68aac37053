import { type Check, readiness } from "@huiyin/runtime";
import { Router } from "express";

/** `/healthz`: the process answers. `/readyz`: the database is reachable and migrated, Redis answers. */
export function healthRoutes(checks: readonly Check[]): Router {
  const router = Router();
  router.get("/healthz", (_request, response) => {
    response.json({ status: "ok", service: "api" });
  });
  router.get("/readyz", async (_request, response) => {
    const result = await readiness(checks);
    response.status(result.status === "ready" ? 200 : 503).json({ service: "api", ...result });
  });
  return router;
}
