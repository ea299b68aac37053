import type { Database } from "@huiyin/db";
import type { Clock, Workflow } from "@huiyin/engine";
import { Router } from "express";
import { callerOf } from "../auth/authenticate.ts";
import { myWork } from "./my-work.ts";

/** `GET /v1/my-work`: the caller's work queue (see `myWork`). */
export function workRoutes(deps: { database: Database; workflow: Workflow; clock: Clock }): Router {
  const router = Router();
  router.get("/my-work", async (_request, response) => {
    const work = await myWork(deps.database, deps.workflow, callerOf(response), deps.clock.now());
    response.json({
      ...work,
      items: work.items.map((item) => ({ ...item, dueAt: item.dueAt?.toISOString() ?? null })),
    });
  });
  return router;
}
