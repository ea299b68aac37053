import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { createProposal } from "@huiyin/engine";
import { freePort, repoRoot } from "@huiyin/infra-local";
import autocannon from "autocannon";
import { cloneIdOf, cloneProposal } from "../clone.ts";
import { BENCH_PREFIX, type EngineContext, resetState } from "../context.ts";
import type { Environment } from "../environment.ts";
import { proposalInput, proposer } from "../lifecycle.ts";
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
 * then `GET /v1/proposals/:id` over many proposals, then `POST /v1/proposals/:id/events` submitting a
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

  const adminKey = randomBytes(32).toString("base64url");
  const port = await freePort();
  const api = startApi(environment, port, adminKey);
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, api);
    const key = await issueKey(url, adminKey);
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const run = (requests: autocannon.Request[]) =>
      measure({ url, connections: options.connections, duration: options.seconds, requests });

    const healthz = await run([{ method: "GET", path: "/healthz" }]);
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
      getProposal,
      postEvent,
      // Past the last draft the ids repeat and are refused (4xx, counted in non2xx): then give more drafts.
      draftsUsed: Math.min(next, options.drafts),
    };
  } finally {
    await stopApi(api);
  }
}

function startApi(environment: Environment, port: number, adminKey: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: apiDir,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: environment.databaseUrl,
      REDIS_URL: environment.redisUrl,
      QUEUE_PREFIX: BENCH_PREFIX,
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "silent",
      HUIYIN_ADMIN_KEY: adminKey,
      // The per-key rate limit protects a deployment from one client; here one client is the load.
      API_RATE_LIMIT_PER_MINUTE: "100000000",
    },
  });
}

async function waitForHealth(url: string, api: ChildProcess): Promise<void> {
  const until = Date.now() + 30_000;
  let last = "not listening";
  while (Date.now() < until) {
    if (api.exitCode !== null) throw new Error(`the api exited with code ${api.exitCode} during start-up`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
      last = await response.text();
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the api did not become ready within 30 s: ${last}`);
}

async function issueKey(url: string, adminKey: string): Promise<string> {
  const response = await fetch(`${url}/v1/api-keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminKey}`, "content-type": "application/json" },
    body: JSON.stringify({ role: "proposer", actorId: proposer.id, name: "bench" }),
  });
  if (response.status !== 201) throw new Error(`issuing a key: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { key: string }).key;
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

async function stopApi(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null) return;
  const exited = new Promise((resolve) => api.once("exit", resolve));
  api.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (api.exitCode === null) api.kill("SIGKILL");
}
