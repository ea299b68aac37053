import { Router } from "express";

/**
 * `GET /v1/workflows/proposal`: the machine's states, events and effects as data, and as a Mermaid diagram,
 * so that integrators can see the lifecycle they drive. Injected (the definition of the machine the engine runs).
 */
export function workflowRoutes(definition: { describe(): unknown; diagram(): string }): Router {
  const router = Router();
  const body = { definition: definition.describe(), mermaid: definition.diagram() };
  router.get("/workflows/proposal", (_request, response) => {
    response.json(body);
  });
  return router;
}
