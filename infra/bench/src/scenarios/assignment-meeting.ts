import { type EngineContext, resetState } from "../context.ts";
import type { Environment } from "../environment.ts";
import { issueKey, startServices } from "../services.ts";
import { round } from "../stats.ts";

export interface AssignmentMeetingResult {
  proposals: number;
  /** Two `POST /v1/batches` (register all, then assign all): seconds for both. */
  batchSeconds: number;
  /** The same two events sent one `POST /v1/proposals/:id/events` at a time, for as many other proposals. */
  singleSeconds: number;
  /** Milliseconds per item of each. */
  batchMsPerItem: number;
  singleMsPerItem: number;
}

const proposal = (n: number) => ({
  title: `关于第${n}项工作的建议`,
  reasons: "理由。",
  suggestions: ["建议一"],
  category: "livelihood",
  proposers: [{ id: `member-${n % 50}` }],
  submit: true,
});

/**
 * The 交办会 (issue 16): after the plenary, `proposals` submitted proposals are registered and assigned at one
 * meeting. Two batches through the api process (`review.register` for all, then `assign` for all), timed, beside
 * the same two events sent one request at a time for as many other proposals: the per-item cost of each way.
 */
export async function assignmentMeetingScenario(
  environment: Environment,
  engine: EngineContext,
  options: { proposals: number; log: (message: string) => void },
): Promise<AssignmentMeetingResult> {
  await resetState(environment, engine.db, engine.producer);
  const services = await startServices(environment, { worker: false });
  try {
    const staff = await issueKey(services.url, services.adminKey, { role: "staff", id: "bench-office" });
    const call = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${services.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${staff}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as Record<string, unknown>;
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };
    const create = async (count: number, offset: number) => {
      const ids: string[] = [];
      for (let n = 0; n < count; n += 1)
        ids.push((await call("POST", "/v1/proposals", proposal(offset + n))).id as string);
      return ids;
    };
    const register = { type: "review.register", category: "livelihood" };
    const assign = (n: number) => ({
      type: "assign",
      mode: "sole",
      units: [{ unitId: `unit-${n % 40}`, role: "lead" }],
    });
    options.log(`   submitting ${options.proposals * 2} proposals`);
    const batched = await create(options.proposals, 0);
    const single = await create(options.proposals, options.proposals);

    let began = performance.now();
    const registered = await call("POST", "/v1/batches", { event: register, proposalIds: batched });
    // A 交办会 assigns by unit; one batch per unit would be the same work in more requests: one batch, one unit.
    const assigned = await call("POST", "/v1/batches", { event: assign(0), proposalIds: batched });
    const batchSeconds = (performance.now() - began) / 1000;
    for (const [name, batch] of [
      ["register", registered],
      ["assign", assigned],
    ] as const) {
      const counts = batch.counts as { applied: number };
      if (counts.applied !== options.proposals) throw new Error(`${name} batch applied ${counts.applied} items`);
    }

    began = performance.now();
    for (const id of single) await call("POST", `/v1/proposals/${id}/events`, register);
    for (const id of single) await call("POST", `/v1/proposals/${id}/events`, assign(0));
    const singleSeconds = (performance.now() - began) / 1000;
    const items = options.proposals * 2;
    return {
      proposals: options.proposals,
      batchSeconds: round(batchSeconds, 1),
      singleSeconds: round(singleSeconds, 1),
      batchMsPerItem: round((batchSeconds * 1000) / items),
      singleMsPerItem: round((singleSeconds * 1000) / items),
    };
  } finally {
    await services.stop();
  }
}
