import http from "node:http";
import { lifecycleSteps, proposalInput, proposer, staff, unit } from "./lifecycle.ts";
import { issueKey } from "./services.ts";

/** The API key of each role the lifecycle's steps are sent by, as an integrating client holds them. */
export type KeysByRole = Readonly<Record<string, string>>;

/** One key per actor of lifecycle.ts, so that every step goes out as the role that does it in real life. */
export async function issueLifecycleKeys(url: string, adminKey: string): Promise<KeysByRole> {
  const keys: Record<string, string> = {};
  for (const actor of [proposer, staff, unit]) keys[actor.role] = await issueKey(url, adminKey, actor);
  return keys;
}

/** POST /v1/proposals takes the content flat beside the proposers; the policy is the server's own. */
function createBody(input = proposalInput()) {
  return { ...input.content, proposers: input.proposers };
}

/**
 * The engine-direct lifecycle (lifecycle.ts) over HTTP: POST /v1/proposals, then every step as
 * POST /v1/proposals/:id/events with If-Match set to the version the last answer carried, as a client that
 * guards against lost updates does. No Idempotency-Key: it would add a reserve and a store statement per
 * request, and the figure is to differ from the engine-direct one by the HTTP layer only.
 * Pushes the latency of every transition in ms (request sent to answer read) onto `latencies`.
 */
export async function driveLifecycleOverHttp(url: string, keys: KeysByRole, latencies: number[]): Promise<string> {
  let started = performance.now();
  const created = await send(url, keyOf(keys, proposer.role), "/v1/proposals", createBody(), undefined, 201);
  latencies.push(performance.now() - started);
  let version = created.version;
  for (const step of lifecycleSteps()) {
    started = performance.now();
    const answer = await send(
      url,
      keyOf(keys, step.actor.role),
      `/v1/proposals/${created.id}/events`,
      step.event,
      version,
    );
    latencies.push(performance.now() - started);
    version = answer.version;
  }
  return created.id;
}

function keyOf(keys: KeysByRole, role: string): string {
  const key = keys[role];
  if (key === undefined) throw new Error(`no API key for the role ${role}`);
  return key;
}

/**
 * One keep-alive connection per client, through `node:http`. Not `fetch`: undici's fetch cost this bench ~3 ms of CPU
 * per request (its WHATWG streams and Headers), on the same 2 cores the api and PostgreSQL run on, so the client
 * itself lowered the figure it measures; a plain request costs a fraction of that. Integrators run elsewhere.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function send(
  url: string,
  key: string,
  path: string,
  body: unknown,
  version: number | undefined,
  expected = 200,
): Promise<{ id: string; version: number }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}${path}`,
      {
        method: "POST",
        agent,
        headers: {
          authorization: `Bearer ${key}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          ...(version === undefined ? {} : { "if-match": `"${version}"` }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (response.statusCode !== expected) {
            reject(new Error(`POST ${path}: ${response.statusCode} ${text.slice(0, 300)}`));
            return;
          }
          try {
            resolve(JSON.parse(text) as { id: string; version: number });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}
