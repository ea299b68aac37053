import { existsSync } from "node:fs";
import path from "node:path";
import { createProposal } from "@huiyin/engine";
import { repoRoot } from "@huiyin/infra-local";
import autocannon from "autocannon";
import { cloneIdOf, cloneProposal } from "../clone.ts";
import { type EngineContext, resetState } from "../context.ts";
import type { Environment } from "../environment.ts";
import { proposalInput, proposer } from "../lifecycle.ts";
import { issueKey, startServices } from "../services.ts";
import { round } from "../stats.ts";

export interface HttpFigure {
  requestsPerSecond: number;
  latencyMs: Record<string, number>;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface HttpResult {
  connections: number;
  seconds: number;
  healthz: HttpFigure;
  /** `GET /v1/whoami`: the api's middleware alone (rate limits, authentication, acting-for), no proposal read. */
  whoami: HttpFigure;
  getProposal: HttpFigure;
  postEvent: HttpFigure;
  draftsUsed: number;
}

const apiDir = path.join(repoRoot, "services", "api");

/** Scenario 5 can run only once the API serves proposals; the reason when it cannot, otherwise undefined. */
export function httpUnavailable(): string | undefined {
  if (!existsSync(path.join(apiDir, "src", "main.ts"))) return "services/api is not in this checkout";
  if (!existsSync(path.join(apiDir, "src", "proposals", "routes.ts"))) return "the API has no proposal routes yet";
  return undefined;
}

/**
 * Scenario 5: the real api process (services/api, started as `pnpm start` would), loaded by autocannon
 * at a fixed number of connections: its trivial `/healthz` as the ceiling of this server on this machine,
 * `GET /v1/whoami` (what every `/v1` request pays before its route: rate limits, authentication), then
 * `GET /v1/proposals/:id` over many proposals, then `POST /v1/proposals/:id/events` submitting a
 * different draft with every request (a real transition: history, deadline, alarms, outbox).
 */
export async function httpScenario(
  environment: Environment,
  engine: EngineContext,
  options: { seconds: number; connections: number; drafts: number },
): Promise<HttpResult> {
  await resetState(environment, engine.db, engine.producer);
  const { proposal } = await createProposal(engine.deps, { input: proposalInput(), actor: proposer });
  await cloneProposal(engine, proposal.id, options.drafts, ["proposals", "proposal_events"]);
  await engine.db.pool.query("VACUUM ANALYZE proposals, proposal_events");

  const services = await startServices(environment, { worker: false });
  try {
    const { url } = services;
    const key = await issueKey(url, services.adminKey, proposer);
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const run = (requests: autocannon.Request[]) =>
      measure({ url, connections: options.connections, duration: options.seconds, requests });

    const healthz = await run([{ method: "GET", path: "/healthz" }]);
    const whoami = await run([{ method: "GET", path: "/v1/whoami", headers }]);
    let read = 0;
    const getProposal = await run([
      {
        method: "GET",
        headers,
        setupRequest: (request) => ({
          ...request,
          path: `/v1/proposals/${cloneIdOf(read++ % Math.min(500, options.drafts))}`,
        }),
      },
    ]);
    let next = 0;
    const postEvent = await run([
      {
        method: "POST",
        headers,
        body: JSON.stringify({ type: "submit" }),
        setupRequest: (request) => ({ ...request, path: `/v1/proposals/${cloneIdOf(next++ % options.drafts)}/events` }),
      },
    ]);
    return {
      connections: options.connections,
      seconds: options.seconds,
      healthz,
      whoami,
      getProposal,
      postEvent,
      // Past the last draft the ids repeat and are refused (4xx, counted in non2xx): then give more drafts.
      draftsUsed: Math.min(next, options.drafts),
    };
  } finally {
    await services.stop();
  }
}

async function measure(options: autocannon.Options): Promise<HttpFigure> {
  // A short warm-up of the same requests: JIT, pools and prepared plans.
  await autocannon({ ...options, duration: Math.min(1, Number(options.duration) / 4) });
  const result = await autocannon(options);
  return {
    requestsPerSecond: round(result.requests.average, 0),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 },
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
