import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { freePort, repoRoot } from "@huiyin/infra-local";
import { BENCH_PREFIX } from "./context.ts";
import type { Environment } from "./environment.ts";

/** The api process (and, when asked, a worker process) as `pnpm start` runs them, on the bench's servers. */
export interface Services {
  url: string;
  adminKey: string;
  api: ChildProcess;
  worker?: ChildProcess;
  stop(): Promise<void>;
}

function spawnService(service: "api" | "worker", env: Record<string, string>, profileDir?: string): ChildProcess {
  // A V8 CPU profile of the whole process, written by Node when it exits (SIGTERM: the services shut down cleanly).
  const profile = profileDir
    ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${service}.cpuprofile`]
    : [];
  return spawn(process.execPath, [...profile, "--import", "tsx", "src/main.ts"], {
    cwd: path.join(repoRoot, "services", service),
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, LOG_LEVEL: "silent", QUEUE_PREFIX: BENCH_PREFIX, HOST: "127.0.0.1", ...env },
  });
}

export async function startServices(
  environment: Environment,
  options: { worker: boolean; profileDir?: string | undefined },
): Promise<Services> {
  const adminKey = randomBytes(32).toString("base64url");
  const servers = {
    DATABASE_URL: environment.databaseUrl,
    REDIS_URL: environment.redisUrl,
    // The api and the worker refuse to start without the key that seals webhook secrets; one per run will do.
    SECRETS_ENCRYPTION_KEYS: process.env.SECRETS_ENCRYPTION_KEYS || `bench:${randomBytes(32).toString("base64")}`,
  };
  const port = await freePort();
  const api = spawnService(
    "api",
    {
      ...servers,
      PORT: String(port),
      HUIYIN_ADMIN_KEY: adminKey,
      // The per-key rate limit protects a deployment from one client; here one client is the load.
      API_RATE_LIMIT_PER_MINUTE: "100000000",
      // Every client of the bench is on 127.0.0.1: one address carries the whole load.
      API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: "100000000",
    },
    options.profileDir,
  );
  const started: ChildProcess[] = [api];
  try {
    const url = `http://127.0.0.1:${port}`;
    let worker: ChildProcess | undefined;
    if (options.worker) {
      const healthPort = await freePort();
      worker = spawnService("worker", { ...servers, HEALTH_PORT: String(healthPort) }, options.profileDir);
      started.push(worker);
      await waitForReady(`http://127.0.0.1:${healthPort}`, worker, "worker");
    }
    await waitForReady(url, api, "api");
    return { url, adminKey, api, ...(worker ? { worker } : {}), stop: () => stopAll(started) };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

async function waitForReady(url: string, child: ChildProcess, name: string): Promise<void> {
  const until = Date.now() + 30_000;
  let last = "not listening";
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the ${name} exited with code ${child.exitCode} during start-up`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
      last = await response.text();
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the ${name} did not become ready within 30 s: ${last}`);
}

/** An API key of `actor`'s role, acting as that actor (and unit). */
export async function issueKey(
  url: string,
  adminKey: string,
  actor: { role: string; id: string; unitId?: string },
): Promise<string> {
  const response = await fetch(`${url}/v1/api-keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminKey}`, "content-type": "application/json" },
    body: JSON.stringify({
      role: actor.role,
      actorId: actor.id,
      ...(actor.unitId ? { unitId: actor.unitId } : {}),
      name: "bench",
    }),
  });
  if (response.status !== 201) throw new Error(`issuing a key: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { key: string }).key;
}

async function stopAll(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }),
  );
}
