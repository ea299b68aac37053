import type { Database } from "@huiyin/db";
import { Router } from "express";
import { callerOf, requireRole } from "../auth/authenticate.ts";

/**
 * `GET /v1/units`: the committee's handling units by id and name, for those who assign and follow proposals (staff,
 * admins, leaders) to pick a unit by its name instead of typing its id. The directory's other fields (heads,
 * supervising leaders) stay the admin's (`/v1/directory/units`).
 */
export function unitNameRoutes(database: Database): Router {
  const router = Router();
  router.get("/units", requireRole("admin", "staff", "leader"), async (_request, response) => {
    const rows = await database.prisma.unit.findMany({
      where: { committeeId: callerOf(response).committeeId },
      select: { id: true, name: true },
      orderBy: { id: "asc" },
    });
    response.json({ items: rows });
  });
  return router;
}
